#include "model/dataset.h"

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <string>

#include "base/phase_timer.h"
#include "base/radix_sort.h"
#include "base/time.h"

namespace meshcheck::model {
namespace {

// Lower-cases ASCII and trims spaces: the key of a person known only by name.
void NameKey(std::string_view name, std::string* out) {
  out->assign("name:");
  size_t b = 0;
  size_t e = name.size();
  while (b < e && name[b] == ' ')
    ++b;
  while (e > b && name[e - 1] == ' ')
    --e;
  for (size_t i = b; i < e; ++i) {
    const char c = name[i];
    out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
}

// Reorders `items` in place so that new[i] = old[order[i]] (`order` a permutation of their
// indices), cycle by cycle. `scratch` is any vector (its contents are replaced).
template <typename Records>
void Permute(const std::vector<uint32_t>& order, Records* items, std::vector<bool>* scratch) {
  Records& a = *items;
  std::vector<bool>& done = *scratch;
  done.assign(order.size(), false);
  for (uint32_t start = 0; start < order.size(); ++start) {
    if (done[start])
      continue;
    const auto first = a[start];
    uint32_t i = start;
    for (; order[i] != start; i = order[i]) {
      a[i] = a[order[i]];
      done[i] = true;
    }
    a[i] = first;
    done[i] = true;
  }
}

// Turns the permutation `p` into its inverse in place, cycle by cycle. `scratch` is any vector
// (its contents are replaced).
void InvertPermutation(std::vector<uint32_t>* p, std::vector<bool>* scratch) {
  std::vector<uint32_t>& perm = *p;
  std::vector<bool>& seen = *scratch;
  seen.assign(perm.size(), false);
  for (uint32_t start = 0; start < perm.size(); ++start) {
    if (seen[start])
      continue;
    uint32_t previous = start;
    uint32_t j = perm[start];
    while (j != start) {
      const uint32_t next = perm[j];
      perm[j] = previous;
      seen[j] = true;
      previous = j;
      j = next;
    }
    perm[start] = previous;
    seen[start] = true;
  }
}

// The hash of a message id: Discord snowflakes and most other ids have 8 to 24 bytes, read as
// three (possibly overlapping) words chained through a bijective mix, which costs a fraction of
// the general Hash64; other sizes take Hash64.
uint64_t IdHash(std::string_view id, uint64_t seed) {
  const size_t n = id.size();
  if (n < 8 || n > 24)
    return base::Hash64(id, seed);
  uint64_t first, middle, last;
  std::memcpy(&first, id.data(), 8);
  std::memcpy(&middle, id.data() + (n > 16 ? 8 : 0), 8);
  std::memcpy(&last, id.data() + n - 8, 8);
  // The size spread over every bit: ids of two sizes never cancel it in a few bytes.
  const uint64_t h = base::Mix64(seed ^ (uint64_t{n} * 0xC2B2AE3D27D4EB4FULL) ^ first);
  return base::Mix64(base::Mix64(h ^ middle) ^ last);
}

// Seeds of member keys' and display names' hashes (IdHash), apart from message ids'.
constexpr uint64_t kMemberKeySeed = 0x5851F42D4C957F2DULL;
constexpr uint64_t kNameSeed = 0x14057B7EF767814FULL;

}  // namespace

void Dataset::Diagnose(const char* id, const char* message) {
  diagnostics_->Add(id, base::Severity::kWarning, message, Location{input_, 0, 0});
}

uint32_t Dataset::OnChannel(const ChannelInfo& info) {
  const std::string_view key = info.key.empty() ? info.name : info.key;
  const uint32_t key_id = strings_->Intern(key);
  uint32_t index = channel_by_key_.Find(key_id);
  if (index == base::FlatMap64::kMissing) {
    index = static_cast<uint32_t>(channels_.size());
    channel_by_key_.Insert(key_id, index);
    Channel c;
    c.key = key_id;
    c.name = strings_->Intern(info.name);
    c.group_key = strings_->Intern(info.group_key);
    c.group_name = strings_->Intern(info.group_name);
    c.parent_key = strings_->Intern(info.parent_key);
    c.kind = info.kind;
    c.replies_exported = info.replies_exported;
    channels_.push_back(c);
    return index;
  }
  Channel& c = channels_[index];
  const uint32_t empty = strings_->Intern("");
  auto fill = [&](uint32_t* field, std::string_view value) {
    if (*field == empty && !value.empty())
      *field = strings_->Intern(value);
  };
  fill(&c.name, info.name);
  fill(&c.group_key, info.group_key);
  fill(&c.group_name, info.group_name);
  fill(&c.parent_key, info.parent_key);
  if (c.kind == ChannelKind::kUnknown)
    c.kind = info.kind;
  return index;
}

uint32_t Dataset::MemberFor(const PersonRef& person, uint32_t message, char role, size_t slot) {
  std::string_view key = person.key;
  if (person.is_deleted) {
    // One placeholder id covers every deleted account, so each appearance of one (as the
    // author, the n-th person mentioned or reacting, of one message) is a person of its own.
    key_scratch_.assign("deleted:");
    key_scratch_.append(std::to_string(message));
    key_scratch_.push_back(role);
    key_scratch_.append(std::to_string(slot));
    key = key_scratch_;
  } else if (key.empty()) {
    NameKey(person.name, &key_scratch_);
    key = key_scratch_;
  }
  const uint64_t key_hash = IdHash(key, kMemberKeySeed);
  uint32_t index = member_by_key_.Find(key_hash);
  if (index == base::FlatMap64::kMissing) {
    index = AddMember(key_hash, key, person.name);
  } else if (!person.name.empty()) {  // The latest name given wins.
    Member& named = members_[index];
    const uint64_t name_hash = IdHash(person.name, kNameSeed);
    if (name_hash != named.name_hash) {
      named.name = strings_->Intern(person.name);
      named.name_hash = name_hash;
    }
  }
  Member& m = members_[index];
  m.is_bot |= person.is_bot;
  m.is_deleted |= person.is_deleted;
  m.is_host_hint |= person.is_host_hint;
  return index;
}

uint32_t Dataset::AddMember(uint64_t key_hash, std::string_view key, std::string_view name) {
  const auto index = static_cast<uint32_t>(members_.size());
  member_by_key_.Insert(key_hash, index);
  Member m;
  m.key = strings_->Intern(key);
  m.name = strings_->Intern(name);
  m.name_hash = IdHash(name, kNameSeed);
  members_.push_back(m);
  return index;
}

uint64_t Dataset::IdKey(uint32_t channel, std::string_view id) const {
  return IdHash(id, (uint64_t{channels_[channel].key} + 1) * 0x9E3779B97F4A7C15ULL);
}

void Dataset::OnMessage(const Message& message) {
  const base::SampledPhase phase(base::Phase::kModel);
  if (message.channel >= channels_.size()) {
    Diagnose("model.unknown_channel", "A message referred to no known channel and was skipped.");
    return;
  }
  const auto index = static_cast<uint32_t>(messages_.size());
  if (!message.id.empty()) {
    const uint64_t key = IdKey(message.channel, message.id);
    if (message_by_id_.Insert(key, index) != index) {
      ++duplicates_;
      Diagnose("model.duplicate_message",
               "Messages whose id appeared earlier were counted once (re-exported or merged "
               "files repeat them).");
      return;
    }
  }
  MessageRecord r;
  SetColumn(&channel_of_, index, message.channel);
  r.flags = static_cast<uint8_t>((message.kind == MessageKind::kSystem ? kFlagSystem : 0) |
                                 (message.is_forward ? kFlagForward : 0));
  r.action = static_cast<uint8_t>(message.action);
  SetColumn(&reactions_, index, message.reaction_count);
  if (message.has_time && message.time_ms >= base::kMinPlausibleMs &&
      message.time_ms < base::kMaxPlausibleMs) {
    r.set_time_ms(message.time_ms);
  } else if (message.has_time) {
    Diagnose("model.implausible_time",
             "Messages dated before 1980 or after 2099 were kept out of the timeline.");
  } else {
    Diagnose("model.missing_time",
             "Messages without a readable date were kept out of the "
             "timeline.");
  }
  r.author = MemberFor(message.author, index, 'a', 0);
  Member& author = members_[r.author];
  if (!r.is_system()) {
    ++author.messages;
    ++channels_[message.channel].messages;
    if (r.time_ms() != kNoTime) {
      if (author.first_ms == kNoTime || r.time_ms() < author.first_ms)
        author.first_ms = r.time_ms();
      if (author.last_ms == kNoTime || r.time_ms() > author.last_ms)
        author.last_ms = r.time_ms();
    }
  }
  auto link_target = [&](std::string_view target, bool thread) {
    if (target.empty() || target == message.id)
      return;
    const uint64_t key = IdKey(message.channel, target);
    const uint32_t found = message_by_id_.Find(key);
    if (found == MessageIndex::kMissing) {
      pending_.push_back({index, key, thread});
    } else {
      SetColumn(thread ? &threads_ : &parents_, index, found);
    }
  };
  link_target(message.reply_to, false);
  link_target(message.thread, true);
  messages_.push_back(r);
  for (size_t k = 0; k < message.mentions.size(); ++k) {
    links_.push_back({index, MemberFor(message.mentions[k], index, 'm', k), LinkKind::kMention});
  }
  for (size_t k = 0; k < message.reactors.size(); ++k) {
    links_.push_back({index, MemberFor(message.reactors[k], index, 'r', k), LinkKind::kReaction});
  }
}

void Dataset::Reserve(size_t messages, size_t links) {
  if (!messages_.empty()) {  // WhatsApp and others have no ids: their index stays empty.
    const double with_id = static_cast<double>(message_by_id_.size()) / messages_.size();
    message_by_id_.Reserve(static_cast<size_t>(with_id * static_cast<double>(messages)));
  }
  messages_.reserve(messages);
  for (MessageColumn* column : Columns()) {
    if (!column->empty())
      column->values().reserve(messages);
  }
  links_.reserve(links);
}

void Dataset::SetColumn(MessageColumn* column, size_t i, uint32_t value) {
  if (column->empty() && value != column->fallback())
    column->values().reserve(std::max(i + 1, messages_.capacity()));
  column->Set(i, value);
}

void Dataset::HintId(uint32_t channel, std::string_view id) {
  if (channel < channels_.size() && !id.empty())
    message_by_id_.Prefetch(IdKey(channel, id));
}

void Dataset::OnMember(const PersonRef& person) {
  if (person.is_deleted)
    return;  // A deleted-account placeholder names nobody.
  members_[MemberFor(person, 0, 'l', 0)].listed = true;
}

void Dataset::Finalize() {
  const base::ScopedPhase phase(base::Phase::kModel);
  if (finalized_)
    return;
  finalized_ = true;
  uint64_t missing = 0;
  for (const Pending& p : pending_) {
    const uint32_t found = message_by_id_.Find(p.target);
    if (found == MessageIndex::kMissing) {
      ++missing;
      continue;
    }
    SetColumn(p.thread ? &threads_ : &parents_, p.message, found);
  }
  if (missing > 0) {
    diagnostics_->Add("model.reply_target_outside", base::Severity::kInfo,
                      "Replies to messages that are not in the export (older history, another "
                      "channel) count as messages but not as links.",
                      Location{}, missing);
  }
  base::RecordArray<Pending>().swap(pending_);
  messages_.shrink_to_fit();  // The reservation's slack (session/input_reservation.h).
  for (MessageColumn* column : Columns())
    column->values().shrink_to_fit();
  links_.shrink_to_fit();
  message_by_id_.Clear();
  member_by_key_.Clear();

  // Chronological order, stable; undated messages keep their arrival order at the end. Most
  // exports come in that order already.
  auto time_key = [](int64_t t) {  // Unsigned, in the same order; undated last.
    return t == kNoTime ? UINT64_MAX : static_cast<uint64_t>(t) ^ (uint64_t{1} << 63);
  };
  bool in_order = true;
  for (size_t i = 1; i < messages_.size() && in_order; ++i)
    in_order = time_key(messages_[i - 1].time_ms()) <= time_key(messages_[i].time_ms());
  if (in_order)
    return;
  // Indices in time order, then the records permuted in place: 4 bytes per message beside the
  // records (and the sort's buffer of the same size), where a sorted copy would double them.
  std::vector<uint32_t> order(messages_.size());
  for (uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  base::StableSortByKey(&order, [&](uint32_t i) { return time_key(messages_[i].time_ms()); });
  std::vector<bool> done;
  Permute(order, &messages_, &done);
  for (MessageColumn* column : Columns()) {
    if (!column->empty()) {
      column->Extend(messages_.size());
      Permute(order, &column->values(), &done);
    }
  }
  InvertPermutation(&order, &done);
  const std::vector<uint32_t>& rank = order;  // Old index -> new index.
  for (MessageColumn* column : {&parents_, &threads_}) {
    for (uint32_t& target : column->values()) {
      if (target != kNone)
        target = rank[target];
    }
  }
  for (PersonLink& l : links_)
    l.message = rank[l.message];
  std::vector<uint32_t>().swap(order);
  base::StableSortByKey(&links_, [](const PersonLink& l) { return uint64_t{l.message}; });
}

Dataset Dataset::Subset(const std::vector<bool>& keep_channel,
                        base::Diagnostics* diagnostics) const {
  Dataset out(diagnostics);
  out.strings_ = strings_;
  out.finalized_ = true;
  std::vector<uint32_t> channel_map(channels_.size(), kNone);
  for (uint32_t c = 0; c < channels_.size(); ++c) {
    if (c < keep_channel.size() && keep_channel[c]) {
      channel_map[c] = static_cast<uint32_t>(out.channels_.size());
      out.channels_.push_back(channels_[c]);
    }
  }
  std::vector<uint32_t> member_map(members_.size(), kNone);
  auto member = [&](uint32_t m) {
    if (member_map[m] == kNone) {
      member_map[m] = static_cast<uint32_t>(out.members_.size());
      Member copy = members_[m];
      copy.messages = 0;
      copy.first_ms = copy.last_ms = kNoTime;
      out.members_.push_back(copy);
    }
    return member_map[m];
  };
  // Numbered first: a reply's target may come later in time order (equal times, skewed clocks).
  std::vector<uint32_t> message_map(messages_.size(), kNone);
  uint32_t kept = 0;
  for (uint32_t i = 0; i < messages_.size(); ++i) {
    if (channel_map[channel_of(i)] != kNone)
      message_map[i] = kept++;
  }
  out.messages_.reserve(kept);
  for (uint32_t i = 0; i < messages_.size(); ++i) {
    if (message_map[i] == kNone)
      continue;
    MessageRecord r = messages_[i];
    out.channel_of_.Set(message_map[i], channel_map[channel_of(i)]);
    r.author = member(r.author);
    for (auto [from, to] :
         {std::pair(&parents_, &out.parents_), std::pair(&threads_, &out.threads_)}) {
      const uint32_t target = from->Get(i);
      to->Set(message_map[i], target == kNone ? kNone : message_map[target]);
    }
    out.reactions_.Set(message_map[i], reactions_.Get(i));
    if (!r.is_system()) {
      Member& author = out.members_[r.author];
      ++author.messages;
      if (r.time_ms() != kNoTime) {
        if (author.first_ms == kNoTime || r.time_ms() < author.first_ms)
          author.first_ms = r.time_ms();
        author.last_ms = std::max(author.last_ms, r.time_ms());
      }
    }
    out.messages_.push_back(r);
  }
  for (const PersonLink& l : links_) {
    if (message_map[l.message] != kNone)
      out.links_.push_back({message_map[l.message], member(l.person), l.kind});
  }
  return out;
}

}  // namespace meshcheck::model
