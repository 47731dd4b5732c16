#include "model/event_pipe.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <stdexcept>
#include <type_traits>

namespace meshcheck::model {
namespace {

// The encoding of events in a buffer: a tag, then for a message its fixed fields (MessageHead),
// its id, reply target and thread, its author, mentions and reactors; for a listed member, the
// person. A string is its size (4 bytes) and bytes; a person, their flags (1 byte), key and name.
enum class Tag : char { kMessage = 'M', kMember = 'P' };

struct MessageHead {
  uint32_t channel;
  uint32_t text_bytes;
  uint32_t reaction_count;
  uint32_t mentions;
  uint32_t reactors;
  int64_t time_ms;
  MessageKind kind;
  SystemAction action;
  bool has_time;
  bool is_forward;
};

constexpr uint8_t kBot = 1;
constexpr uint8_t kDeleted = 2;
constexpr uint8_t kHostHint = 4;

// Writes the encoding at `at`, which has room for it (EncodedSize), and returns where it ends.
template <typename T>
char* Put(const T& value, char* at) {
  static_assert(std::is_trivially_copyable_v<T>);
  std::memcpy(at, &value, sizeof value);
  return at + sizeof value;
}

char* PutString(std::string_view s, char* at) {
  at = Put(static_cast<uint32_t>(s.size()), at);
  if (!s.empty())  // An empty view's data() may be null, which memcpy must never get.
    std::memcpy(at, s.data(), s.size());
  return at + s.size();
}

char* PutPerson(const PersonRef& p, char* at) {
  const auto flags = static_cast<uint8_t>((p.is_bot ? kBot : 0) | (p.is_deleted ? kDeleted : 0) |
                                          (p.is_host_hint ? kHostHint : 0));
  at = Put(flags, at);
  at = PutString(p.key, at);
  return PutString(p.name, at);
}

// The bytes PutString and PutPerson write.
size_t EncodedSize(std::string_view s) {
  if (s.size() > UINT32_MAX)  // Never from a reader: ingest/limits.h caps strings at 64 MiB.
    throw std::length_error("EventPipe: a string of 4 GiB or more");
  return sizeof(uint32_t) + s.size();
}
size_t EncodedSize(const PersonRef& p) {
  return sizeof(uint8_t) + EncodedSize(p.key) + EncodedSize(p.name);
}

// Reads what Put and PutString wrote, in the same order.
class Cursor {
 public:
  explicit Cursor(std::string_view bytes) : at_(bytes.data()), end_(at_ + bytes.size()) {}

  bool done() const { return at_ == end_; }
  template <typename T>
  T Get() {
    T value;
    std::memcpy(&value, at_, sizeof value);
    at_ += sizeof value;
    return value;
  }
  std::string_view GetString() {
    const auto size = Get<uint32_t>();
    const std::string_view s(at_, size);
    at_ += size;
    return s;
  }
  PersonRef GetPerson() {
    const auto flags = Get<uint8_t>();
    PersonRef p;
    p.key = GetString();
    p.name = GetString();
    p.is_bot = (flags & kBot) != 0;
    p.is_deleted = (flags & kDeleted) != 0;
    p.is_host_hint = (flags & kHostHint) != 0;
    return p;
  }

 private:
  const char* at_;
  const char* end_;
};

// Starts fetching, for the message `next` holds (if any), where the dataset will look up its id
// and reply target: one message ahead, as the reader would.
void HintNext(Cursor next, Dataset* dataset) {
  if (next.done() || next.Get<Tag>() != Tag::kMessage)
    return;
  const auto head = next.Get<MessageHead>();
  const std::string_view id = next.GetString();
  dataset->HintId(head.channel, id);
  dataset->HintId(head.channel, next.GetString());  // Its reply target.
}

}  // namespace

EventPipe::EventPipe(Dataset* dataset)
    : dataset_(dataset), outer_diagnostics_(dataset->SwapDiagnostics(&worker_diagnostics_)) {
  // Made once, before the dataset grows: buffers that grew later could sit above its records'
  // array in the heap, where they would keep it from growing in place.
  filling_.resize(kBufferBytes);
  draining_.resize(kBufferBytes);
}

EventPipe::~EventPipe() {
  try {
    Flush();
  } catch (...) {  // A destructor must not throw; the dataset keeps what was delivered.
  }
  dataset_->SwapDiagnostics(outer_diagnostics_);
}

uint32_t EventPipe::OnChannel(const ChannelInfo& channel) {
  const std::string_view fields[] = {channel.key, channel.name, channel.group_key,
                                     channel.group_name, channel.parent_key};
  size_t size = sizeof channel.kind + sizeof channel.replies_exported;
  for (std::string_view field : fields)
    size += EncodedSize(field);
  channel_scratch_.resize(size);
  char* at = channel_scratch_.data();
  for (std::string_view field : fields)
    at = PutString(field, at);
  at = Put(channel.kind, at);
  Put(channel.replies_exported, at);
  if (last_channel_handle_ != kNone && channel_scratch_ == last_channel_)
    return last_channel_handle_;  // The declaration before, again: it would change nothing.
  Flush();
  last_channel_.swap(channel_scratch_);
  last_channel_handle_ = dataset_->OnChannel(channel);
  return last_channel_handle_;
}

char* EventPipe::Append(size_t size) {
  const size_t at = filling_size_;
  filling_size_ += size;
  if (filling_.size() < filling_size_)
    filling_.resize(std::max(filling_size_, filling_.size() * 2));
  return filling_.data() + at;
}

void EventPipe::OnMessage(const Message& m) {
  size_t size = sizeof(Tag) + sizeof(MessageHead) + EncodedSize(m.id) + EncodedSize(m.reply_to) +
                EncodedSize(m.thread) + EncodedSize(m.author);
  for (const PersonRef& p : m.mentions)
    size += EncodedSize(p);
  for (const PersonRef& p : m.reactors)
    size += EncodedSize(p);
  char* at = Append(size);
  at = Put(Tag::kMessage, at);
  at = Put(MessageHead{m.channel, m.text_bytes, m.reaction_count,
                       static_cast<uint32_t>(m.mentions.size()),
                       static_cast<uint32_t>(m.reactors.size()), m.time_ms, m.kind, m.action,
                       m.has_time, m.is_forward},
           at);
  at = PutString(m.id, at);
  at = PutString(m.reply_to, at);
  at = PutString(m.thread, at);
  at = PutPerson(m.author, at);
  for (const PersonRef& p : m.mentions)
    at = PutPerson(p, at);
  for (const PersonRef& p : m.reactors)
    at = PutPerson(p, at);
  HandIfFull();
}

void EventPipe::OnMember(const PersonRef& person) {
  char* at = Append(sizeof(Tag) + EncodedSize(person));
  PutPerson(person, Put(Tag::kMember, at));
  HandIfFull();
}

void EventPipe::Replay(std::string_view events) {
  Cursor in(events);
  while (!in.done()) {
    if (in.Get<Tag>() == Tag::kMember) {
      dataset_->OnMember(in.GetPerson());
      continue;
    }
    const auto head = in.Get<MessageHead>();
    Message m;
    m.channel = head.channel;
    m.kind = head.kind;
    m.action = head.action;
    m.time_ms = head.time_ms;
    m.has_time = head.has_time;
    m.is_forward = head.is_forward;
    m.text_bytes = head.text_bytes;
    m.reaction_count = head.reaction_count;
    m.id = in.GetString();
    m.reply_to = in.GetString();
    m.thread = in.GetString();
    m.author = in.GetPerson();
    people_.clear();
    for (uint32_t i = 0; i < head.mentions + head.reactors; ++i)
      people_.push_back(in.GetPerson());
    m.mentions = std::span<const PersonRef>(people_.data(), head.mentions);
    m.reactors = std::span<const PersonRef>(people_.data() + head.mentions, head.reactors);
    HintNext(in, dataset_);
    dataset_->OnMessage(m);
  }
}

void EventPipe::Wait() {
  std::exception_ptr failure;
  try {
    worker_.Wait();
  } catch (...) {  // Rethrown once the diagnostics raised before it are added.
    failure = std::current_exception();
  }
  outer_diagnostics_->AddAll(worker_diagnostics_);
  worker_diagnostics_ = base::Diagnostics();
  if (failure)
    std::rethrow_exception(failure);
}

void EventPipe::Hand() {
  Wait();
  if (filling_size_ == 0)
    return;
  draining_.swap(filling_);
  const std::string_view events(draining_.data(), filling_size_);
  filling_size_ = 0;
  worker_.Post([this, events] { Replay(events); });
}

void EventPipe::Flush() {
  Hand();
  Wait();
}

}  // namespace meshcheck::model
