// Dataset: the in-memory store of everything read, fed as an EventSink. Members and channels
// are interned; each message becomes a 16-byte record (no text), plus 4 bytes per column
// (reply target, thread, reactions) that the export fills, so memory grows with the number of
// messages and people, never with input bytes.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/hash.h"
#include "base/intern.h"
#include "base/record_array.h"
#include "model/event_sink.h"
#include "model/message_index.h"

namespace meshcheck::model {

inline constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
inline constexpr int64_t kNoTime = std::numeric_limits<int64_t>::min();

struct Member {
  uint32_t key = 0;   // Interned key (Dataset::Text).
  uint32_t name = 0;  // Interned display name, the latest seen.
  bool is_bot = false;
  bool is_deleted = false;
  bool is_host_hint = false;
  bool listed = false;    // Named by the export's roster (EventSink::OnMember).
  uint32_t messages = 0;  // Messages written (kMessage only, forwards included).
  int64_t first_ms = kNoTime;
  int64_t last_ms = kNoTime;
  uint64_t name_hash = 0;  // Of `name`: a rename is seen without reading the stored name.
};

struct Channel {
  uint32_t key = 0;
  uint32_t name = 0;
  uint32_t group_key = 0;
  uint32_t group_name = 0;
  uint32_t parent_key = 0;
  ChannelKind kind = ChannelKind::kUnknown;
  bool replies_exported = true;
  uint32_t messages = 0;
};

enum MessageFlags : uint8_t {
  kFlagSystem = 1,
  kFlagForward = 2,
};

// 12 bytes, every field naturally aligned (never packed: a reference to a misaligned field is
// undefined behaviour): the time is kept in 48 bits, split in two aligned halves. What many
// exports leave empty or at one value (the channel, reply targets, thread roots, reaction counts)
// lives in columns beside the records (Dataset::channel_of, parent, thread, reactions): a
// WhatsApp chat, a Messenger thread or a Telegram chat is one channel, and WhatsApp, Messenger
// and DiscordChatExporter's CSV and text exports have no reply links; each such column would
// take a third of the records' memory.
struct MessageRecord {
  // time_ms() in 48-bit two's complement; kNoTimeHigh:0 is kNoTime.
  uint32_t time_low = 0;
  uint16_t time_high = kNoTimeHigh;
  uint8_t flags = 0;
  uint8_t action = 0;  // SystemAction.
  uint32_t author = kNone;

  // kNoTime: missing or implausible.
  int64_t time_ms() const {
    if (time_high == kNoTimeHigh && time_low == 0)
      return kNoTime;
    const uint64_t bits = (uint64_t{time_high} << 32) | time_low;
    return static_cast<int64_t>(bits << 16) >> 16;  // Sign-extended from 48 bits.
  }
  // `ms` is kNoTime or within 2^47 ms (4,000 years) of 1970; any other time is kept as kNoTime.
  void set_time_ms(int64_t ms) {
    if (ms <= -kTimeLimit || ms >= kTimeLimit) {
      time_high = kNoTimeHigh;
      time_low = 0;
      return;
    }
    const auto bits = static_cast<uint64_t>(ms);
    time_high = static_cast<uint16_t>(bits >> 32);
    time_low = static_cast<uint32_t>(bits);
  }
  bool is_system() const { return flags & kFlagSystem; }
  bool is_forward() const { return flags & kFlagForward; }

  static constexpr uint16_t kNoTimeHigh = 0x8000;  // With time_low 0: -2^47, never a time.
  static constexpr int64_t kTimeLimit = int64_t{1} << 47;
};
static_assert(sizeof(MessageRecord) == 12 && alignof(MessageRecord) == 4);

// A value per message that most exports leave at a default: it takes no memory until a message
// gets another value, then a slot per message up to the last one set (realloc-grown, as the
// records are).
class MessageColumn {
 public:
  explicit MessageColumn(uint32_t fallback) : fallback_(fallback) {}

  uint32_t Get(size_t i) const { return i < values_.size() ? values_[i] : fallback_; }
  void Set(size_t i, uint32_t value) {
    if (i >= values_.size()) {
      if (value == fallback_)
        return;
      Extend(i + 1);
    }
    values_[i] = value;
  }
  // Slots for messages [0, n) when any value was set (so that a permutation of n messages can
  // move them); else nothing.
  void Extend(size_t n) {
    while (values_.size() < n)
      values_.push_back(fallback_);
  }
  bool empty() const { return values_.empty(); }
  size_t capacity() const { return values_.capacity(); }
  base::RecordArray<uint32_t>& values() { return values_; }
  uint32_t fallback() const { return fallback_; }

 private:
  uint32_t fallback_;
  base::RecordArray<uint32_t> values_;
};

enum class LinkKind : uint8_t { kMention, kReaction };

// A person named by a message: mentioned in it, or reacting to it.
struct PersonLink {
  uint32_t message;
  uint32_t person;
  LinkKind kind;
};

class Dataset : public EventSink {
 public:
  explicit Dataset(base::Diagnostics* diagnostics) : diagnostics_(diagnostics) {}

  // Diagnostics raised from here on are located in input `index`.
  void BeginInput(int32_t index) { input_ = index; }
  // Diagnostics raised from here on go to `diagnostics`; returns where they went before.
  base::Diagnostics* SwapDiagnostics(base::Diagnostics* diagnostics) {
    std::swap(diagnostics, diagnostics_);
    return diagnostics;
  }

  uint32_t OnChannel(const ChannelInfo& channel) override;
  void OnMessage(const Message& message) override;
  void OnMember(const PersonRef& person) override;
  void HintId(uint32_t channel, std::string_view id) override;

  // Room for `messages` messages in all (their records, the columns in use, and their ids'
  // index at the share of messages with an id so far) and `links` links: a hint (never fewer than
  // held, no records made), so that they grow once instead of pausing to copy at each doubling, and
  // end no larger than needed. Finalize returns the slack.
  void Reserve(size_t messages, size_t links);

  // Call once after the last input: sorts messages by time (stable; undated ones last),
  // resolves reply and thread targets, and frees the id and member key indexes.
  void Finalize();

  // The part of a finalized dataset written in the channels with keep_channel[c] (indexed by
  // channel): those channels, their messages and links, and the people they name (with their
  // message counts and first and last times recounted over the part). Finalized: it takes no
  // more events. Shares this dataset's strings (read only). Linear in messages, links, members
  // and channels.
  Dataset Subset(const std::vector<bool>& keep_channel, base::Diagnostics* diagnostics) const;

  // Counts member `member` as a bot from now on (a bot the export does not mark; see
  // bot_detection.h). Call after Finalize, before the analysis.
  void MarkBot(uint32_t member) { members_[member].is_bot = true; }

  const std::vector<Member>& members() const { return members_; }
  const std::vector<Channel>& channels() const { return channels_; }
  const base::RecordArray<MessageRecord>& messages() const { return messages_; }
  // Message i's channel (an index into channels()).
  uint32_t channel_of(size_t i) const { return channel_of_.Get(i); }
  // Message i's explicit reply target (index, after Finalize), or kNone.
  uint32_t parent(size_t i) const { return parents_.Get(i); }
  // Message i's thread root (index, after Finalize), or kNone.
  uint32_t thread(size_t i) const { return threads_.Get(i); }
  // Message i's reaction count (all reactions, including those of unknown people).
  uint32_t reactions(size_t i) const { return reactions_.Get(i); }
  const base::RecordArray<PersonLink>& links() const { return links_; }
  // Bytes allocated for the columns beside the records (channel, reply target, thread,
  // reactions).
  uint64_t ColumnBytes() const {
    return (channel_of_.capacity() + parents_.capacity() + threads_.capacity() +
            reactions_.capacity()) *
           sizeof(uint32_t);
  }
  std::string_view Text(uint32_t id) const { return strings_->Get(id); }
  // Messages skipped as duplicates of an earlier id.
  uint64_t duplicates() const { return duplicates_; }

 private:
  // The member for `person`, who appears in message `message` as its author (role 'a') or as
  // the `slot`-th person mentioned ('m') or reacting ('r'). Creates it on first sight.
  uint32_t MemberFor(const PersonRef& person, uint32_t message, char role, size_t slot);
  // A new member keyed `key` (whose hash is key_hash), named `name`.
  uint32_t AddMember(uint64_t key_hash, std::string_view key, std::string_view name);
  uint64_t IdKey(uint32_t channel, std::string_view id) const;
  // Sets message i's value in `column` (of this dataset's). The first value other than its
  // fallback gives the column room for as many messages as the records have room for (the
  // input's reservation), so that it grows once.
  void SetColumn(MessageColumn* column, size_t i, uint32_t value);
  // Every column beside the records, for what is done to them all alike (reserve, shrink,
  // permute).
  std::array<MessageColumn*, 4> Columns() {
    return {&channel_of_, &parents_, &threads_, &reactions_};
  }
  void Diagnose(const char* id, const char* message);

  base::Diagnostics* diagnostics_;
  int32_t input_ = -1;
  // Shared with subsets (Subset), which only read it.
  std::shared_ptr<base::StringInterner> strings_ = std::make_shared<base::StringInterner>();
  // Member key -> member index. Members are told apart by a 64-bit hash of their key, as messages
  // are by their ids' (MessageIndex): two of a million keys share one with a probability of
  // 3 in 10^8. One probe, where the interner took a hash, a probe and a compare of the stored
  // key, each a cache miss once the people outgrow the cache (49,000 in the 1 GB `audience`).
  // Freed by Finalize.
  base::FlatMap64 member_by_key_;
  base::FlatMap64 channel_by_key_;
  MessageIndex message_by_id_;  // IdKey -> message index; freed by Finalize.
  std::vector<Member> members_;
  std::vector<Channel> channels_;
  base::RecordArray<MessageRecord> messages_;  // Grows without a copy (record_array.h).
  MessageColumn channel_of_{0};                // Empty while every message is in the first channel.
  MessageColumn parents_{kNone};
  MessageColumn threads_{kNone};
  MessageColumn reactions_{0};
  base::RecordArray<PersonLink> links_;
  // References not resolvable on arrival: the target comes later (newest-first exports).
  struct Pending {
    uint32_t message;
    uint64_t target;
    bool thread;
  };
  base::RecordArray<Pending> pending_;
  std::string key_scratch_;
  uint64_t duplicates_ = 0;
  bool finalized_ = false;
};

}  // namespace meshcheck::model
