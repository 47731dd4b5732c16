#include "ingest/telegram_json.h"

#include <algorithm>
#include <string>
#include <vector>

#include "base/time.h"
#include "ingest/json_reader.h"
#include "ingest/json_values.h"

namespace meshcheck::ingest {
namespace {

enum class Ctx : uint8_t {
  kRoot,      // The document; a chat itself in a single-chat export.
  kChats,     // `chats` / `left_chats` of a full export.
  kChatList,  // Their `list`.
  kChat,      // A chat of the list.
  kMessages,  // A chat's `messages`.
  kMessage,
  kText,      // A message's `text` or `text_entities` array.
  kTextPart,  // An entity object in it.
  kReactions,
  kReaction,
  kRecent,  // A reaction's `recent` reactors.
  kReactor,
  kSkip,  // A container nothing is read from.
};

enum class Key : uint8_t {
  kOther,
  kName,
  kType,
  kId,
  kMessages,
  kChats,
  kList,
  kDate,
  kDateUnixtime,
  kFrom,
  kFromId,
  kActor,
  kActorId,
  kAction,
  kReplyTo,
  kReplyToPeer,
  kForwardedFrom,
  kSavedFrom,
  kText,
  kTextEntities,
  kUserId,
  kReactions,
  kCount,
  kRecent,
};

Key LookupKey(std::string_view k) {
  struct Entry {
    std::string_view name;
    Key key;
  };
  static constexpr Entry kKeys[] = {
      {"name", Key::kName},
      {"type", Key::kType},
      {"id", Key::kId},
      {"messages", Key::kMessages},
      {"chats", Key::kChats},
      {"left_chats", Key::kChats},
      {"list", Key::kList},
      {"date", Key::kDate},
      {"date_unixtime", Key::kDateUnixtime},
      {"from", Key::kFrom},
      {"from_id", Key::kFromId},
      {"actor", Key::kActor},
      {"actor_id", Key::kActorId},
      {"action", Key::kAction},
      {"reply_to_message_id", Key::kReplyTo},
      {"reply_to_peer_id", Key::kReplyToPeer},
      {"forwarded_from", Key::kForwardedFrom},
      {"saved_from", Key::kSavedFrom},
      {"text", Key::kText},
      {"text_entities", Key::kTextEntities},
      {"user_id", Key::kUserId},
      {"reactions", Key::kReactions},
      {"count", Key::kCount},
      {"recent", Key::kRecent},
  };
  for (const Entry& e : kKeys) {
    if (e.name == k)
      return e.key;
  }
  return Key::kOther;
}

model::ChannelKind ChannelKindOf(std::string_view type) {
  using model::ChannelKind;
  if (type == "personal_chat" || type == "bot_chat" || type == "saved_messages" ||
      type == "replies") {
    return ChannelKind::kDirect;
  }
  if (type == "private_group" || type == "private_supergroup" || type == "public_supergroup")
    return ChannelKind::kChat;
  if (type == "private_channel" || type == "public_channel")
    return ChannelKind::kAnnouncement;
  return ChannelKind::kUnknown;
}

// The prefix tdesktop gives the peer of a chat of `type` ("user", "chat", "channel"), or "".
std::string_view PeerPrefixOf(std::string_view type) {
  if (ChannelKindOf(type) == model::ChannelKind::kDirect)
    return "user";
  if (type == "private_group")
    return "chat";
  if (ChannelKindOf(type) != model::ChannelKind::kUnknown)
    return "channel";
  return {};
}

model::SystemAction SystemActionOf(std::string_view action) {
  if (action == "invite_members" || action == "join_group_by_link" ||
      action == "join_group_by_request") {
    return model::SystemAction::kJoin;
  }
  if (action == "remove_members")
    return model::SystemAction::kLeave;
  return model::SystemAction::kOther;
}

// A person as a message names them: `from`/`from_id`, `actor`/`actor_id`, a reactor.
struct PeerFields {
  std::string_view key;
  std::string_view name;
  bool named = false;  // The name or the id field was present (even as null).

  void Clear() { *this = PeerFields(); }
};

// What a message's text says: its size and whom it mentions. `text` and `text_entities` (since
// 2022-09) each say it.
struct TextFields {
  bool seen = false;
  uint32_t bytes = 0;
  std::vector<model::PersonRef> mentions;

  void Clear() {
    seen = false;
    bytes = 0;
    mentions.clear();
  }
  void Add(std::string_view text) { bytes = AddCount(bytes, SizeCount(text.size())); }
};

struct ChatState {
  std::string name, type, id;
  std::string key, own_peer;
  bool declared = false;
  bool broadcast = false;
  uint32_t handle = 0;
  std::vector<std::string> topics;  // Ids of `topic_created` service messages.

  void Clear() { *this = ChatState(); }
  // The peer whose messages are the chat's own voice (groups and channels only).
  bool IsHostPeer(std::string_view peer) const {
    return !peer.empty() && peer == own_peer && ChannelKindOf(type) != model::ChannelKind::kDirect;
  }
};

class TelegramJsonReader : public JsonDocumentReader<TelegramJsonReader> {
 public:
  explicit TelegramJsonReader(const ReaderContext& context) : JsonDocumentReader(this, context) {}

  // ---- JsonDocumentReader hooks.
  uint64_t records() const { return messages_; }
  const char* label() const { return "Telegram"; }
  const char* id_prefix() const { return "ingest.telegram"; }
  Status CheckShape() const;

  // ---- SAX handler (see json_stream.h).
  bool null();
  bool boolean(bool) { return true; }
  bool number_integer(int64_t value) { return Number(JsonNumber::Signed(value)); }
  bool number_unsigned(uint64_t value) { return Number(JsonNumber::Unsigned(value)); }
  bool number_float(double value, std::string_view) { return Number(JsonNumber::Float(value)); }
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
  Ctx Current() const { return stack_.empty() ? Ctx::kRoot : stack_.back(); }
  Ctx ChildOf(Ctx parent, bool is_object) const;
  bool Open(bool is_object);
  bool Close();
  bool Number(const JsonNumber& n);
  void ChatField(std::string_view value);
  void PeerField(PeerFields* peer, Key name_key, Key id_key, std::string_view value);
  std::string_view IntegerPeer(int64_t id);
  void StartMessage();
  void EndTextPart();
  void DeclareChat();
  model::PersonRef Person(const PeerFields& peer) const;
  bool ReadTime(model::Message* m);
  bool LooksLikeTdesktop();
  void EmitMessage();
  void Count(const char* id, const char* message);

  std::vector<Ctx> stack_;
  Key key_ = Key::kOther;
  bool root_seen_ = false;
  bool messages_seen_ = false;
  bool first_checked_ = false;
  Status shape_;
  ChatState chat_;
  uint32_t chats_ = 0;

  // The message being read.
  RecordStrings strings_;
  Location msg_at_;
  std::string_view id_, type_, date_, date_unixtime_, action_, reply_to_, reply_peer_;
  PeerFields from_, actor_, reactor_;
  bool forwarded_ = false;
  TextFields text_, entities_;
  TextFields* part_of_ = nullptr;  // The one the array being read fills.
  uint32_t reaction_count_ = 0;
  std::vector<model::PersonRef> reactors_;
  std::string_view part_type_, part_text_, part_user_;
  uint64_t messages_ = 0;
};

Ctx TelegramJsonReader::ChildOf(Ctx parent, bool is_object) const {
  switch (parent) {
    case Ctx::kRoot:
      if (is_object && key_ == Key::kChats)
        return Ctx::kChats;
      return !is_object && key_ == Key::kMessages ? Ctx::kMessages : Ctx::kSkip;
    case Ctx::kChats:
      return !is_object && key_ == Key::kList ? Ctx::kChatList : Ctx::kSkip;
    case Ctx::kChatList:
      return is_object ? Ctx::kChat : Ctx::kSkip;
    case Ctx::kChat:
      return !is_object && key_ == Key::kMessages ? Ctx::kMessages : Ctx::kSkip;
    case Ctx::kMessages:
      return is_object ? Ctx::kMessage : Ctx::kSkip;
    case Ctx::kMessage:
      if (!is_object && (key_ == Key::kText || key_ == Key::kTextEntities))
        return Ctx::kText;
      return !is_object && key_ == Key::kReactions ? Ctx::kReactions : Ctx::kSkip;
    case Ctx::kText:
      return is_object ? Ctx::kTextPart : Ctx::kSkip;
    case Ctx::kReactions:
      return is_object ? Ctx::kReaction : Ctx::kSkip;
    case Ctx::kReaction:
      return !is_object && key_ == Key::kRecent ? Ctx::kRecent : Ctx::kSkip;
    case Ctx::kRecent:
      return is_object ? Ctx::kReactor : Ctx::kSkip;
    default:
      return Ctx::kSkip;
  }
}

bool TelegramJsonReader::Open(bool is_object) {
  if (!root_seen_) {
    root_seen_ = true;
    if (!is_object) {
      shape_ = Status(StatusCode::kUnsupportedFormat, "ingest.telegram.not_telegram",
                      "This is not a Telegram export: the document is a list, where Telegram "
                      "Desktop writes an object.",
                      Here());
      return false;
    }
    stack_.push_back(Ctx::kRoot);
    return true;
  }
  const Ctx child = ChildOf(Current(), is_object);
  switch (child) {
    case Ctx::kChat:
      chat_.Clear();
      ++chats_;
      break;
    case Ctx::kMessages:
      messages_seen_ = true;
      if (!chat_.declared)
        DeclareChat();
      break;
    case Ctx::kMessage:
      StartMessage();
      break;
    case Ctx::kText:
      part_of_ = key_ == Key::kText ? &text_ : &entities_;
      part_of_->seen = true;
      break;
    case Ctx::kTextPart:
      part_type_ = part_text_ = part_user_ = {};
      break;
    case Ctx::kReactor:
      reactor_.Clear();
      break;
    default:
      break;
  }
  stack_.push_back(child);
  key_ = Key::kOther;
  return true;
}

bool TelegramJsonReader::Close() {
  const Ctx done = Current();
  stack_.pop_back();
  key_ = Key::kOther;
  switch (done) {
    case Ctx::kMessage:
      if (!first_checked_ && !LooksLikeTdesktop())
        return false;
      EmitMessage();
      break;
    case Ctx::kTextPart:
      EndTextPart();
      break;
    case Ctx::kReactor:
      reactors_.push_back(Person(reactor_));
      break;
    default:
      break;
  }
  return true;
}

void TelegramJsonReader::StartMessage() {
  msg_at_ = Here();
  strings_.Reset();
  id_ = type_ = date_ = date_unixtime_ = action_ = reply_to_ = reply_peer_ = {};
  from_.Clear();
  actor_.Clear();
  forwarded_ = false;
  text_.Clear();
  entities_.Clear();
  reaction_count_ = 0;
  reactors_.clear();
}

void TelegramJsonReader::EndTextPart() {
  part_of_->Add(part_text_);
  model::PersonRef p;
  p.name = part_text_;
  if (part_type_ == "mention") {
    part_of_->mentions.push_back(p);
  } else if (part_type_ == "mention_name" && !part_user_.empty()) {
    p.key = part_user_;
    part_of_->mentions.push_back(p);
  }
}

std::string_view TelegramJsonReader::IntegerPeer(int64_t id) {
  return strings_.Put("user" + std::to_string(id));
}

bool TelegramJsonReader::null() {
  const Ctx c = Current();
  if (c == Ctx::kMessage) {
    if (key_ == Key::kForwardedFrom || key_ == Key::kSavedFrom)
      forwarded_ = true;
    if (key_ == Key::kFrom)
      from_.named = true;
    if (key_ == Key::kActor)
      actor_.named = true;
  } else if (c == Ctx::kReactor && key_ == Key::kFrom) {
    reactor_.named = true;
  }
  return true;
}

bool TelegramJsonReader::Number(const JsonNumber& n) {
  switch (Current()) {
    case Ctx::kRoot:
    case Ctx::kChat:
      if (key_ == Key::kId && n.integer)
        chat_.id = std::to_string(*n.integer);
      break;
    case Ctx::kMessage:
      if (!n.integer)
        break;
      if (key_ == Key::kId)
        id_ = strings_.Put(std::to_string(*n.integer));
      if (key_ == Key::kReplyTo)
        reply_to_ = strings_.Put(std::to_string(*n.integer));
      if (key_ == Key::kDateUnixtime)
        date_unixtime_ = strings_.Put(std::to_string(*n.integer));
      if (key_ == Key::kFromId) {
        from_.key = IntegerPeer(*n.integer);
        from_.named = true;
      }
      if (key_ == Key::kActorId) {
        actor_.key = IntegerPeer(*n.integer);
        actor_.named = true;
      }
      break;
    case Ctx::kTextPart:
      if (key_ == Key::kUserId && n.integer)
        part_user_ = IntegerPeer(*n.integer);
      break;
    case Ctx::kReaction:
      if (key_ == Key::kCount)
        reaction_count_ = AddCount(reaction_count_, n.Count());
      break;
    case Ctx::kReactor:
      if (key_ == Key::kFromId && n.integer) {
        reactor_.key = IntegerPeer(*n.integer);
        reactor_.named = true;
      }
      break;
    default:
      break;
  }
  return true;
}

void TelegramJsonReader::ChatField(std::string_view value) {
  if (key_ == Key::kName)
    chat_.name = value;
  if (key_ == Key::kType)
    chat_.type = value;
  if (key_ == Key::kId)
    chat_.id = value;
}

void TelegramJsonReader::PeerField(PeerFields* peer,
                                   Key name_key,
                                   Key id_key,
                                   std::string_view value) {
  if (key_ == name_key) {
    peer->name = strings_.Put(value);
    peer->named = true;
  } else if (key_ == id_key) {
    peer->key = strings_.Put(value);
    peer->named = true;
  }
}

bool TelegramJsonReader::string(std::string_view value) {
  switch (Current()) {
    case Ctx::kRoot:
    case Ctx::kChat:
      ChatField(value);
      break;
    case Ctx::kMessage:
      switch (key_) {
        case Key::kId:
          id_ = strings_.Put(value);
          break;
        case Key::kType:
          type_ = strings_.Put(value);
          break;
        case Key::kDate:
          date_ = strings_.Put(value);
          break;
        case Key::kDateUnixtime:
          date_unixtime_ = strings_.Put(value);
          break;
        case Key::kAction:
          action_ = strings_.Put(value);
          break;
        case Key::kReplyToPeer:
          reply_peer_ = strings_.Put(value);
          break;
        case Key::kForwardedFrom:
        case Key::kSavedFrom:
          forwarded_ = true;
          break;
        case Key::kText:
          text_.seen = true;
          text_.Add(value);
          break;
        default:
          PeerField(&from_, Key::kFrom, Key::kFromId, value);
          PeerField(&actor_, Key::kActor, Key::kActorId, value);
          break;
      }
      break;
    case Ctx::kText:
      part_of_->Add(value);
      break;
    case Ctx::kTextPart:
      if (key_ == Key::kType)
        part_type_ = strings_.Put(value);
      if (key_ == Key::kText)
        part_text_ = strings_.Put(value);
      if (key_ == Key::kUserId)
        part_user_ = strings_.Put("user" + std::string(value));
      break;
    case Ctx::kReactor:
      PeerField(&reactor_, Key::kFrom, Key::kFromId, value);
      break;
    default:
      break;
  }
  return true;
}

void TelegramJsonReader::DeclareChat() {
  chat_.declared = true;
  const std::string_view prefix = PeerPrefixOf(chat_.type);
  if (!prefix.empty() && !chat_.id.empty())
    chat_.own_peer = std::string(prefix) + chat_.id;
  if (!chat_.own_peer.empty()) {
    chat_.key = "telegram:" + chat_.own_peer;
  } else if (!chat_.id.empty()) {
    chat_.key = "telegram:" + chat_.id;
  } else if (!chat_.name.empty()) {
    chat_.key = "telegram:name:" + chat_.name;
  } else {
    chat_.key = std::string(context().name) + "#" + std::to_string(chats_);
  }
  const model::ChannelKind kind = ChannelKindOf(chat_.type);
  chat_.broadcast = kind == model::ChannelKind::kAnnouncement;
  model::ChannelInfo info;
  info.key = chat_.key;
  info.name = chat_.name;
  info.group_key = chat_.key;
  info.group_name = chat_.name;
  info.kind = kind;
  chat_.handle = context().sink->OnChannel(info);
}

model::PersonRef TelegramJsonReader::Person(const PeerFields& peer) const {
  model::PersonRef p;
  p.key = peer.key;
  p.name = peer.name;
  p.is_deleted = peer.key.empty() && peer.name.empty();
  p.is_host_hint = chat_.broadcast || chat_.IsHostPeer(peer.key);
  return p;
}

void TelegramJsonReader::Count(const char* id, const char* message) {
  context().diagnostics->Add(id, base::Severity::kWarning, message, msg_at_);
}

bool TelegramJsonReader::ReadTime(model::Message* m) {
  if (!date_unixtime_.empty()) {
    constexpr int64_t kMaxSeconds = INT64_MAX / base::kMsPerSecond;
    const auto seconds = ParseDecimal(date_unixtime_);
    if (seconds && *seconds <= kMaxSeconds && *seconds >= -kMaxSeconds) {
      m->time_ms = *seconds * base::kMsPerSecond;
      return true;
    }
  }
  const auto parsed = date_.empty() ? std::nullopt : base::ParseIso8601(date_);
  if (!parsed) {
    if (!date_unixtime_.empty() || !date_.empty()) {
      Count("ingest.telegram.bad_date", "Messages with an unreadable date were kept undated.");
    }
    return false;
  }
  m->time_ms = parsed->ms;
  if (!parsed->has_offset) {
    Count("ingest.telegram.naive_date",
          "Messages dated only by the exporting computer's local clock (exports before mid-2022 "
          "have no date_unixtime) were read as if that clock showed UTC; their times may be off "
          "by its time zone.");
  }
  return true;
}

bool TelegramJsonReader::LooksLikeTdesktop() {
  first_checked_ = true;
  if (type_ == "message" || type_ == "service" || type_ == "unsupported" || !date_.empty() ||
      !date_unixtime_.empty()) {
    return true;
  }
  shape_ = Status(StatusCode::kUnsupportedFormat, "ingest.telegram.not_telegram",
                  "This is not a Telegram export: its first message has neither the \"type\" "
                  "nor the \"date\" Telegram Desktop writes for every message.",
                  msg_at_);
  return false;
}

void TelegramJsonReader::EmitMessage() {
  if (type_ == "unsupported") {
    context().diagnostics->Add("ingest.telegram.unsupported", base::Severity::kInfo,
                               "Messages Telegram Desktop could not export (unsupported media "
                               "stubs with only an id) were skipped.",
                               msg_at_);
    return;
  }
  const bool service = type_ == "service";
  if (service && !actor_.named) {
    context().diagnostics->Add("ingest.telegram.no_actor", base::Severity::kInfo,
                               "Service messages that name no person (payments, bot "
                               "permissions) were skipped.",
                               msg_at_);
    return;
  }
  model::Message m;
  m.channel = chat_.handle;
  m.id = id_;
  m.author = Person(service ? actor_ : from_);
  if (service) {
    m.kind = model::MessageKind::kSystem;
    m.action = SystemActionOf(action_);
    if (action_ == "topic_created" && !id_.empty())
      chat_.topics.emplace_back(id_);
  }
  m.has_time = ReadTime(&m);
  const bool local = reply_peer_.empty() || reply_peer_ == chat_.own_peer;
  if (!reply_to_.empty() && local) {
    const bool topic =
        std::find(chat_.topics.begin(), chat_.topics.end(), reply_to_) != chat_.topics.end();
    (topic ? m.thread : m.reply_to) = reply_to_;
  }
  m.is_forward = forwarded_;
  m.text_bytes = (text_.seen ? text_ : entities_).bytes;
  m.mentions = (entities_.seen ? entities_ : text_).mentions;
  m.reaction_count = reaction_count_;
  m.reactors = reactors_;
  context().sink->OnMessage(m);
  ++messages_;
}

Status TelegramJsonReader::CheckShape() const {
  if (!shape_.ok())
    return shape_;
  if (!messages_seen_) {
    return Status(StatusCode::kUnsupportedFormat, "ingest.telegram.not_telegram",
                  "This JSON has no chat with a \"messages\" list, so it is not a Telegram "
                  "Desktop export (result.json).",
                  Location{context().input, 0, 0});
  }
  return Status::Ok();
}

bool HasAnyKey(const Head& head, std::initializer_list<std::string_view> paths) {
  for (std::string_view path : paths) {
    if (head.HasKey(path))
      return true;
  }
  return false;
}

}  // namespace

std::unique_ptr<Reader> MakeTelegramJsonReader(const ReaderContext& context) {
  return std::make_unique<TelegramJsonReader>(context);
}

bool SniffTelegramJson(const Head& head) {
  if (head.json_top != '{')
    return false;
  if (HasAnyKey(head, {"chats.list", "left_chats.list"}))
    return true;
  if (head.FirstKey() == "about" &&
      HasAnyKey(head,
                {"personal_information", "profile_pictures", "contacts", "frequent_contacts",
                 "sessions", "web_sessions", "other_data", "stories", "chats", "left_chats"})) {
    return true;
  }
  return HasAnyKey(head, {"messages.[].from_id", "messages.[].actor_id",
                          "messages.[].date_unixtime", "messages.[].text_entities",
                          "messages.[].reply_to_message_id", "messages.[].forwarded_from"});
}

}  // namespace meshcheck::ingest
