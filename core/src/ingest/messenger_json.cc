#include "ingest/messenger_json.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/utf8.h"
#include "ingest/json_reader.h"
#include "ingest/json_values.h"

namespace meshcheck::ingest {
namespace {

using base::StartsWith;

enum class Ctx : uint8_t {
  kRoot,
  kParticipants,
  kParticipant,
  kMessages,
  kMessage,
  kReactions,
  kReaction,
  kSkip,  // A container nothing is read from.
};

enum class Key : uint8_t {
  kOther,
  kParticipants,
  kName,
  kMessages,
  kSenderName,
  kTimestampMs,
  kContent,
  kReactions,
  kActor,
  kIsUnsent,
  kType,
  kCallDuration,
  kTitle,
  kThreadPath,
  kThreadType,
};

Key LookupKey(std::string_view k) {
  struct Entry {
    std::string_view name;
    Key key;
  };
  static constexpr Entry kKeys[] = {
      {"participants", Key::kParticipants},  {"name", Key::kName},
      {"messages", Key::kMessages},          {"sender_name", Key::kSenderName},
      {"timestamp_ms", Key::kTimestampMs},   {"content", Key::kContent},
      {"reactions", Key::kReactions},        {"actor", Key::kActor},
      {"is_unsent", Key::kIsUnsent},         {"type", Key::kType},
      {"call_duration", Key::kCallDuration}, {"title", Key::kTitle},
      {"thread_path", Key::kThreadPath},     {"thread_type", Key::kThreadType},
  };
  for (const Entry& e : kKeys) {
    if (e.name == k)
      return e.key;
  }
  return Key::kOther;
}

// `text` repaired from Facebook's mojibake if it is some, else as it is.
std::string Unmojibaked(std::string_view text) {
  std::string out;
  if (!base::AppendUnmojibakedUtf8(text, &out))
    out.assign(text);
  return out;
}

bool IsDeactivatedName(std::string_view name) {
  return name.empty() || base::EqualsIgnoreCase(name, "Facebook user") ||
         base::EqualsIgnoreCase(name, "Instagram User");
}

// The system event an English notice written as `content` by `sender` stands for, if any.
std::optional<model::SystemAction> NoticeOf(std::string_view content, std::string_view sender) {
  using model::SystemAction;
  if (content == "This poll is no longer available.")
    return SystemAction::kOther;
  if (sender.empty())
    return std::nullopt;
  std::string_view rest;
  if (StartsWith(content, sender) && content.substr(sender.size()).starts_with(' ')) {
    rest = content.substr(sender.size() + 1);
  } else if (StartsWith(content, "You ")) {
    rest = content.substr(4);
  } else {
    const bool poll = StartsWith(content, sender) &&
                      content.substr(sender.size()) == "'s poll has multiple updates.";
    return poll ? std::optional(SystemAction::kOther) : std::nullopt;
  }
  const auto has = [&](std::string_view part) { return rest.find(part) != rest.npos; };
  if (StartsWith(rest, "joined the group") ||
      (StartsWith(rest, "added ") && has(" to the group"))) {
    return SystemAction::kJoin;
  }
  if (StartsWith(rest, "left the group") ||
      (StartsWith(rest, "removed ") && has(" from the group"))) {
    return SystemAction::kLeave;
  }
  static constexpr std::string_view kOtherNotices[] = {
      "named the group",       "changed the group photo", "removed the group photo",
      "changed the theme",     "changed the chat theme",  "set the emoji to",
      "set the quick reaction"};
  for (std::string_view notice : kOtherNotices) {
    if (StartsWith(rest, notice))
      return SystemAction::kOther;
  }
  if ((StartsWith(rest, "set ") || StartsWith(rest, "cleared ")) && has("nickname"))
    return SystemAction::kOther;
  return std::nullopt;
}

model::ChannelKind KindOf(std::string_view thread_type, size_t participants) {
  if (thread_type == "Regular")
    return model::ChannelKind::kDirect;
  if (thread_type == "RegularGroup")
    return model::ChannelKind::kGroupDirect;
  if (!thread_type.empty() || participants < 2)
    return model::ChannelKind::kUnknown;
  return participants == 2 ? model::ChannelKind::kDirect : model::ChannelKind::kGroupDirect;
}

// "inbox/alice_123" for ".../messages/inbox/alice_123/message_1.json": the file's last two
// folders, as `thread_path` names them; empty if the name has fewer folders.
std::string_view ThreadPathOfFile(std::string_view file_name) {
  const size_t base = file_name.rfind('/');
  if (base == std::string_view::npos || base == 0)
    return {};
  const size_t folder = file_name.rfind('/', base - 1);
  if (folder == std::string_view::npos || folder == 0)
    return {};
  const size_t category = file_name.rfind('/', folder - 1);
  const size_t start = category == std::string_view::npos ? 0 : category + 1;
  if (start == folder)
    return {};
  return file_name.substr(start, base - start);
}

class MessengerJsonReader : public JsonDocumentReader<MessengerJsonReader> {
 public:
  explicit MessengerJsonReader(const ReaderContext& context) : JsonDocumentReader(this, context) {}

  // ---- JsonDocumentReader hooks.
  uint64_t records() const { return messages_; }
  const char* label() const { return "Messenger / Instagram"; }
  const char* id_prefix() const { return "ingest.messenger"; }
  Status CheckShape() const;

  // ---- SAX handler (see json_stream.h).
  bool null() { return true; }
  bool boolean(bool value) {
    if (Current() == Ctx::kMessage && key_ == Key::kIsUnsent)
      unsent_ = value;
    return true;
  }
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
  std::string_view Fixed(std::string_view text) { return strings_.Put(Unmojibaked(text)); }
  model::ChannelInfo Info() const;
  void DeclareThread();
  void FinishThread();
  void StartMessage();
  void EmitMessage();

  std::vector<Ctx> stack_;
  Key key_ = Key::kOther;
  bool root_seen_ = false;
  bool messages_seen_ = false;
  Status shape_;

  // The thread.
  std::vector<std::string> participants_;
  std::string title_, thread_path_, thread_type_, key_text_;
  bool declared_ = false;
  uint32_t channel_ = 0;

  // The message being read.
  RecordStrings strings_;
  std::string_view sender_, content_, type_, reaction_actor_;
  bool has_sender_ = false;
  bool has_time_ = false;
  int64_t time_ms_ = 0;
  bool unsent_ = false;
  bool call_ = false;
  uint32_t text_bytes_ = 0;
  std::vector<model::PersonRef> reactors_;
  uint64_t messages_ = 0;
};

Ctx MessengerJsonReader::ChildOf(Ctx parent, bool is_object) const {
  switch (parent) {
    case Ctx::kRoot:
      if (!is_object && key_ == Key::kParticipants)
        return Ctx::kParticipants;
      return !is_object && key_ == Key::kMessages ? Ctx::kMessages : Ctx::kSkip;
    case Ctx::kParticipants:
      return is_object ? Ctx::kParticipant : Ctx::kSkip;
    case Ctx::kMessages:
      return is_object ? Ctx::kMessage : Ctx::kSkip;
    case Ctx::kMessage:
      return !is_object && key_ == Key::kReactions ? Ctx::kReactions : Ctx::kSkip;
    case Ctx::kReactions:
      return is_object ? Ctx::kReaction : Ctx::kSkip;
    default:
      return Ctx::kSkip;
  }
}

bool MessengerJsonReader::Open(bool is_object) {
  if (!root_seen_) {
    root_seen_ = true;
    if (!is_object) {
      shape_ = Status(StatusCode::kUnsupportedFormat, "ingest.messenger.not_messenger",
                      "This is not a Messenger or Instagram export: the document is a list, "
                      "where Facebook writes an object.",
                      Here());
      return false;
    }
    stack_.push_back(Ctx::kRoot);
    return true;
  }
  const Ctx child = ChildOf(Current(), is_object);
  if (child == Ctx::kMessages) {
    messages_seen_ = true;
    if (!declared_)
      DeclareThread();
  } else if (child == Ctx::kMessage) {
    StartMessage();
  } else if (child == Ctx::kReaction) {
    reaction_actor_ = {};
  }
  stack_.push_back(child);
  key_ = Key::kOther;
  return true;
}

bool MessengerJsonReader::Close() {
  const Ctx done = Current();
  stack_.pop_back();
  key_ = Key::kOther;
  switch (done) {
    case Ctx::kMessage:
      EmitMessage();
      break;
    case Ctx::kReaction: {
      model::PersonRef p;
      p.name = reaction_actor_;
      p.is_deleted = IsDeactivatedName(reaction_actor_);
      reactors_.push_back(p);
      break;
    }
    case Ctx::kRoot:
      FinishThread();
      break;
    default:
      break;
  }
  return true;
}

bool MessengerJsonReader::Number(const JsonNumber& n) {
  if (Current() != Ctx::kMessage)
    return true;
  if (key_ == Key::kTimestampMs) {
    constexpr double kLimit = 9.2e18;  // Inside int64: the cast is defined.
    if (n.integer) {
      time_ms_ = *n.integer;
      has_time_ = true;
    } else if (n.value > -kLimit && n.value < kLimit) {
      time_ms_ = static_cast<int64_t>(n.value);
      has_time_ = true;
    }
  }
  if (key_ == Key::kCallDuration)
    call_ = true;
  return true;
}

bool MessengerJsonReader::string(std::string_view value) {
  switch (Current()) {
    case Ctx::kRoot:
      if (key_ == Key::kTitle)
        title_ = Unmojibaked(value);
      if (key_ == Key::kThreadPath)
        thread_path_ = value;
      if (key_ == Key::kThreadType)
        thread_type_ = value;
      break;
    case Ctx::kParticipant:
      if (key_ == Key::kName) {
        participants_.push_back(Unmojibaked(value));
        model::PersonRef p;
        p.name = participants_.back();
        p.is_deleted = IsDeactivatedName(p.name);
        if (!p.is_deleted)
          context().sink->OnMember(p);
      }
      break;
    case Ctx::kMessage:
      if (key_ == Key::kSenderName) {
        sender_ = Fixed(value);
        has_sender_ = true;
      }
      if (key_ == Key::kContent) {
        content_ = Fixed(value);
        text_bytes_ = SizeCount(content_.size());
      }
      if (key_ == Key::kType)
        type_ = strings_.Put(value);
      break;
    case Ctx::kReaction:
      if (key_ == Key::kActor)
        reaction_actor_ = Fixed(value);
      break;
    default:
      break;
  }
  return true;
}

model::ChannelInfo MessengerJsonReader::Info() const {
  model::ChannelInfo info;
  info.key = key_text_;
  info.name = title_;
  info.group_key = key_text_;
  info.group_name = title_;
  info.kind = KindOf(thread_type_, participants_.size());
  info.replies_exported = false;
  return info;
}

void MessengerJsonReader::DeclareThread() {
  declared_ = true;
  const std::string_view from_file = ThreadPathOfFile(context().name);
  if (!thread_path_.empty()) {
    key_text_ = "messenger:" + thread_path_;
  } else if (!from_file.empty()) {
    key_text_ = "messenger:" + std::string(from_file);
  } else if (!participants_.empty()) {
    std::vector<std::string> names = participants_;
    std::sort(names.begin(), names.end());
    key_text_ = "messenger:participants";
    for (const std::string& name : names)
      key_text_ += ":" + name;
  } else {
    key_text_ = "messenger:file:" + std::string(context().name);
  }
  channel_ = context().sink->OnChannel(Info());
}

void MessengerJsonReader::FinishThread() {
  if (declared_ && (!title_.empty() || !thread_type_.empty()))
    context().sink->OnChannel(Info());  // Fills in a title and kind written after the messages.
}

void MessengerJsonReader::StartMessage() {
  strings_.Reset();
  sender_ = content_ = type_ = {};
  has_sender_ = has_time_ = unsent_ = call_ = false;
  time_ms_ = 0;
  text_bytes_ = 0;
  reactors_.clear();
}

void MessengerJsonReader::EmitMessage() {
  model::Message m;
  m.channel = channel_;
  m.author.name = sender_;
  m.author.is_deleted = !has_sender_ || IsDeactivatedName(sender_);
  m.time_ms = time_ms_;
  m.has_time = has_time_;
  std::optional<model::SystemAction> action;
  if (type_ == "Subscribe") {
    action = model::SystemAction::kJoin;
  } else if (type_ == "Unsubscribe") {
    action = model::SystemAction::kLeave;
  } else if (type_ == "Call" || call_) {
    action = model::SystemAction::kOther;
  } else {
    action = NoticeOf(content_, sender_);
  }
  if (action) {
    m.kind = model::MessageKind::kSystem;
    m.action = *action;
  }
  m.text_bytes = unsent_ ? 0 : text_bytes_;
  m.reaction_count = SizeCount(reactors_.size());
  m.reactors = reactors_;
  context().sink->OnMessage(m);
  ++messages_;
}

Status MessengerJsonReader::CheckShape() const {
  if (!shape_.ok())
    return shape_;
  if (!messages_seen_) {
    return Status(StatusCode::kUnsupportedFormat, "ingest.messenger.not_messenger",
                  "This JSON has no \"messages\" list, so it is not a Messenger or Instagram "
                  "export (message_1.json).",
                  Location{context().input, 0, 0});
  }
  return Status::Ok();
}

}  // namespace

std::unique_ptr<Reader> MakeMessengerJsonReader(const ReaderContext& context) {
  return std::make_unique<MessengerJsonReader>(context);
}

bool SniffMessengerJson(const Head& head) {
  return head.json_top == '{' &&
         (head.HasKey("messages.[].sender_name") || head.HasKey("messages.[].timestamp_ms"));
}

}  // namespace meshcheck::ingest
