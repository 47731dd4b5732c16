// The platform-neutral stream between the conversation model and the format writers: who is in
// the group (Person) and what each message is (ChatMessage). Nothing here is specific to one
// export format; writers derive platform ids, markup and layout from it.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace meshcheck::gen {

inline constexpr uint32_t kNoPerson = std::numeric_limits<uint32_t>::max();
inline constexpr int64_t kBeforeExport = std::numeric_limits<int64_t>::min();
// In ChatMessage::text, one byte standing for the next entry of ChatMessage::mentions; writers
// render it the way their platform writes a mention ("@Name", "<@U123>", ...).
inline constexpr char kMentionMark = '\x01';

enum class PersonKind : uint8_t { kHost, kMember, kBot };
enum class BotRole : uint8_t { kNone, kWelcome, kLevel, kCommand, kFeed };

struct Person {
  PersonKind kind = PersonKind::kMember;
  BotRole bot = BotRole::kNone;
  std::string username;  // Login handle, lowercase ASCII, unique ("mira.k").
  std::string display;   // Display name, any Unicode ("Mira 🌸").
  uint64_t uid = 0;      // Random; writers derive platform ids from it.
  // Hosts: 0 = owner, 1 = staff. Members: 2 = most active 5%, 1 = next 20%, 0 = the rest.
  uint8_t tier = 0;
  int64_t joined_ms = kBeforeExport;  // UTC join time, or kBeforeExport.
};

struct Roster {
  std::vector<Person> people;
  std::vector<uint32_t> hosts;    // Owner first.
  std::vector<uint32_t> by_rank;  // Members by activity rank.
  uint32_t bots[5] = {kNoPerson, kNoPerson, kNoPerson, kNoPerson, kNoPerson};  // By BotRole.

  uint32_t Bot(BotRole role) const { return bots[static_cast<int>(role)]; }
};

enum class MessageKind : uint8_t { kText, kJoin };
enum class AttachmentKind : uint8_t { kNone, kImage, kFile };

struct Attachment {
  AttachmentKind kind = AttachmentKind::kNone;
  std::string name;
  uint32_t bytes = 0;
};

struct Reaction {
  uint16_t emoji;                   // Index into Emojis() (content.h).
  uint32_t users_begin, users_end;  // Range of ChatMessage::reactors.
};

struct ChatMessage {
  uint64_t seq = 0;  // 0-based position in the export; messages come in time order.
  int64_t time_ms = 0;
  uint32_t author = kNoPerson;
  MessageKind kind = MessageKind::kText;
  // A reply names an earlier message of the stream.
  bool is_reply = false;
  uint64_t parent_seq = 0;
  int64_t parent_time_ms = 0;
  uint32_t parent_author = kNoPerson;
  bool ping_parent = false;  // The reply notifies the parent's author.
  // The thread: the first message of the chain of replies this one belongs to (itself for a
  // message that replies to nothing). Threaded formats (Slack) hang every reply off it.
  uint64_t thread_seq = 0;
  int64_t thread_time_ms = 0;
  uint32_t thread_author = kNoPerson;
  // On a thread's first message: the replies the whole thread will have (the model plans a
  // conversation ahead), the distinct people who write them in order, and the last one's time.
  uint32_t thread_replies = 0;
  std::vector<uint32_t> thread_people;
  int64_t thread_last_ms = 0;
  int64_t edited_ms = 0;  // 0: never edited.
  bool pinned = false;
  std::string text;                // UTF-8; may hold kMentionMark bytes.
  std::vector<uint32_t> mentions;  // People, one per kMentionMark, in order.
  std::vector<Reaction> reactions;
  std::vector<uint32_t> reactors;
  Attachment attachment;
  int link = -1;     // Index into Links(): a URL in the text, with a preview card.
  int sticker = -1;  // Index into Stickers().
};

class MessageSink {
 public:
  virtual ~MessageSink() = default;
  // Returns false to stop the model (for example, a size limit was reached).
  virtual bool OnMessage(const ChatMessage& message) = 0;
};

}  // namespace meshcheck::gen
