#include "ingest/slack.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/strings.h"
#include "base/time.h"
#include "ingest/json_reader.h"
#include "ingest/limits.h"

namespace meshcheck::ingest {
namespace {

constexpr std::string_view kSlackbot = "USLACKBOT";
constexpr const char* kNotAList =
    "Files of the Slack export whose content is not a list (a users file, channel list or day "
    "file holding an object or a single value) were skipped.";

// ---- File names.

enum class FileKind : uint8_t {
  kUsers,
  kChannels,
  kDay,
  kMetadata,  // A known export file without messages.
  kOther,
};

struct PathParts {
  std::string_view base;    // Last component.
  std::string_view folder;  // The component before it; empty if none.
};

PathParts SplitPath(std::string_view path) {
  PathParts p;
  const size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) {
    p.base = path;
    return p;
  }
  p.base = path.substr(slash + 1);
  const std::string_view dir = path.substr(0, slash);
  const size_t prev = dir.rfind('/');
  p.folder = prev == std::string_view::npos ? dir : dir.substr(prev + 1);
  return p;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "YYYY-MM-DD.json" with a month 01-12 and a day 01-31.
bool IsDayFileName(std::string_view base) {
  if (base.size() != 15 || !base::EndsWith(base, ".json") || base[4] != '-' || base[7] != '-')
    return false;
  const std::string_view y = base.substr(0, 4), m = base.substr(5, 2), d = base.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d))
    return false;
  const int month = (m[0] - '0') * 10 + (m[1] - '0');
  const int day = (d[0] - '0') * 10 + (d[1] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

model::ChannelKind ChannelListKind(std::string_view base) {
  if (base == "mpims.json")
    return model::ChannelKind::kGroupDirect;
  if (base == "dms.json")
    return model::ChannelKind::kDirect;
  return model::ChannelKind::kChat;  // channels.json, groups.json
}

FileKind KindOf(const PathParts& path) {
  const std::string_view b = path.base;
  if (b == "users.json")
    return FileKind::kUsers;
  if (b == "channels.json" || b == "groups.json" || b == "mpims.json" || b == "dms.json")
    return FileKind::kChannels;
  if (IsDayFileName(b))
    return FileKind::kDay;
  if (b == "integration_logs.json" || b == "canvases.json" || b == "lists.json" ||
      b == "huddle_transcripts.json" || b == "file_conversations.json") {
    return FileKind::kMetadata;
  }
  return FileKind::kOther;
}

// ---- Field values.

// `ts` "1455551220.000002": whole seconds (at most 12 digits) and an optional fraction.
bool ParseTs(std::string_view ts, int64_t* ms) {
  const size_t dot = ts.find('.');
  const std::string_view sec = ts.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? "" : ts.substr(dot + 1);
  if (sec.size() > 12 || !AllDigits(sec) || (dot != std::string_view::npos && !AllDigits(frac)))
    return false;
  int64_t value = 0;
  for (char c : sec)
    value = value * 10 + (c - '0');
  int64_t millis = 0;
  for (size_t k = 0; k < 3; ++k)
    millis = millis * 10 + (k < frac.size() ? frac[k] - '0' : 0);
  *ms = value * base::kMsPerSecond + millis;
  return true;
}

model::SystemAction SystemActionOf(std::string_view subtype, bool* is_system) {
  using model::SystemAction;
  *is_system = true;
  if (subtype == "channel_join" || subtype == "group_join")
    return SystemAction::kJoin;
  if (subtype == "channel_leave" || subtype == "group_leave")
    return SystemAction::kLeave;
  static constexpr std::string_view kOther[] = {
      "bot_add",       "bot_remove",    "pinned_item",     "unpinned_item",   "reminder_add",
      "welcome_party", "huddle_thread", "message_changed", "message_deleted", "message_replied"};
  if (base::StartsWith(subtype, "channel_") || base::StartsWith(subtype, "group_") ||
      std::find(std::begin(kOther), std::end(kOther), subtype) != std::end(kOther)) {
    return SystemAction::kOther;
  }
  *is_system = false;
  return SystemAction::kNone;
}

uint32_t SaturatingAdd(uint32_t a, uint64_t b) {
  const uint64_t sum = a + std::min<uint64_t>(b, UINT32_MAX);
  return static_cast<uint32_t>(std::min<uint64_t>(sum, UINT32_MAX));
}

// ---- The reader.

enum class Ctx : uint8_t {
  kRoot,
  kList,  // The top-level array.
  kUser,
  kProfile,
  kChannel,
  kMembers,
  kMessage,
  kUserProfile,
  kBotProfile,
  kComment,
  kReactions,
  kReaction,
  kReactionUsers,
  kBlocksArray,  // Anything inside a message's `blocks`.
  kBlocksObject,
  kSkip,  // A container nothing is read from.
};

enum class Key : uint8_t {
  kOther,
  kId,
  kName,
  kRealName,
  kDisplayName,
  kIsBot,
  kIsAppUser,
  kIsAdmin,
  kIsOwner,
  kIsPrimaryOwner,
  kProfile,
  kMembers,
  kTs,
  kThreadTs,
  kUser,
  kUsername,
  kSubtype,
  kBotId,
  kText,
  kUserProfile,
  kBotProfile,
  kComment,
  kReactions,
  kUsers,
  kCount,
  kBlocks,
  kType,
  kUserId,
};

Key LookupKey(std::string_view k) {
  struct Entry {
    std::string_view name;
    Key key;
  };
  static constexpr Entry kKeys[] = {
      {"id", Key::kId},
      {"name", Key::kName},
      {"real_name", Key::kRealName},
      {"display_name", Key::kDisplayName},
      {"is_bot", Key::kIsBot},
      {"is_app_user", Key::kIsAppUser},
      {"is_admin", Key::kIsAdmin},
      {"is_owner", Key::kIsOwner},
      {"is_primary_owner", Key::kIsPrimaryOwner},
      {"profile", Key::kProfile},
      {"members", Key::kMembers},
      {"ts", Key::kTs},
      {"thread_ts", Key::kThreadTs},
      {"user", Key::kUser},
      {"username", Key::kUsername},
      {"subtype", Key::kSubtype},
      {"bot_id", Key::kBotId},
      {"text", Key::kText},
      {"user_profile", Key::kUserProfile},
      {"bot_profile", Key::kBotProfile},
      {"comment", Key::kComment},
      {"reactions", Key::kReactions},
      {"users", Key::kUsers},
      {"count", Key::kCount},
      {"blocks", Key::kBlocks},
      {"type", Key::kType},
      {"user_id", Key::kUserId},
  };
  for (const Entry& e : kKeys) {
    if (e.name == k)
      return e.key;
  }
  return Key::kOther;
}

// The names Slack gives a person (users.json entry or a message's user_profile).
struct Names {
  std::string_view display_name, real_name, profile_real_name, name;
  std::string_view Best() const {
    for (std::string_view n : {display_name, real_name, profile_real_name, name}) {
      if (!n.empty())
        return n;
    }
    return {};
  }
};

struct UserFields {
  std::string_view id;
  Names names;
  bool is_bot = false;
  bool is_staff = false;
};

struct MessageFields {
  std::string_view ts, thread_ts, user, username, subtype, bot_id, bot_name, comment_user;
  Names profile;
  uint32_t text_bytes = 0;
};

// A `blocks` object being read: a rich-text "user" element names a mention.
struct BlockObject {
  bool is_user = false;
  std::string_view user_id;
};

class SlackReader : public JsonDocumentReader<SlackReader> {
 public:
  explicit SlackReader(const ReaderContext& context)
      : JsonDocumentReader(this, context), path_(SplitPath(context.name)), kind_(KindOf(path_)) {}

  Status Push(std::string_view chunk) override;
  Status End() override;

  // ---- JsonDocumentReader hooks.
  uint64_t records() const { return records_; }
  const char* label() const { return "Slack export"; }
  const char* id_prefix() const { return "ingest.slack"; }
  Status CheckShape() const { return Status::Ok(); }

  // ---- SAX handler (see json_stream.h).
  bool null() { return true; }
  bool boolean(bool value);
  bool number_integer(int64_t) { return true; }
  bool number_unsigned(uint64_t value) { return Count(value); }
  bool number_float(double value, std::string_view) {
    return Count(value <= 0              ? 0
                 : value >= 4294967295.0 ? UINT32_MAX
                                         : static_cast<uint64_t>(value));
  }
  bool string(std::string_view value);
  bool start_object() { return Open(true); }
  bool start_array() { return Open(false); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }
  bool key(std::string_view k) {
    key_ = LookupKey(k);
    return true;
  }

 private:
  bool Reading() const {
    return kind_ == FileKind::kUsers || kind_ == FileKind::kChannels || kind_ == FileKind::kDay;
  }
  Ctx Current() const { return stack_.empty() ? Ctx::kRoot : stack_.back(); }
  Ctx ChildOf(Ctx parent, bool is_object) const;
  Ctx RecordCtx() const;
  bool Open(bool is_object);
  bool Close();
  bool Count(uint64_t value);
  void StartRecord();
  void DeclareDayChannel();
  void MessageString(std::string_view value);
  void ScanMentions(std::string_view text);
  void AddMention(std::string_view id);
  void EmitUser();
  void EmitChannel();
  void EmitMessage();
  model::PersonRef Author(bool is_system);
  std::string_view ReplyTarget(std::string_view author);
  void RememberInThread(std::string_view author);
  void Skip(const char* id, const std::string& message);

  PathParts path_;
  FileKind kind_;
  bool skipped_ = false;    // The file is not what its name says: the rest is ignored.
  bool list_seen_ = false;  // The top-level value was a container.
  std::vector<Ctx> stack_;
  Key key_ = Key::kOther;
  uint32_t channel_ = 0;
  uint64_t records_ = 0;

  // The record being read (a user, a channel or a message).
  RecordStrings strings_;
  Location record_at_;
  UserFields user_;
  std::string_view channel_id_, channel_name_;
  std::vector<std::string_view> members_;
  MessageFields msg_;
  std::vector<BlockObject> blocks_;
  std::vector<model::PersonRef> mentions_, reactors_;
  std::unordered_set<std::string_view> mentioned_;
  bool mentions_capped_ = false;
  uint32_t reaction_count_ = 0;
  uint64_t this_reaction_count_ = 0;  // `count` of the reaction being read.
  uint64_t this_reaction_users_ = 0;

  // This day file's thread messages: the latest ts of each person in each thread, keyed
  // "<thread_ts> <user>". One entry per person and thread of the file.
  std::unordered_map<std::string, std::string> latest_in_thread_;
  std::string thread_key_;
};

Status SlackReader::Push(std::string_view chunk) {
  if (!Reading() || skipped_)
    return Status::Ok();
  Status s = JsonDocumentReader::Push(chunk);
  return skipped_ ? Status::Ok() : s;
}

Status SlackReader::End() {
  if (kind_ == FileKind::kOther) {
    Skip("ingest.slack.skipped_file",
         "Files of the Slack export that are not users, channel lists or day files "
         "(YYYY-MM-DD.json) were skipped.");
  }
  if (!Reading() || skipped_)
    return Status::Ok();
  Status s = JsonDocumentReader::End();
  if (s.ok() && !list_seen_)
    Skip("ingest.slack.not_a_list", kNotAList);
  return s;
}

void SlackReader::Skip(const char* id, const std::string& message) {
  skipped_ = true;
  context().diagnostics->Add(id, base::Severity::kInfo, message, Location{context().input, 0, 0});
}

Ctx SlackReader::RecordCtx() const {
  switch (kind_) {
    case FileKind::kUsers:
      return Ctx::kUser;
    case FileKind::kChannels:
      return Ctx::kChannel;
    default:
      return Ctx::kMessage;
  }
}

Ctx SlackReader::ChildOf(Ctx parent, bool is_object) const {
  switch (parent) {
    case Ctx::kList:
      return is_object ? RecordCtx() : Ctx::kSkip;
    case Ctx::kUser:
      return is_object && key_ == Key::kProfile ? Ctx::kProfile : Ctx::kSkip;
    case Ctx::kChannel:
      return !is_object && key_ == Key::kMembers ? Ctx::kMembers : Ctx::kSkip;
    case Ctx::kMessage:
      if (is_object && key_ == Key::kUserProfile)
        return Ctx::kUserProfile;
      if (is_object && key_ == Key::kBotProfile)
        return Ctx::kBotProfile;
      if (is_object && key_ == Key::kComment)
        return Ctx::kComment;
      if (!is_object && key_ == Key::kReactions)
        return Ctx::kReactions;
      if (!is_object && key_ == Key::kBlocks)
        return Ctx::kBlocksArray;
      return Ctx::kSkip;
    case Ctx::kReactions:
      return is_object ? Ctx::kReaction : Ctx::kSkip;
    case Ctx::kReaction:
      return !is_object && key_ == Key::kUsers ? Ctx::kReactionUsers : Ctx::kSkip;
    case Ctx::kBlocksArray:
    case Ctx::kBlocksObject:
      return is_object ? Ctx::kBlocksObject : Ctx::kBlocksArray;
    default:
      return Ctx::kSkip;
  }
}

bool SlackReader::Open(bool is_object) {
  if (stack_.empty()) {  // The top-level value.
    list_seen_ = true;
    if (is_object) {
      Skip("ingest.slack.not_a_list", kNotAList);
      return false;  // Push turns the stop into a skip.
    }
    stack_.push_back(Ctx::kList);
    if (kind_ == FileKind::kDay)
      DeclareDayChannel();
    return true;
  }
  const Ctx child = ChildOf(Current(), is_object);
  if (child == Ctx::kUser || child == Ctx::kChannel || child == Ctx::kMessage) {
    StartRecord();
  } else if (child == Ctx::kBlocksObject) {
    blocks_.emplace_back();
  } else if (child == Ctx::kReaction) {
    this_reaction_count_ = this_reaction_users_ = 0;
  }
  stack_.push_back(child);
  key_ = Key::kOther;
  return true;
}

bool SlackReader::Close() {
  const Ctx done = Current();
  stack_.pop_back();
  switch (done) {
    case Ctx::kUser:
      EmitUser();
      break;
    case Ctx::kChannel:
      EmitChannel();
      break;
    case Ctx::kMessage:
      EmitMessage();
      break;
    case Ctx::kReaction:
      reaction_count_ =
          SaturatingAdd(reaction_count_, std::max(this_reaction_count_, this_reaction_users_));
      break;
    case Ctx::kBlocksObject:
      if (blocks_.back().is_user && !blocks_.back().user_id.empty())
        AddMention(blocks_.back().user_id);
      blocks_.pop_back();
      break;
    default:
      break;
  }
  return true;
}

void SlackReader::StartRecord() {
  record_at_ = Here();
  strings_.Reset();
  user_ = UserFields();
  channel_id_ = channel_name_ = {};
  members_.clear();
  msg_ = MessageFields();
  blocks_.clear();
  mentions_.clear();
  reactors_.clear();
  mentioned_.clear();
  mentions_capped_ = false;
  reaction_count_ = 0;
}

bool SlackReader::boolean(bool value) {
  if (Current() != Ctx::kUser || !value)
    return true;
  switch (key_) {
    case Key::kIsBot:
    case Key::kIsAppUser:
      user_.is_bot = true;
      break;
    case Key::kIsAdmin:
    case Key::kIsOwner:
    case Key::kIsPrimaryOwner:
      user_.is_staff = true;
      break;
    default:
      break;
  }
  return true;
}

bool SlackReader::Count(uint64_t value) {
  if (Current() == Ctx::kReaction && key_ == Key::kCount)
    this_reaction_count_ = value;
  return true;
}

bool SlackReader::string(std::string_view value) {
  switch (Current()) {
    case Ctx::kUser:
      if (key_ == Key::kId)
        user_.id = strings_.Put(value);
      if (key_ == Key::kName)
        user_.names.name = strings_.Put(value);
      if (key_ == Key::kRealName)
        user_.names.real_name = strings_.Put(value);
      break;
    case Ctx::kProfile:
      if (key_ == Key::kDisplayName)
        user_.names.display_name = strings_.Put(value);
      if (key_ == Key::kRealName)
        user_.names.profile_real_name = strings_.Put(value);
      break;
    case Ctx::kChannel:
      if (key_ == Key::kId)
        channel_id_ = strings_.Put(value);
      if (key_ == Key::kName)
        channel_name_ = strings_.Put(value);
      break;
    case Ctx::kMembers:
      members_.push_back(strings_.Put(value));
      break;
    case Ctx::kMessage:
      MessageString(value);
      break;
    case Ctx::kUserProfile:
      if (key_ == Key::kDisplayName)
        msg_.profile.display_name = strings_.Put(value);
      if (key_ == Key::kRealName)
        msg_.profile.real_name = strings_.Put(value);
      if (key_ == Key::kName)
        msg_.profile.name = strings_.Put(value);
      break;
    case Ctx::kBotProfile:
      if (key_ == Key::kName)
        msg_.bot_name = strings_.Put(value);
      break;
    case Ctx::kComment:
      if (key_ == Key::kUser)
        msg_.comment_user = strings_.Put(value);
      break;
    case Ctx::kReactionUsers: {
      model::PersonRef p;
      p.key = strings_.Put(value);
      reactors_.push_back(p);
      ++this_reaction_users_;
      break;
    }
    case Ctx::kBlocksObject:
      if (key_ == Key::kType)
        blocks_.back().is_user = value == "user";
      if (key_ == Key::kUserId)
        blocks_.back().user_id = strings_.Put(value);
      break;
    default:
      break;
  }
  return true;
}

void SlackReader::MessageString(std::string_view value) {
  switch (key_) {
    case Key::kTs:
      msg_.ts = strings_.Put(value);
      break;
    case Key::kThreadTs:
      msg_.thread_ts = strings_.Put(value);
      break;
    case Key::kUser:
      msg_.user = strings_.Put(value);
      break;
    case Key::kUsername:
      msg_.username = strings_.Put(value);
      break;
    case Key::kSubtype:
      msg_.subtype = strings_.Put(value);
      break;
    case Key::kBotId:
      msg_.bot_id = strings_.Put(value);
      break;
    case Key::kText:
      msg_.text_bytes = static_cast<uint32_t>(std::min<size_t>(value.size(), UINT32_MAX));
      ScanMentions(value);
      break;
    default:
      break;
  }
}

// `<@U123>` and `<@U123|name>`: an id of ASCII letters and digits.
void SlackReader::ScanMentions(std::string_view text) {
  for (size_t at = text.find("<@"); at != std::string_view::npos; at = text.find("<@", at)) {
    at += 2;
    size_t end = at;
    while (end < text.size() &&
           ((text[end] >= 'A' && text[end] <= 'Z') || (text[end] >= '0' && text[end] <= '9'))) {
      ++end;
    }
    if (end > at && end < text.size() && (text[end] == '>' || text[end] == '|'))
      AddMention(text.substr(at, end - at));
  }
}

void SlackReader::AddMention(std::string_view id) {
  if (mentioned_.count(id) > 0)
    return;
  if (mentions_.size() >= kSlackMaxMentions) {
    if (!mentions_capped_) {
      mentions_capped_ = true;
      context().diagnostics->Add(
          "ingest.slack.too_many_mentions", base::Severity::kWarning,
          "Slack messages mentioning more than " + std::to_string(kSlackMaxMentions) +
              " people were linked to the first " + std::to_string(kSlackMaxMentions) + " only.",
          record_at_);
    }
    return;
  }
  const std::string_view kept = strings_.Put(id);
  mentioned_.insert(kept);
  model::PersonRef p;
  p.key = kept;
  mentions_.push_back(p);
}

void SlackReader::DeclareDayChannel() {
  model::ChannelInfo info;
  info.key = info.name = path_.folder;
  if (path_.folder.empty()) {
    context().diagnostics->Add("ingest.slack.no_folder", base::Severity::kWarning,
                               "A Slack day file came without its channel folder; its path "
                               "stands for the channel.",
                               Location{context().input, 0, 0});
    info.key = info.name = context().name;
  }
  channel_ = context().sink->OnChannel(info);
}

void SlackReader::EmitUser() {
  ++records_;
  model::PersonRef p;
  p.key = user_.id;
  p.name = user_.names.Best();
  p.is_bot = user_.is_bot || user_.id == kSlackbot;
  p.is_host_hint = user_.is_staff;
  context().sink->OnMember(p);
}

void SlackReader::EmitChannel() {
  ++records_;
  model::ChannelInfo info;
  info.key = channel_name_.empty() ? channel_id_ : channel_name_;
  info.name = info.key;
  info.kind = ChannelListKind(path_.base);
  context().sink->OnChannel(info);
  for (std::string_view id : members_) {
    model::PersonRef p;
    p.key = id;
    context().sink->OnMember(p);
  }
}

model::PersonRef SlackReader::Author(bool is_system) {
  model::PersonRef p;
  const MessageFields& m = msg_;
  if (m.subtype == "tombstone" && (m.user.empty() || m.user == kSlackbot)) {
    p.is_deleted = true;
    return p;
  }
  const bool relay = m.subtype == "bot_message" && !m.username.empty();
  const bool botless_user = m.user.empty() && m.comment_user.empty();
  if (relay || (botless_user && (!m.bot_id.empty() || !m.username.empty()))) {
    p.is_bot = true;
    std::string key(m.bot_id.empty() ? "bot" : m.bot_id);
    if (!m.username.empty())
      key.append("/").append(m.username);
    p.key = strings_.Put(key);
    p.name = !m.username.empty() ? m.username : !m.bot_name.empty() ? m.bot_name : m.bot_id;
    return p;
  }
  p.key = m.user.empty() ? m.comment_user : m.user;
  p.is_bot = p.key == kSlackbot || m.subtype == "bot_message" || (!m.bot_id.empty() && !is_system);
  p.name = m.profile.Best();
  if (p.name.empty() && p.is_bot)
    p.name = m.bot_name;
  p.is_deleted = p.key.empty();
  return p;
}

void SlackReader::EmitMessage() {
  ++records_;
  model::Message m;
  m.channel = channel_;
  bool is_system = false;
  m.action = SystemActionOf(msg_.subtype, &is_system);
  m.kind = is_system ? model::MessageKind::kSystem : model::MessageKind::kMessage;
  m.author = Author(is_system);
  if (m.author.is_deleted && msg_.subtype != "tombstone") {
    context().diagnostics->Add("ingest.slack.no_author", base::Severity::kWarning,
                               "Slack messages naming no author (no user and no bot) were kept "
                               "as written by an unknown account.",
                               record_at_);
  }
  if (ParseTs(msg_.ts, &m.time_ms)) {
    m.has_time = true;
    m.id = msg_.ts;
  } else {
    context().diagnostics->Add("ingest.slack.bad_ts", base::Severity::kWarning,
                               "Slack messages with a missing or unreadable \"ts\" were kept "
                               "without a date and cannot be replied to.",
                               record_at_);
  }
  if (!msg_.thread_ts.empty()) {
    m.thread = msg_.thread_ts;
    if (msg_.thread_ts != msg_.ts && !is_system)
      m.reply_to = ReplyTarget(m.author.key);
  }
  m.text_bytes = msg_.text_bytes;
  if (!is_system)
    m.mentions = mentions_;
  m.reaction_count = reaction_count_;
  m.reactors = reactors_;
  context().sink->OnMessage(m);
  if (!msg_.thread_ts.empty() && !m.id.empty() && !is_system && !m.author.key.empty())
    RememberInThread(m.author.key);
}

// See the header (Threads): the latest message in this file's thread of the first person the
// reply mentions who wrote there, else the thread's root.
std::string_view SlackReader::ReplyTarget(std::string_view author) {
  for (const model::PersonRef& p : mentions_) {
    if (p.key == author)
      continue;
    thread_key_.assign(msg_.thread_ts).append(" ").append(p.key);
    const auto it = latest_in_thread_.find(thread_key_);
    if (it != latest_in_thread_.end())
      return it->second;
  }
  return msg_.thread_ts;
}

void SlackReader::RememberInThread(std::string_view author) {
  thread_key_.assign(msg_.thread_ts).append(" ").append(author);
  latest_in_thread_[thread_key_].assign(msg_.ts);
}

}  // namespace

std::unique_ptr<Reader> MakeSlackReader(const ReaderContext& context) {
  return std::make_unique<SlackReader>(context);
}

// Judged on json_top and keys, not Head::json: a head cut at kSniffBytes is not a complete
// document, and a file damaged after its first records is still the reader's to locate.
bool SniffSlack(const Head& head) {
  const PathParts path{head.base_name, head.folder};
  if (path.base == "canvas_in_the_conversation.json")
    return !path.folder.empty() && head.json_top != 0;
  if (head.json_top != '[')
    return false;
  const bool empty_list = head.complete && head.json_values == 1 && head.keys.empty();
  switch (KindOf(path)) {
    case FileKind::kUsers:
      return empty_list ||
             (head.HasKey("[].id") && (head.HasKey("[].profile") || head.HasKey("[].is_bot")));
    case FileKind::kChannels:
      return empty_list ||
             (head.HasKey("[].id") && (head.HasKey("[].members") || head.HasKey("[].created")));
    case FileKind::kDay:
      return !path.folder.empty() && (empty_list || head.HasKey("[].ts"));
    case FileKind::kMetadata:
      return path.base != "integration_logs.json" || empty_list || head.HasKey("[].change_type");
    case FileKind::kOther:
      break;
  }
  return false;
}

}  // namespace meshcheck::ingest
