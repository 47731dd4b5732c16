#include "ingest/dce_common.h"

#include <algorithm>

#include "base/strings.h"
#include "base/time.h"

namespace meshcheck::ingest {
namespace {

// Protocol names of matterbridge (its RemoteNickFormat "[{PROTOCOL}] <{NICK}> ").
constexpr std::string_view kBridgeProtocols[] = {
    "api",      "discord", "gitter", "irc",        "keybase", "matrix",  "mattermost",
    "msteams",  "mumble",  "nctalk", "rocketchat", "slack",   "sshchat", "steam",
    "telegram", "twitch",  "vk",     "whatsapp",   "xmpp",    "zulip"};
constexpr size_t kMaxNickBytes = 100;

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "name" and "1234" of "name#1234"; the discriminator is empty if the tag has none.
struct Tag {
  std::string_view name, discriminator;
};
Tag SplitTag(std::string_view tag) {
  const size_t hash = tag.rfind('#');
  if (hash != std::string_view::npos && tag.size() - hash == 5 && AllDigits(tag.substr(hash + 1)))
    return {tag.substr(0, hash), tag.substr(hash + 1)};
  return {tag, {}};
}

bool IsWordByte(char c) {
  const char l = base::AsciiLower(c);
  return (l >= 'a' && l <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// `word` without one trailing punctuation mark or possessive "'s"; itself if it has none.
std::string_view Shorter(std::string_view word) {
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "\xE2\x80\xA6"}) {  // ’s …
    if (base::EndsWith(word, suffix))
      return word.substr(0, word.size() - suffix.size());
  }
  if (!word.empty() && std::string_view(".,:;!?)]}'\"").find(word.back()) != std::string_view::npos)
    return word.substr(0, word.size() - 1);
  return word;
}

}  // namespace

DceChannelPath DceChannelFromPath(std::string_view path) {
  const size_t slash = path.rfind('/');
  const std::string_view dir = slash == std::string_view::npos ? "" : path.substr(0, slash);
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::string_view stem = base.substr(0, std::min(base.rfind('.'), base.size()));
  if (base::EndsWith(stem, "]")) {
    const size_t part = stem.rfind(" [part ");
    if (part != std::string_view::npos && AllDigits(stem.substr(part + 7, stem.size() - part - 8)))
      stem = stem.substr(0, part);
  }
  const size_t open = stem.rfind(" [");
  if (base::EndsWith(stem, "]") && open != std::string_view::npos &&
      AllDigits(stem.substr(open + 2, stem.size() - open - 3))) {
    std::string_view name = stem.substr(0, open);
    const size_t dash = name.rfind(" - ");
    if (dash != std::string_view::npos)
      name = name.substr(dash + 3);
    return {std::string(stem.substr(open + 2, stem.size() - open - 3)), std::string(name)};
  }
  if (AllDigits(stem)) {
    if (dir.empty())
      return {".", "channel"};
    const size_t up = dir.rfind('/');
    return {std::string(dir), std::string(up == std::string_view::npos ? dir : dir.substr(up + 1))};
  }
  std::string key(dir);
  if (!key.empty())
    key += '/';
  key += stem;
  return {key, std::string(stem)};
}

std::optional<BridgeRelay> ParseBridgeRelay(std::string_view text) {
  if (text.empty() || text[0] != '[')
    return std::nullopt;
  const size_t close = text.find("] <");
  if (close == std::string_view::npos || close > 16)
    return std::nullopt;
  const std::string_view protocol = text.substr(1, close - 1);
  const std::string lowered = base::AsciiLowered(protocol);
  if (std::find(std::begin(kBridgeProtocols), std::end(kBridgeProtocols), lowered) ==
      std::end(kBridgeProtocols)) {
    return std::nullopt;
  }
  const size_t nick_start = close + 3;
  const size_t end = text.find('>', nick_start);
  if (end == std::string_view::npos || end == nick_start || end - nick_start > kMaxNickBytes)
    return std::nullopt;
  const std::string_view nick = text.substr(nick_start, end - nick_start);
  if (std::any_of(nick.begin(), nick.end(), [](char c) { return c == '\n' || c == '\r'; }))
    return std::nullopt;
  std::string_view rest = text.substr(end + 1);
  if (!rest.empty() && !IsSpace(rest[0]))
    return std::nullopt;
  if (!rest.empty() && rest[0] == ' ')
    rest.remove_prefix(1);
  return BridgeRelay{protocol, nick, rest};
}

namespace {

// An announcement channel by what people call it (see the header).
bool NamedAsAnnouncement(std::string_view name, std::string_view path, std::string_view topic) {
  auto says = [](std::string_view text) {
    return base::AsciiLowered(text).find("announce") != std::string::npos;
  };
  auto megaphone = [](std::string_view text) {
    return text.find("\xF0\x9F\x93\xA2") != std::string_view::npos ||
           text.find("\xF0\x9F\x93\xA3") != std::string_view::npos;
  };
  return says(name) || says(path) || says(topic) || megaphone(name);
}

}  // namespace

void DceMessages::DeclareChannel(std::string_view name,
                                 std::string_view guild,
                                 std::string_view topic) {
  const DceChannelPath path = DceChannelFromPath(context_.name);
  model::ChannelInfo info;
  info.key = strings_.Valid(path.key);
  info.name = strings_.Valid(name.empty() ? std::string_view(path.name) : name);
  info.group_name = strings_.Valid(guild);
  info.replies_exported = false;
  announcement_ = NamedAsAnnouncement(info.name, path.key, topic);
  if (announcement_)
    info.kind = model::ChannelKind::kAnnouncement;
  channel_ = context_.sink->OnChannel(info);
  strings_.Reset();
}

model::PersonRef DceMessages::Author(const DceRecord& record, std::string_view* text) {
  const Tag tag = SplitTag(record.author);
  model::PersonRef p;
  p.key = strings_.Valid(record.author_id.empty() ? record.author : record.author_id);
  p.name = strings_.Valid(tag.name);
  p.is_deleted = tag.name == "Deleted User" && tag.discriminator == "0000";
  p.is_bot = !p.is_deleted && tag.discriminator == "0000";
  const auto relay = ParseBridgeRelay(record.content);
  if (!relay) {
    p.is_bot |= bridges_.count(p.key) > 0;
    return p;
  }
  bridges_.emplace(p.key);
  if (relays_++ == 0)
    first_relay_ = record.at;
  relay_key_ = base::AsciiLowered(relay->protocol);
  relay_key_ += ':';
  relay_key_ += relay->nick;
  model::PersonRef relayed;
  relayed.key = strings_.Valid(relay_key_);
  relayed.name = strings_.Valid(relay->nick);
  *text = relay->text;
  return relayed;
}

void DceMessages::Remember(const model::PersonRef& person) {
  if (person.is_deleted || person.name.empty())
    return;
  auto [it, inserted] = known_.try_emplace(base::AsciiLowered(person.name));
  Known& k = it->second;
  if (inserted) {
    k.key = person.key;
    k.name = person.name;
    k.is_bot = person.is_bot;
  } else if (k.key != person.key) {
    k.ambiguous = true;
  }
}

const DceMessages::Known* DceMessages::Lookup(std::string_view word) const {
  while (!word.empty()) {
    const auto it = known_.find(base::AsciiLowered(word));
    if (it != known_.end())
      return it->second.ambiguous ? nullptr : &it->second;
    const std::string_view shorter = Shorter(word);
    if (shorter.size() == word.size())
      break;
    word = shorter;
  }
  return nullptr;
}

void DceMessages::FindMentions(std::string_view text) {
  mentions_.clear();
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (at > 0 && (IsWordByte(text[at - 1]) || text[at - 1] == '.'))
      continue;  // An e-mail address or a handle inside a word.
    size_t end = at + 1;
    while (end < text.size() && !IsSpace(text[end]) && text[end] != '@' && text[end] != '<')
      ++end;
    const Known* k = Lookup(text.substr(at + 1, end - at - 1));
    if (!k)
      continue;
    const bool seen = std::any_of(mentions_.begin(), mentions_.end(),
                                  [k](const model::PersonRef& p) { return p.key == k->key; });
    if (!seen) {
      model::PersonRef p;
      p.key = k->key;
      p.name = k->name;
      p.is_bot = k->is_bot;
      mentions_.push_back(p);
    }
  }
}

void DceMessages::Emit(const DceRecord& record) {
  strings_.Reset();
  model::Message m;
  m.channel = channel_;
  if (messages_ == 0)
    first_message_ = record.at;
  if (const auto t = base::ParseDceDate(base::TrimAscii(record.date))) {
    m.time_ms = t->ms;
    m.has_time = true;
    naive_ += !t->has_offset;
  } else if (bad_dates_++ == 0) {
    first_bad_date_ = record.at;
  }
  std::string_view text = record.content;
  m.author = Author(record, &text);
  FindMentions(text);
  Remember(m.author);
  m.mentions = mentions_;
  const uint64_t prefix = record.content.size() - text.size();  // A relay's "[slack] <nick> ".
  m.text_bytes =
      static_cast<uint32_t>(std::min<uint64_t>(record.content_bytes - prefix, UINT32_MAX));
  m.reaction_count = record.reactions;
  context_.sink->OnMessage(m);
  ++messages_;
}

void DceMessages::Finish() {
  auto add = [this](const char* id, base::Severity severity, const char* message,
                    const Location& where, uint64_t count) {
    if (count > 0)
      context_.diagnostics->Add(id, severity, message, where, count);
  };
  add("ingest.discord.bridge_relay", base::Severity::kInfo,
      "Messages a bridge bot relayed from another platform (\"[slack] <name> ...\") were counted "
      "as written by the relayed person.",
      first_relay_, relays_);
  add("ingest.discord.local_time", base::Severity::kInfo,
      "DiscordChatExporter wrote these dates without a time zone: they were read as UTC, so "
      "times of day may be off by the exporting computer's offset.",
      first_message_, naive_);
  add("ingest.discord.announcement_by_name", base::Severity::kInfo,
      "The channel's name or topic calls it an announcement channel (this format does not keep "
      "channel types): its posters are taken as the host team.",
      first_message_, announcement_ ? 1 : 0);
  add("ingest.discord.bad_date", base::Severity::kWarning,
      "Messages with an unreadable date were kept without a time.", first_bad_date_, bad_dates_);
  strings_.Report(context_);
}

}  // namespace meshcheck::ingest
