#include "gen/slack_writer.h"

#include <algorithm>
#include <cstdio>

#include "base/hash.h"

namespace meshcheck::gen {
namespace {

constexpr std::string_view kIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::string_view kHexDigits = "0123456789abcdef";
constexpr uint32_t kFieldDepth = 2;  // Day file: array, message object, its fields.
constexpr size_t kDayClosing = 2;    // "\n]".

// A message's ts: its second, then microseconds whose last three digits keep ids unique.
std::string Ts(int64_t ms, uint64_t seq) {
  char s[32];
  std::snprintf(s, sizeof s, "%lld.%06lld", static_cast<long long>(ms / 1000),
                static_cast<long long>((ms % 1000) * 1000 + static_cast<int64_t>(seq % 1000)));
  return s;
}

std::string Seconds(int64_t ms) {
  return std::to_string(ms / 1000) + ".000000";
}

// Slack's text escaping: &, < and > as entities (the markup Slack adds is written apart).
void AppendEscaped(std::string_view text, std::string* out) {
  for (const char c : text) {
    if (c == '&') {
      out->append("&amp;");
    } else if (c == '<') {
      out->append("&lt;");
    } else if (c == '>') {
      out->append("&gt;");
    } else {
      out->push_back(c);
    }
  }
}

std::string_view MimeOf(const Attachment& a) {
  return a.kind == AttachmentKind::kImage ? "image/png" : "application/octet-stream";
}

}  // namespace

SlackWriter::SlackWriter(const ExportInfo& info, FileSet* files)
    : info_(info), files_(files), json_(&day_, 0, kSlackJson) {
  team_id_ = Id('T', 1);
  channel_id_ = Id('C', 2);
  for (const Person& p : info.roster->people) {
    User u;
    u.id = Id('U', p.uid);
    if (p.kind == PersonKind::kBot)
      u.bot_id = Id('B', p.uid);
    PrettyJson j(&u.profile, kFieldDepth, kSlackJson);
    j.BeginObject();
    j.Field("avatar_hash", Id('g', p.uid >> 3).substr(0, 12));
    j.Field("image_72", "https://secure.gravatar.com/avatar/" + Uuid(p.uid).substr(0, 8) +
                            ".jpg?s=72&d=https%3A%2F%2Fa.slack-edge.com"
                            "%2Fdf10d%2Fimg%2Favatars%2Fava_0016-72.png");
    j.Field("first_name", p.display.substr(0, p.display.find(' ')));
    j.Field("real_name", p.display);
    j.Field("display_name", p.display);
    j.Field("team", team_id_);
    j.Field("name", p.username);
    j.Field("is_restricted", false);
    j.Field("is_ultra_restricted", false);
    j.EndObject();
    users_.push_back(std::move(u));
  }
}

std::string SlackWriter::Id(char prefix, uint64_t salt) const {
  std::string id(1, prefix);
  id.push_back('0');
  uint64_t x =
      base::Mix64(info_.seed * 0x9E3779B97F4A7C15ull ^ salt ^ static_cast<uint64_t>(prefix));
  for (int i = 0; i < 9; ++i) {
    id.push_back(kIdAlphabet[x % kIdAlphabet.size()]);
    x /= kIdAlphabet.size();
  }
  return id;
}

std::string SlackWriter::Uuid(uint64_t salt) const {
  std::string u;
  const uint64_t base = base::Mix64(info_.seed ^ salt);
  uint64_t x = 0;
  for (int i = 0; i < 32; ++i) {
    if (i % 16 == 0)
      x = base::Mix64(base + i);
    if (i == 8 || i == 12 || i == 16 || i == 20)
      u.push_back('-');
    u.push_back(kHexDigits[x & 15]);
    x >>= 4;
  }
  return u;
}

std::string SlackWriter::DayOf(int64_t utc_ms) const {
  const LocalTime t = ToLocal(*info_.zone, utc_ms);
  char s[16];
  std::snprintf(s, sizeof s, "%04lld-%02u-%02u", static_cast<long long>(t.year), t.month, t.day);
  return s;
}

void SlackWriter::Begin() {
  WriteChannels();
  WriteUsers();
}

void SlackWriter::WriteChannels() {
  std::string file;
  PrettyJson j(&file, 0, kSlackJson);
  const Roster& roster = *info_.roster;
  const std::string& owner = users_[roster.hosts.front()].id;
  const auto created = static_cast<int64_t>(1546300800 + base::Mix64(info_.seed) % 94608000);
  j.BeginArray();
  j.BeginObject();
  j.Field("id", channel_id_);
  j.Field("name", info_.place->channel);
  j.Field("created", created);
  j.Field("creator", owner);
  j.Field("is_archived", false);
  j.Field("is_general", false);
  j.Key("members");
  j.BeginArray();
  for (const User& u : users_)
    j.String(u.id);
  j.EndArray();
  for (const std::string_view key : {"topic", "purpose"}) {
    j.Key(key);
    j.BeginObject();
    j.Field("value", key == "topic" ? info_.place->server : info_.place->description);
    j.Field("creator", owner);
    j.Field("last_set", created);
    j.EndObject();
  }
  j.EndObject();
  j.EndArray();
  files_->Add("channels.json", file);
}

void SlackWriter::WriteUsers() {
  std::string file;
  PrettyJson j(&file, 0, kSlackJson);
  j.BeginArray();
  for (size_t i = 0; i < users_.size(); ++i) {
    const Person& p = info_.roster->people[i];
    const bool host = p.kind == PersonKind::kHost;
    const bool bot = p.kind == PersonKind::kBot;
    j.BeginObject();
    j.Field("id", users_[i].id);
    j.Field("team_id", team_id_);
    j.Field("name", p.username);
    j.Field("deleted", false);
    j.Field("real_name", p.display);
    j.Field("tz", info_.zone->name);
    j.Field("tz_offset", static_cast<int64_t>(info_.zone->standard_minutes) * 60);
    j.Key("profile");
    j.BeginObject();
    j.Field("real_name", p.display);
    j.Field("display_name", p.display);
    if (bot)
      j.Field("bot_id", users_[i].bot_id);
    j.Field("team", team_id_);
    j.EndObject();
    j.Field("is_admin", host);
    j.Field("is_owner", host && p.tier == 0);
    j.Field("is_primary_owner", host && p.tier == 0);
    j.Field("is_restricted", false);
    j.Field("is_ultra_restricted", false);
    j.Field("is_bot", bot);
    j.Field("is_app_user", false);
    j.EndObject();
  }
  j.EndArray();
  files_->Add("users.json", file);
}

void SlackWriter::StartDay(const std::string& day) {
  day_name_ = day;
  day_.clear();
  json_ = PrettyJson(&day_, 0, kSlackJson);
  json_.BeginArray();
}

void SlackWriter::FlushDay() {
  if (day_name_.empty())
    return;
  json_.EndArray();
  files_->Add(std::string(info_.place->channel) + "/" + day_name_ + ".json", day_);
  day_name_.clear();
}

bool SlackWriter::OnMessage(const ChatMessage& m) {
  const std::string day = DayOf(m.time_ms);
  if (day != day_name_) {
    FlushDay();
    StartDay(day);
  }
  const size_t mark = day_.size();
  const bool first = json_.empty_container();
  WriteMessage(m);
  const std::string path = std::string(info_.place->channel) + "/" + day_name_ + ".json";
  if (!files_->Fits(path, day_.size() + kDayClosing)) {
    day_.resize(mark);
    json_.set_empty_container(first);
    if (first)
      day_name_.clear();  // Nothing of this day fits: no file for it.
    return false;
  }
  ++written_;
  return true;
}

void SlackWriter::End() {
  FlushDay();
}

void SlackWriter::WriteMessage(const ChatMessage& m) {
  const Person& author = info_.roster->people[m.author];
  const User& user = users_[m.author];
  const bool bot = author.kind == PersonKind::kBot;
  const std::string ts = Ts(m.time_ms, m.seq);
  json_.BeginObject();
  if (m.kind == MessageKind::kJoin) {
    json_.Field("user", user.id);
    json_.Field("type", "message");
    json_.Field("subtype", "channel_join");
    json_.Field("ts", ts);
    json_.Field("text", "<@" + user.id + "> has joined the channel");
    json_.EndObject();
    return;
  }
  if (bot) {
    json_.Field("type", "message");
    json_.Field("subtype", "bot_message");
    WriteText(m);
    json_.Field("ts", ts);
    json_.Field("username", author.display);
    json_.Field("bot_id", user.bot_id);
  } else {
    json_.Field("user", user.id);
    json_.Field("type", "message");
    json_.Field("ts", ts);
    if (m.edited_ms != 0) {
      json_.Key("edited");
      json_.BeginObject();
      json_.Field("user", user.id);
      json_.Field("ts", Seconds(m.edited_ms));
      json_.EndObject();
    }
    json_.Field("client_msg_id", Uuid(m.seq * 31 + 7));
    WriteText(m);
    json_.Field("team", team_id_);
    json_.Field("user_team", team_id_);
    json_.Field("source_team", team_id_);
    json_.Key("user_profile");
    json_.Raw(user.profile);
  }
  WriteThread(m);
  if (!bot)
    WriteBlocks(m);
  WriteFile(m);
  WriteLink(m);
  WriteReactions(m);
  json_.EndObject();
}

void SlackWriter::WriteText(const ChatMessage& m) {
  // A reply inside a thread that answers someone other than the thread's parent names them.
  text_.clear();
  const bool name_target =
      m.is_reply && m.ping_parent && m.parent_seq != m.thread_seq && m.parent_author != m.author &&
      std::find(m.mentions.begin(), m.mentions.end(), m.parent_author) == m.mentions.end();
  if (name_target)
    text_ += "<@" + users_[m.parent_author].id + "> ";
  const std::string_view url = m.link >= 0 ? Links()[m.link].url : std::string_view();
  std::string_view rest = m.text;
  size_t next_mention = 0;
  while (!rest.empty()) {
    if (!url.empty() && rest.starts_with(url)) {
      text_ += "<" + std::string(url) + ">";
      rest.remove_prefix(url.size());
      continue;
    }
    if (rest.front() == kMentionMark && next_mention < m.mentions.size()) {
      text_ += "<@" + users_[m.mentions[next_mention++]].id + ">";
    } else {
      AppendEscaped(rest.substr(0, 1), &text_);
    }
    rest.remove_prefix(1);
  }
  json_.Field("text", text_);
}

void SlackWriter::WriteBlocks(const ChatMessage& m) {
  // One rich_text section: runs of text, and a user element per mention.
  json_.Key("blocks");
  json_.BeginArray();
  json_.BeginObject();
  json_.Field("type", "rich_text");
  json_.Field("block_id", Id('b', m.seq).substr(2, 5));
  json_.Key("elements");
  json_.BeginArray();
  json_.BeginObject();
  json_.Field("type", "rich_text_section");
  json_.Key("elements");
  json_.BeginArray();
  size_t next_mention = 0, run = 0;
  auto flush_text = [&](size_t end) {
    if (end == run)
      return;
    json_.BeginObject();
    json_.Field("type", "text");
    json_.Field("text", std::string_view(m.text).substr(run, end - run));
    json_.EndObject();
  };
  for (size_t i = 0; i < m.text.size(); ++i) {
    if (m.text[i] != kMentionMark || next_mention >= m.mentions.size())
      continue;
    flush_text(i);
    run = i + 1;
    json_.BeginObject();
    json_.Field("type", "user");
    json_.Field("user_id", users_[m.mentions[next_mention++]].id);
    json_.EndObject();
  }
  flush_text(m.text.size());
  json_.EndArray();
  json_.EndObject();
  json_.EndArray();
  json_.EndObject();
  json_.EndArray();
}

void SlackWriter::WriteThread(const ChatMessage& m) {
  if (m.is_reply) {
    json_.Field("thread_ts", Ts(m.thread_time_ms, m.thread_seq));
    json_.Field("parent_user_id", users_[m.thread_author].id);
    return;
  }
  if (m.thread_replies == 0)
    return;
  json_.Field("thread_ts", Ts(m.time_ms, m.seq));
  json_.Field("reply_count", static_cast<int64_t>(m.thread_replies));
  json_.Field("reply_users_count", static_cast<int64_t>(m.thread_people.size()));
  json_.Field("latest_reply", Seconds(m.thread_last_ms));
  json_.Key("reply_users");
  json_.BeginArray();
  for (const uint32_t person : m.thread_people)
    json_.String(users_[person].id);
  json_.EndArray();
  json_.Field("is_locked", false);
  json_.Field("subscribed", false);
}

void SlackWriter::WriteFile(const ChatMessage& m) {
  const Attachment& a = m.attachment;
  if (a.kind == AttachmentKind::kNone)
    return;
  const std::string id = Id('F', m.seq);
  const std::string_view ext = std::string_view(a.name).substr(a.name.rfind('.') + 1);
  json_.Key("files");
  json_.BeginArray();
  json_.BeginObject();
  json_.Field("id", id);
  json_.Field("created", m.time_ms / 1000);
  json_.Field("timestamp", m.time_ms / 1000);
  json_.Field("name", a.name);
  json_.Field("title", a.name);
  json_.Field("mimetype", MimeOf(a));
  json_.Field("filetype", ext);
  json_.Field("user", users_[m.author].id);
  json_.Field("size", static_cast<int64_t>(a.bytes));
  json_.Field("mode", "hosted");
  json_.Field("url_private",
              "https://files.slack.com/files-pri/" + team_id_ + "-" + id + "/" + a.name);
  json_.Field("permalink",
              "https://example.slack.com/files/" + users_[m.author].id + "/" + id + "/" + a.name);
  json_.EndObject();
  json_.EndArray();
}

void SlackWriter::WriteLink(const ChatMessage& m) {
  if (m.link < 0)
    return;
  const Link& link = Links()[m.link];
  json_.Key("attachments");
  json_.BeginArray();
  json_.BeginObject();
  json_.Field("from_url", link.url);
  json_.Field("id", int64_t{1});
  json_.Field("original_url", link.url);
  json_.Field("fallback", link.title);
  json_.Field("text", link.description);
  json_.Field("title", link.title);
  json_.Field("title_link", link.url);
  if (!link.image.empty()) {
    json_.Field("image_url", link.image);
    json_.Field("image_width", static_cast<int64_t>(link.width));
    json_.Field("image_height", static_cast<int64_t>(link.height));
  }
  json_.EndObject();
  json_.EndArray();
}

void SlackWriter::WriteReactions(const ChatMessage& m) {
  if (m.reactions.empty())
    return;
  json_.Key("reactions");
  json_.BeginArray();
  for (const Reaction& r : m.reactions) {
    json_.BeginObject();
    json_.Field("name", Emojis()[r.emoji].code);
    json_.Key("users");
    json_.BeginArray();
    for (uint32_t u = r.users_begin; u < r.users_end; ++u)
      json_.String(users_[m.reactors[u]].id);
    json_.EndArray();
    json_.Field("count", static_cast<int64_t>(r.users_end - r.users_begin));
    json_.EndObject();
  }
  json_.EndArray();
}

}  // namespace meshcheck::gen
