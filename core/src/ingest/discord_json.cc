#include "ingest/discord_json.h"

#include <charconv>
#include <cstring>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "base/time.h"
#include "ingest/json_reader.h"
#include "ingest/names.h"

namespace meshcheck::ingest {
namespace {

// Discord's epoch (2015-01-01T00:00:00Z) in ms: a snowflake's creation time is
// (id >> 22) + kDiscordEpochMs.
constexpr int64_t kDiscordEpochMs = 1420070400000;

enum class Ctx : uint8_t {
  kRoot,
  kGuild,
  kChannel,
  kMessages,
  kMessage,
  kAuthor,
  kRoles,
  kRole,
  kReactions,
  kReaction,
  kReactionUsers,
  kReactionUser,
  kMentions,
  kMentionUser,
  kReference,
  kSkip,  // A container nothing is read from.
};

enum class Key : uint8_t {
  kOther,
  kId,
  kType,
  kTimestamp,
  kContent,
  kAuthor,
  kName,
  kNickname,
  kDiscriminator,
  kIsBot,
  kRoles,
  kReactions,
  kCount,
  kUsers,
  kMentions,
  kReference,
  kMessageId,
  kChannelId,
  kGuildId,
  kGuild,
  kChannel,
  kMessages,
  kCategoryId,
};

// Whether `k`, known to have the size of `name`, spells it: a compare of fixed size, which the
// compiler turns into one or two loads.
template <size_t N>
bool Spells(std::string_view k, const char (&name)[N]) {
  return std::memcmp(k.data(), name, N - 1) == 0;
}

// Called for every key the reader may use: dispatches on the length first, so most keys cost
// one or two fixed-size compares instead of a scan of every name.
Key LookupKey(std::string_view k) {
  switch (k.size()) {
    case 2:
      return Spells(k, "id") ? Key::kId : Key::kOther;
    case 4:
      return Spells(k, "type") ? Key::kType : Spells(k, "name") ? Key::kName : Key::kOther;
    case 5:
      return Spells(k, "count")   ? Key::kCount
             : Spells(k, "users") ? Key::kUsers
             : Spells(k, "isBot") ? Key::kIsBot
             : Spells(k, "roles") ? Key::kRoles
             : Spells(k, "guild") ? Key::kGuild
                                  : Key::kOther;
    case 6:
      return Spells(k, "author") ? Key::kAuthor : Key::kOther;
    case 7:
      return Spells(k, "content")   ? Key::kContent
             : Spells(k, "channel") ? Key::kChannel
             : Spells(k, "guildId") ? Key::kGuildId
                                    : Key::kOther;
    case 8:
      return Spells(k, "nickname")   ? Key::kNickname
             : Spells(k, "mentions") ? Key::kMentions
             : Spells(k, "messages") ? Key::kMessages
                                     : Key::kOther;
    case 9:
      return Spells(k, "timestamp")   ? Key::kTimestamp
             : Spells(k, "reactions") ? Key::kReactions
             : Spells(k, "reference") ? Key::kReference
             : Spells(k, "messageId") ? Key::kMessageId
             : Spells(k, "channelId") ? Key::kChannelId
                                      : Key::kOther;
    case 10:
      return Spells(k, "categoryId") ? Key::kCategoryId : Key::kOther;
    case 13:
      return Spells(k, "discriminator") ? Key::kDiscriminator : Key::kOther;
    default:
      return Key::kOther;
  }
}

// What a key names, given the container it is in: the field a scalar value fills, or the
// container an object or array value opens. kNone for everything the reader does not use.
enum class Field : uint8_t {
  kNone,
  kGuildId,
  kGuildName,
  kChannelId,
  kChannelType,
  kChannelName,
  kChannelCategoryId,
  kMessageId,
  kMessageType,
  kMessageTimestamp,
  kMessageContent,
  kAuthorId,
  kAuthorName,
  kAuthorNickname,
  kAuthorDiscriminator,
  kAuthorIsBot,
  kUserId,
  kUserName,
  kUserNickname,
  kUserDiscriminator,
  kUserIsBot,
  kRoleName,
  kReactionCount,
  kRefType,
  kRefMessageId,
  kRefChannelId,
  kRefGuildId,
  // Containers.
  kGuild,
  kChannel,
  kMessages,
  kAuthor,
  kReference,
  kReactions,
  kMentions,
  kRoles,
  kUsers,
};

constexpr size_t kCtxCount = static_cast<size_t>(Ctx::kSkip) + 1;
constexpr size_t kKeyCount = static_cast<size_t>(Key::kCategoryId) + 1;

// The field `key` names in a container of kind `ctx`.
constexpr Field FieldOf(Ctx ctx, Key key) {
  switch (ctx) {
    case Ctx::kRoot:
      return key == Key::kGuild      ? Field::kGuild
             : key == Key::kChannel  ? Field::kChannel
             : key == Key::kMessages ? Field::kMessages
                                     : Field::kNone;
    case Ctx::kGuild:
      return key == Key::kId     ? Field::kGuildId
             : key == Key::kName ? Field::kGuildName
                                 : Field::kNone;
    case Ctx::kChannel:
      return key == Key::kId           ? Field::kChannelId
             : key == Key::kType       ? Field::kChannelType
             : key == Key::kName       ? Field::kChannelName
             : key == Key::kCategoryId ? Field::kChannelCategoryId
                                       : Field::kNone;
    case Ctx::kMessage:
      return key == Key::kId          ? Field::kMessageId
             : key == Key::kType      ? Field::kMessageType
             : key == Key::kTimestamp ? Field::kMessageTimestamp
             : key == Key::kContent   ? Field::kMessageContent
             : key == Key::kAuthor    ? Field::kAuthor
             : key == Key::kReference ? Field::kReference
             : key == Key::kReactions ? Field::kReactions
             : key == Key::kMentions  ? Field::kMentions
                                      : Field::kNone;
    case Ctx::kAuthor:
      return key == Key::kId              ? Field::kAuthorId
             : key == Key::kName          ? Field::kAuthorName
             : key == Key::kNickname      ? Field::kAuthorNickname
             : key == Key::kDiscriminator ? Field::kAuthorDiscriminator
             : key == Key::kIsBot         ? Field::kAuthorIsBot
             : key == Key::kRoles         ? Field::kRoles
                                          : Field::kNone;
    case Ctx::kReactionUser:
    case Ctx::kMentionUser:
      return key == Key::kId              ? Field::kUserId
             : key == Key::kName          ? Field::kUserName
             : key == Key::kNickname      ? Field::kUserNickname
             : key == Key::kDiscriminator ? Field::kUserDiscriminator
             : key == Key::kIsBot         ? Field::kUserIsBot
                                          : Field::kNone;
    case Ctx::kRole:
      return key == Key::kName ? Field::kRoleName : Field::kNone;
    case Ctx::kReaction:
      return key == Key::kCount   ? Field::kReactionCount
             : key == Key::kUsers ? Field::kUsers
                                  : Field::kNone;
    case Ctx::kReference:
      return key == Key::kType        ? Field::kRefType
             : key == Key::kMessageId ? Field::kRefMessageId
             : key == Key::kChannelId ? Field::kRefChannelId
             : key == Key::kGuildId   ? Field::kRefGuildId
                                      : Field::kNone;
    default:
      return Field::kNone;
  }
}

// FieldOf as a table, so that reading a key costs no branch on its container.
struct FieldTable {
  Field at[kCtxCount][kKeyCount];
};
constexpr FieldTable MakeFieldTable() {
  FieldTable t{};
  for (size_t c = 0; c < kCtxCount; ++c) {
    for (size_t k = 0; k < kKeyCount; ++k)
      t.at[c][k] = FieldOf(static_cast<Ctx>(c), static_cast<Key>(k));
  }
  return t;
}
constexpr FieldTable kFields = MakeFieldTable();

model::ChannelKind ChannelKindOf(std::string_view type) {
  using model::ChannelKind;
  if (type == "GuildTextChat")
    return ChannelKind::kChat;
  if (type == "GuildNews")
    return ChannelKind::kAnnouncement;
  if (type == "DirectTextChat")
    return ChannelKind::kDirect;
  if (type == "DirectGroupTextChat")
    return ChannelKind::kGroupDirect;
  if (type == "GuildNewsThread" || type == "GuildPublicThread" || type == "GuildPrivateThread") {
    return ChannelKind::kThread;
  }
  if (type == "GuildForum")
    return ChannelKind::kForum;
  if (type == "GuildVoiceChat" || type == "GuildStageVoice")
    return ChannelKind::kVoice;
  return ChannelKind::kUnknown;
}

// MessageKind names DCE writes for Discord's system notifications (kinds 1..18).
model::SystemAction SystemActionOf(std::string_view type, bool* is_system) {
  using model::SystemAction;
  *is_system = true;
  if (type == "GuildMemberJoin" || type == "RecipientAdd")
    return SystemAction::kJoin;
  if (type == "RecipientRemove")
    return SystemAction::kLeave;
  if (type == "Call" || type == "ChannelNameChange" || type == "ChannelIconChange" ||
      type == "ChannelPinnedMessage" || type == "ThreadCreated") {
    return SystemAction::kOther;
  }
  *is_system = false;
  return SystemAction::kNone;
}

struct UserFields {
  std::string_view id;
  std::string_view name;
  std::string_view nickname;
  std::string_view discriminator;
  bool is_bot = false;
  bool staff_role = false;

  void Clear() { *this = UserFields(); }
  model::PersonRef Ref() const {
    model::PersonRef p;
    p.key = id;
    p.name = nickname.empty() ? name : nickname;
    p.is_bot = is_bot;
    p.is_deleted = !is_bot && name == "Deleted User" && discriminator == "0000";
    p.is_host_hint = staff_role;
    return p;
  }
};

class DiscordJsonReader : public JsonDocumentReader<DiscordJsonReader> {
 public:
  explicit DiscordJsonReader(const ReaderContext& context) : JsonDocumentReader(this, context) {}

  // ---- JsonDocumentReader hooks.
  uint64_t records() const { return messages_; }
  const char* label() const { return "DiscordChatExporter JSON"; }
  const char* id_prefix() const { return "ingest.discord"; }
  Status CheckShape() const;
  void ChunkEnd();

  // ---- SAX handler (see json_stream.h).
  bool null() { return true; }
  bool boolean(bool value);
  bool number_integer(int64_t value) {
    return Number(value < 0 ? 0 : static_cast<uint64_t>(value));
  }
  bool number_unsigned(uint64_t value) { return Number(value); }
  bool number_float(double value, std::string_view) {
    constexpr double kTwoTo64 = 18446744073709551616.0;  // Casting larger doubles is undefined.
    return Number(value <= 0 ? 0 : value >= kTwoTo64 ? UINT64_MAX : static_cast<uint64_t>(value));
  }
  bool string(std::string_view value);
  bool start_object() { return Open(true); }
  bool start_array() { return Open(false); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }
  bool key(std::string_view k) {
    field_ = current_ == Ctx::kSkip
                 ? Field::kNone  // Nothing is read there.
                 : kFields.at[static_cast<size_t>(current_)][static_cast<size_t>(LookupKey(k))];
    return true;
  }

 private:
  // The most containers open at once outside skipped ones: root, messages, message, reactions,
  // reaction, its users, a user (ChildOf never goes deeper).
  static constexpr size_t kMaxOpen = 7;

  Ctx ChildOf(Ctx parent, bool is_object) const;
  bool Open(bool is_object);
  bool Close();
  bool Number(uint64_t value);
  // A string of the message being read, kept until the message ends: the chunk's own bytes
  // while the chunk lasts (ChunkEnd copies what is still in use), else a copy.
  std::string_view Keep(std::string_view value) {
    return InChunk(value) ? value : strings_.Put(value);
  }
  void Pin(std::string_view* view) {
    if (InChunk(*view))
      *view = strings_.Put(*view);
  }
  void PinUser(UserFields* user);
  bool IsStaffRole(std::string_view name);
  void DeclareChannel();
  // Out of line: once per message, and it would burden Close's every call with its registers.
  [[gnu::noinline]] void EmitMessage();
  bool Reject(std::string message);

  // The containers open, outside skipped ones; current_ is the innermost (kRoot when none), or
  // kSkip while skip_depth_ containers, the outermost one skipped, are open.
  Ctx open_[kMaxOpen] = {};
  size_t depth_ = 0;
  uint32_t skip_depth_ = 0;
  Ctx current_ = Ctx::kRoot;
  Field field_ = Field::kNone;  // What the last key names (kNone after a container opens or ends).
  bool root_seen_ = false;
  bool messages_seen_ = false;
  Status shape_;

  // Channel and server, declared once the `channel` object ends.
  std::string guild_id_, guild_name_, channel_id_, channel_type_, channel_name_, category_id_;
  bool channel_declared_ = false;
  uint32_t channel_ = 0;

  // Role names seen, and whether each marks staff: a server has a few roles, named again on
  // every message.
  std::vector<std::pair<std::string, bool>> roles_;

  // The message being read.
  bool in_message_ = false;
  RecordStrings strings_;
  Location msg_at_;  // Where the message's object starts.
  std::string_view msg_id_, msg_type_, msg_timestamp_;
  std::string_view ref_type_, ref_message_, ref_channel_, ref_guild_;
  bool has_reference_ = false;
  uint32_t text_bytes_ = 0;
  uint32_t reaction_count_ = 0;
  UserFields author_, user_;
  std::vector<model::PersonRef> mentions_, reactors_;
  uint64_t messages_ = 0;
  base::Iso8601Reader timestamps_;
};

Ctx DiscordJsonReader::ChildOf(Ctx parent, bool is_object) const {
  switch (parent) {  // Arrays: their elements.
    case Ctx::kMessages:
      return is_object ? Ctx::kMessage : Ctx::kSkip;
    case Ctx::kRoles:
      return is_object ? Ctx::kRole : Ctx::kSkip;
    case Ctx::kReactions:
      return is_object ? Ctx::kReaction : Ctx::kSkip;
    case Ctx::kReactionUsers:
      return is_object ? Ctx::kReactionUser : Ctx::kSkip;
    case Ctx::kMentions:
      return is_object ? Ctx::kMentionUser : Ctx::kSkip;
    default:
      break;
  }
  switch (field_) {  // Objects: the value of the last key.
    case Field::kGuild:
      return is_object ? Ctx::kGuild : Ctx::kSkip;
    case Field::kChannel:
      return is_object ? Ctx::kChannel : Ctx::kSkip;
    case Field::kMessages:
      return is_object ? Ctx::kSkip : Ctx::kMessages;
    case Field::kAuthor:
      return is_object ? Ctx::kAuthor : Ctx::kSkip;
    case Field::kReference:
      return is_object ? Ctx::kReference : Ctx::kSkip;
    case Field::kReactions:
      return is_object ? Ctx::kSkip : Ctx::kReactions;
    case Field::kMentions:
      return is_object ? Ctx::kSkip : Ctx::kMentions;
    case Field::kRoles:
      return is_object ? Ctx::kSkip : Ctx::kRoles;
    case Field::kUsers:
      return is_object ? Ctx::kSkip : Ctx::kReactionUsers;
    default:
      return Ctx::kSkip;
  }
}

bool DiscordJsonReader::Reject(std::string message) {
  shape_ =
      Status(StatusCode::kUnsupportedFormat, "ingest.discord.not_dce",
             "This is not a DiscordChatExporter JSON export: " + std::move(message) + ".", Here());
  return false;
}

bool DiscordJsonReader::Open(bool is_object) {
  if (skip_depth_ > 0) {
    ++skip_depth_;
    return true;
  }
  if (!root_seen_) {
    root_seen_ = true;
    if (!is_object)
      return Reject("the document is an array, not an object");
    open_[depth_++] = Ctx::kRoot;
    return true;
  }
  const Ctx child = ChildOf(current_, is_object);
  field_ = Field::kNone;
  if (child == Ctx::kSkip) {
    skip_depth_ = 1;
    current_ = Ctx::kSkip;
    return true;
  }
  if (child == Ctx::kMessages) {
    messages_seen_ = true;
    if (!channel_declared_) {
      return Reject("its \"messages\" list comes without the \"channel\" object DCE writes first");
    }
  } else if (child == Ctx::kMessage) {
    in_message_ = true;
    msg_at_ = Here();
    strings_.Reset();
    msg_id_ = msg_type_ = msg_timestamp_ = {};
    ref_type_ = ref_message_ = ref_channel_ = ref_guild_ = {};
    has_reference_ = false;
    text_bytes_ = 0;
    reaction_count_ = 0;
    author_.Clear();
    mentions_.clear();
    reactors_.clear();
  } else if (child == Ctx::kReactionUser || child == Ctx::kMentionUser) {
    user_.Clear();
  } else if (child == Ctx::kReference) {
    has_reference_ = true;
  }
  open_[depth_++] = child;
  current_ = child;
  return true;
}

bool DiscordJsonReader::Close() {
  field_ = Field::kNone;
  if (skip_depth_ > 0) {
    if (--skip_depth_ == 0)
      current_ = open_[depth_ - 1];  // The root is never skipped.
    return true;
  }
  const Ctx done = open_[--depth_];
  current_ = depth_ == 0 ? Ctx::kRoot : open_[depth_ - 1];
  switch (done) {
    case Ctx::kChannel:
      if (!channel_declared_)
        DeclareChannel();
      break;
    case Ctx::kMessage:
      EmitMessage();
      in_message_ = false;
      break;
    case Ctx::kReactionUser:
      reactors_.push_back(user_.Ref());
      break;
    case Ctx::kMentionUser:
      mentions_.push_back(user_.Ref());
      break;
    default:
      break;
  }
  return true;
}

bool DiscordJsonReader::boolean(bool value) {
  if (field_ == Field::kAuthorIsBot)
    author_.is_bot = value;
  if (field_ == Field::kUserIsBot)
    user_.is_bot = value;
  return true;
}

bool DiscordJsonReader::Number(uint64_t value) {
  if (field_ == Field::kReactionCount) {
    const uint64_t sum = reaction_count_ + value;  // Saturates: never wraps.
    reaction_count_ = static_cast<uint32_t>(sum < value || sum > UINT32_MAX ? UINT32_MAX : sum);
  }
  return true;
}

void DiscordJsonReader::ChunkEnd() {
  if (!in_message_)
    return;
  for (std::string_view* view : {&msg_id_, &msg_type_, &msg_timestamp_, &ref_type_, &ref_message_,
                                 &ref_channel_, &ref_guild_}) {
    Pin(view);
  }
  PinUser(&author_);
  PinUser(&user_);
  for (std::vector<model::PersonRef>* people : {&mentions_, &reactors_}) {
    for (model::PersonRef& person : *people) {
      Pin(&person.key);
      Pin(&person.name);
    }
  }
}

void DiscordJsonReader::PinUser(UserFields* user) {
  for (std::string_view* view : {&user->id, &user->name, &user->nickname, &user->discriminator})
    Pin(view);
}

bool DiscordJsonReader::IsStaffRole(std::string_view name) {
  constexpr size_t kMaxRoles = 64;  // Beyond it (never in practice), names are not remembered.
  for (const auto& [known, staff] : roles_) {
    if (known == name)
      return staff;
  }
  const bool staff = IsStaffRoleName(name);
  if (roles_.size() < kMaxRoles)
    roles_.emplace_back(name, staff);
  return staff;
}

bool DiscordJsonReader::string(std::string_view value) {
  switch (field_) {
    case Field::kGuildId:
      guild_id_ = value;
      break;
    case Field::kGuildName:
      guild_name_ = value;
      break;
    case Field::kChannelId:
      channel_id_ = value;
      break;
    case Field::kChannelType:
      channel_type_ = value;
      break;
    case Field::kChannelName:
      channel_name_ = value;
      break;
    case Field::kChannelCategoryId:
      category_id_ = value;
      break;
    case Field::kMessageId:
      msg_id_ = Keep(value);
      context().sink->HintId(channel_, msg_id_);
      break;
    case Field::kMessageType:
      msg_type_ = Keep(value);
      break;
    case Field::kMessageTimestamp:
      msg_timestamp_ = Keep(value);
      break;
    case Field::kMessageContent:
      text_bytes_ = static_cast<uint32_t>(value.size());
      break;
    case Field::kAuthorId:
      author_.id = Keep(value);
      break;
    case Field::kAuthorName:
      author_.name = Keep(value);
      break;
    case Field::kAuthorNickname:
      author_.nickname = Keep(value);
      break;
    case Field::kAuthorDiscriminator:
      author_.discriminator = Keep(value);
      break;
    case Field::kUserId:
      user_.id = Keep(value);
      break;
    case Field::kUserName:
      user_.name = Keep(value);
      break;
    case Field::kUserNickname:
      user_.nickname = Keep(value);
      break;
    case Field::kUserDiscriminator:
      user_.discriminator = Keep(value);
      break;
    case Field::kRoleName:
      if (!author_.staff_role && IsStaffRole(value))
        author_.staff_role = true;
      break;
    case Field::kRefType:
      ref_type_ = Keep(value);
      break;
    case Field::kRefMessageId:
      ref_message_ = Keep(value);
      context().sink->HintId(channel_, ref_message_);
      break;
    case Field::kRefChannelId:
      ref_channel_ = Keep(value);
      break;
    case Field::kRefGuildId:
      ref_guild_ = Keep(value);
      break;
    default:
      break;
  }
  return true;
}

void DiscordJsonReader::DeclareChannel() {
  channel_declared_ = true;
  model::ChannelInfo info;
  info.kind = ChannelKindOf(channel_type_);
  info.key = channel_id_;
  info.name = channel_name_;
  info.group_key = guild_id_;
  info.group_name = guild_name_;
  if (info.kind == model::ChannelKind::kThread) {
    info.parent_key = category_id_;  // DCE quirk: a thread's categoryId is its parent channel.
  }
  if (channel_id_.empty()) {
    context().diagnostics->Add("ingest.discord.no_channel", base::Severity::kWarning,
                               "The export names no channel; the file name stands in for it.",
                               Here());
    info.key = context().name;
    info.name = context().name;
  }
  channel_ = context().sink->OnChannel(info);
}

void DiscordJsonReader::EmitMessage() {
  model::Message m;
  m.channel = channel_;
  m.id = msg_id_;
  m.author = author_.Ref();
  bool is_system = false;
  m.action = SystemActionOf(msg_type_, &is_system);
  m.kind = is_system ? model::MessageKind::kSystem : model::MessageKind::kMessage;
  if (auto t = timestamps_.Parse(msg_timestamp_)) {
    m.time_ms = t->ms;
    m.has_time = true;
  } else {
    uint64_t snowflake = 0;
    const auto [end, ec] =
        std::from_chars(msg_id_.data(), msg_id_.data() + msg_id_.size(), snowflake);
    if (ec == std::errc() && end == msg_id_.data() + msg_id_.size() && !msg_id_.empty()) {
      m.time_ms = static_cast<int64_t>(snowflake >> 22) + kDiscordEpochMs;
      m.has_time = true;
    }
    context().diagnostics->Add("ingest.discord.bad_timestamp", base::Severity::kWarning,
                               "Messages with a missing or unreadable timestamp were dated from "
                               "their Discord id.",
                               msg_at_);
  }
  if (has_reference_) {
    const bool forward = ref_type_ == "Forward";
    const bool same_channel = ref_channel_.empty() || ref_channel_ == channel_id_;
    const bool crosspost = !ref_guild_.empty() && !guild_id_.empty() && ref_guild_ != guild_id_;
    m.is_forward = forward || crosspost;
    if (!forward && same_channel && !ref_message_.empty()) {
      m.reply_to = ref_message_;
    }
  }
  m.text_bytes = text_bytes_;
  m.mentions = mentions_;
  m.reaction_count = reaction_count_;
  m.reactors = reactors_;
  context().sink->OnMessage(m);
  ++messages_;
}

Status DiscordJsonReader::CheckShape() const {
  if (!shape_.ok())
    return shape_;
  if (!messages_seen_) {
    return Status(StatusCode::kUnsupportedFormat, "ingest.discord.not_dce",
                  "This JSON has no DiscordChatExporter \"messages\" array, so it is not a "
                  "DiscordChatExporter export.",
                  Location{context().input, 0, 0});
  }
  return Status::Ok();
}

}  // namespace

std::unique_ptr<Reader> MakeDiscordJsonReader(const ReaderContext& context) {
  return std::make_unique<DiscordJsonReader>(context);
}

bool SniffDiscordJson(const Head& head) {
  return head.json_top == '{' && head.FirstKey() == "guild";
}

}  // namespace meshcheck::ingest
