#include "metrics/tally.h"

#include <algorithm>

#include "base/time.h"
#include "metrics/grouping.h"
#include "metrics/params.h"

namespace meshcheck::metrics {
namespace {

// Where one contribution is counted: the whole, and its block and period if it has them.
struct Destinations {
  Counts* all;
  Counts* block;
  Counts* period;

  template <typename F>
  void Apply(F f) const {
    f(*all);
    if (block)
      f(*block);
    if (period)
      f(*period);
  }
};

Counts* At(std::vector<Counts>* v, uint32_t index) {
  return index == model::kNone ? nullptr : &(*v)[index];
}

// Per conversation: its distinct people, counted up to three (the tallies ask only ">= 2" and
// ">= 3"), fed in any order: the first two are kept to recognise a third.
class Participants {
 public:
  explicit Participants(uint32_t conversations)
      : first_(conversations, model::kNone),
        second_(conversations, model::kNone),
        count_(conversations, 0) {}
  void Add(uint32_t c, uint32_t person) {
    if (count_[c] == 0) {
      first_[c] = person;
      count_[c] = 1;
    } else if (count_[c] == 1 && person != first_[c]) {
      second_[c] = person;
      count_[c] = 2;
    } else if (count_[c] == 2 && person != first_[c] && person != second_[c]) {
      count_[c] = 3;
    }
  }
  // min(distinct people, 3).
  uint32_t Of(uint32_t c) const { return count_[c]; }

 private:
  std::vector<uint32_t> first_;
  std::vector<uint32_t> second_;
  std::vector<uint8_t> count_;
};

// Each conversation's jackknife block and timeline period: those of its first message.
struct ConversationBuckets {
  DayBuckets blocks;
  DayBuckets periods;
  std::vector<uint32_t> block_of;   // Per conversation: its block, or model::kNone.
  std::vector<uint32_t> period_of;  // ...its period, or model::kNone.
};

// Without `partitions` (or dates) there are no blocks and no periods.
ConversationBuckets BucketConversations(const model::Dataset& data,
                                        const graph::InteractionGraph& graph,
                                        const GroupFacts& facts,
                                        bool partitions) {
  ConversationBuckets out;
  if (partitions && facts.first_ms != model::kNoTime) {
    const int64_t first = base::DayOf(facts.first_ms);
    const int64_t last = base::DayOf(facts.last_ms);
    out.blocks = WeekBlocks(first, last, kMaxJackknifeBlocks);
    out.periods = Periods(first, last, facts.span_days < kMonthlyTimelineMinSpanDays);
  }
  const auto& roots = graph.conversation_root();
  out.block_of.resize(roots.size());
  out.period_of.resize(roots.size());
  for (size_t c = 0; c < roots.size(); ++c) {
    const int64_t ms = data.messages()[roots[c]].time_ms();
    out.block_of[c] = out.blocks.OfTime(ms);
    out.period_of[c] = out.periods.OfTime(ms);
  }
  return out;
}

}  // namespace

std::vector<uint32_t> ConnectivityWindow(const model::Dataset& data,
                                         const graph::InteractionGraph& graph,
                                         const GroupFacts& facts) {
  const auto& roots = graph.conversation_root();
  std::vector<uint32_t> recent(roots.size(), 0);
  if (facts.last_ms == model::kNoTime)
    return recent;
  const int64_t window_start = base::DayOf(facts.last_ms) - kConnectivityWindowDays + 1;
  for (size_t c = 0; c < roots.size(); ++c) {
    const int64_t ms = data.messages()[roots[c]].time_ms();
    if (ms != model::kNoTime && base::DayOf(ms) < window_start)
      recent[c] = model::kNone;
  }
  return recent;
}

Counts& Counts::operator+=(const Counts& o) {
  messages += o.messages;
  host_messages += o.host_messages;
  replies += o.replies;
  peer_replies += o.peer_replies;
  replies_to_host += o.replies_to_host;
  replies_by_host += o.replies_by_host;
  inferred_replies += o.inferred_replies;
  discussions += o.discussions;
  member_discussions += o.member_discussions;
  member_first_answered += o.member_first_answered;
  sustained_discussions += o.sustained_discussions;
  multi_party += o.multi_party;
  multi_party_hostless += o.multi_party_hostless;
  posts_to_host += o.posts_to_host;
  answered_by_host += o.answered_by_host;
  silent_days += o.silent_days;
  active_days += o.active_days;
  silent_peer_replies += o.silent_peer_replies;
  active_peer_replies += o.active_peer_replies;
  return *this;
}

Counts& Counts::operator-=(const Counts& o) {
  messages -= o.messages;
  host_messages -= o.host_messages;
  replies -= o.replies;
  peer_replies -= o.peer_replies;
  replies_to_host -= o.replies_to_host;
  replies_by_host -= o.replies_by_host;
  inferred_replies -= o.inferred_replies;
  discussions -= o.discussions;
  member_discussions -= o.member_discussions;
  member_first_answered -= o.member_first_answered;
  sustained_discussions -= o.sustained_discussions;
  multi_party -= o.multi_party;
  multi_party_hostless -= o.multi_party_hostless;
  posts_to_host -= o.posts_to_host;
  answered_by_host -= o.answered_by_host;
  silent_days -= o.silent_days;
  active_days -= o.active_days;
  silent_peer_replies -= o.silent_peer_replies;
  active_peer_replies -= o.active_peer_replies;
  return *this;
}

namespace {

// BuildTallies, step by step: the counts of every conversation and day go to the whole and to
// their block and period; the networks and the periods' activity follow.
class TallyBuilder {
 public:
  TallyBuilder(const model::Dataset& data,
               const graph::InteractionGraph& graph,
               const GroupFacts& facts,
               const HostSet& hosts,
               const HostCalendar& calendar)
      : data_(data),
        graph_(graph),
        facts_(facts),
        calendar_(calendar),
        kinds_(data, hosts),
        conversations_(static_cast<uint32_t>(graph.conversation_root().size())) {
    t_.all.has_host = !hosts.members.empty();
  }

  TallyTable Build(const PeerNetwork& network, const TallyPosters& posters) {
    ConversationBuckets buckets = BucketConversations(data_, graph_, facts_, posters.partitions);
    t_.blocks = std::move(buckets.blocks);
    t_.periods = std::move(buckets.periods);
    conv_block_ = std::move(buckets.block_of);
    conv_period_ = std::move(buckets.period_of);
    by_block_.resize(t_.blocks.count());
    by_period_.resize(t_.periods.count());
    CountMessages();
    CountDays();
    Networks(network, posters);
    if (t_.periods.count() > 0)
      Activity();
    return std::move(t_);
  }

 private:
  Destinations ToConversation(uint32_t c) {
    return Destinations{&t_.all.counts, At(&by_block_, conv_block_[c]),
                        At(&by_period_, conv_period_[c])};
  }
  Destinations ToDay(int64_t day) {
    return Destinations{&t_.all.counts, At(&by_block_, t_.blocks.OfDay(day)),
                        At(&by_period_, t_.periods.OfDay(day))};
  }

  // Messages and replies in message order (sequential over the big per-message arrays; the
  // conversations are interleaved in time), then each conversation's standing. Within a
  // conversation, message order is its time order (InteractionGraph), so the first other voice
  // is the same as in a walk conversation by conversation.
  void CountMessages() {
    const auto& messages = data_.messages();
    const auto& roots = graph_.conversation_root();
    const auto& conversation = graph_.conversation();
    std::vector<uint8_t> host_replied(messages.size(), 0);
    for (uint32_t i = 0; i < messages.size(); ++i) {
      const uint32_t p = graph_.parent()[i];
      if (p != model::kNone && kinds_.host(messages[i].author))
        host_replied[p] = 1;
    }
    std::vector<uint32_t> first_other(conversations_, model::kNone);
    std::vector<uint8_t> host_spoke(conversations_, 0);
    Participants participants(conversations_);
    for (uint32_t i = 0; i < messages.size(); ++i) {
      const uint32_t c = conversation[i];
      const uint32_t a = messages[i].author;
      if (c == model::kNone || !kinds_.person(a))
        continue;
      const Destinations to = ToConversation(c);
      const bool host = kinds_.host(a);
      to.Apply([&](Counts& k) {
        ++k.messages;
        k.host_messages += host;
      });
      participants.Add(c, a);
      host_spoke[c] |= host;
      if (first_other[c] == model::kNone && a != messages[roots[c]].author)
        first_other[c] = a;
      const uint32_t target = graph_.ReplyTarget(i);
      const bool to_host = target != model::kNone && kinds_.host(target);
      if (!host && (roots[c] == i || to_host)) {
        to.Apply([&](Counts& k) {
          ++k.posts_to_host;
          k.answered_by_host += host_replied[i];
        });
      }
      if (target != model::kNone && kinds_.person(target))
        CountReply(i, to, host, to_host);
    }
    for (uint32_t c = 0; c < conversations_; ++c) {
      const uint32_t initiator = messages[roots[c]].author;
      const bool discussion = kinds_.person(initiator) && first_other[c] != model::kNone;
      const bool by_member = discussion && !kinds_.host(initiator);
      const uint32_t people = participants.Of(c);
      ToConversation(c).Apply([&](Counts& k) {
        k.multi_party += people >= 2;
        k.multi_party_hostless += people >= 2 && !host_spoke[c];
        k.discussions += discussion;
        k.sustained_discussions += discussion && people >= 3;
        k.member_discussions += by_member;
        k.member_first_answered += by_member && !kinds_.host(first_other[c]);
      });
    }
  }

  // A reply from one person to another: by kind, and (peer replies) by the day's host presence.
  void CountReply(uint32_t i, const Destinations& to, bool host, bool to_host) {
    const bool peer = !host && !to_host;
    to.Apply([&](Counts& k) {
      ++k.replies;
      k.peer_replies += peer;
      k.replies_to_host += to_host;
      k.replies_by_host += host;
      k.inferred_replies += graph_.inferred()[i];
    });
    const int64_t ms = data_.messages()[i].time_ms();
    if (!peer || ms == model::kNoTime)
      return;
    const int64_t day = base::DayOf(ms);
    const DayKind kind = calendar_.Of(day);
    ToDay(day).Apply([&](Counts& k) {
      k.silent_peer_replies += kind == DayKind::kHostSilent;
      k.active_peer_replies += kind == DayKind::kHostActive;
    });
  }

  void CountDays() {
    for (size_t d = 0; d < calendar_.days.size(); ++d) {
      const DayKind kind = calendar_.days[d];
      ToDay(calendar_.first_day + static_cast<int64_t>(d)).Apply([&](Counts& k) {
        k.silent_days += kind == DayKind::kHostSilent;
        k.active_days += kind == DayKind::kHostActive;
      });
    }
  }

  // The peer networks of the whole, of each jackknife replicate and of each period, with
  // their posters.
  void Networks(const PeerNetwork& network, const TallyPosters& posters) {
    const std::vector<uint32_t> everything(conversations_, 0);
    const std::vector<uint32_t> recent = ConnectivityWindow(data_, graph_, facts_);
    t_.all.peers = network.ByBucket(everything, 1)[0];
    t_.all.connectivity = network.ByBucket(recent, 1)[0];
    t_.all.peers.non_host_posters = posters.all;
    t_.all.connectivity.non_host_posters = posters.recent;
    t_.all.connectivity_days = std::min(facts_.span_days, kConnectivityWindowDays);
    const uint32_t blocks = t_.blocks.count();
    if (blocks > 0) {
      std::vector<uint32_t> block_all(conversations_);
      std::vector<uint32_t> block_recent(conversations_);
      for (uint32_t c = 0; c < conversations_; ++c) {
        block_all[c] = conv_block_[c] == model::kNone ? kKeepBlock : conv_block_[c];
        block_recent[c] = recent[c] == model::kNone ? model::kNone : block_all[c];
      }
      const auto peers = network.LeaveOneOut(block_all, blocks);
      const auto connectivity = network.LeaveOneOut(block_recent, blocks);
      for (uint32_t b = 0; b < blocks; ++b) {
        Tally r = t_.all;
        r.counts -= by_block_[b];
        r.peers = peers[b];
        r.peers.non_host_posters = posters.without_block[b];
        r.connectivity = connectivity[b];
        r.connectivity.non_host_posters = posters.recent_without_block[b];
        t_.leave_out.push_back(r);
      }
    }
    const uint32_t periods = t_.periods.count();
    if (periods == 0)
      return;
    const auto networks = network.ByBucket(conv_period_, periods);
    for (uint32_t p = 0; p < periods; ++p) {
      Tally r;
      r.has_host = t_.all.has_host;
      r.counts = by_period_[p];
      r.peers = networks[p];
      r.peers.non_host_posters = posters.by_period[p];
      r.connectivity = r.peers;
      t_.by_period.push_back(r);
    }
  }

  // Each period's days, messages and posters, by the time of each message.
  void Activity() {
    t_.activity.resize(t_.periods.count());
    for (uint32_t b : t_.periods.of_day)
      ++t_.activity[b].days;
    FirstInGroup first_in_period(data_.members().size());  // Periods follow the time order.
    for (const model::MessageRecord& m : data_.messages()) {
      const uint32_t p = t_.periods.OfTime(m.time_ms());
      if (m.is_system() || p == model::kNone || !kinds_.person(m.author))
        continue;
      PeriodActivity& a = t_.activity[p];
      const bool host = kinds_.host(m.author);
      (host ? a.host_messages : a.member_messages) += 1;
      if (first_in_period(m.author, p)) {
        ++a.active_posters;
        a.active_non_host += !host;
      }
    }
  }

  const model::Dataset& data_;
  const graph::InteractionGraph& graph_;
  const GroupFacts& facts_;
  const HostCalendar& calendar_;
  const Kinds kinds_;
  const uint32_t conversations_;
  TallyTable t_;
  std::vector<Counts> by_block_;
  std::vector<Counts> by_period_;
  std::vector<uint32_t> conv_block_;   // Per conversation: its block, or model::kNone.
  std::vector<uint32_t> conv_period_;  // Per conversation: its period, or model::kNone.
};

}  // namespace

TallyPosters CountTallyPosters(const model::Dataset& data,
                               const graph::InteractionGraph& graph,
                               const GroupFacts& facts,
                               const HostSet& hosts,
                               bool partitions) {
  const ConversationBuckets buckets = BucketConversations(data, graph, facts, partitions);
  const std::vector<uint32_t> recent = ConnectivityWindow(data, graph, facts);
  const Kinds kinds(data, hosts);
  const size_t n = data.members().size();
  TallyPosters out;
  out.partitions = partitions;
  out.by_period.assign(buckets.periods.count(), 0);
  // Per member: the blocks it wrote in, over all conversations and over HRC's window.
  std::vector<BlockPresence> anywhere(n);
  std::vector<BlockPresence> recently(n);
  FirstInGroup in_period(n);  // Periods do not decrease with the conversation index.
  WalkConversations(data, graph, [&](uint32_t c, uint32_t a, bool first) {
    if (!first || !kinds.peer(a))
      return;
    const uint32_t block = buckets.block_of[c] == model::kNone ? kKeepBlock : buckets.block_of[c];
    anywhere[a].See(block);
    if (recent[c] != model::kNone)
      recently[a].See(block);
    const uint32_t period = buckets.period_of[c];
    if (period != model::kNone && in_period(a, period))
      ++out.by_period[period];
  });
  // A poster seen in one block only is lost without that block.
  auto count = [&](const std::vector<BlockPresence>& seen, uint32_t* total,
                   std::vector<uint32_t>* without) {
    std::vector<uint32_t> lost(buckets.blocks.count(), 0);
    for (const BlockPresence& p : seen) {
      *total += p.seen();
      if (p.sole_block() != kKeepBlock)
        ++lost[p.sole_block()];
    }
    for (uint32_t l : lost)
      without->push_back(*total - l);
  };
  count(anywhere, &out.all, &out.without_block);
  count(recently, &out.recent, &out.recent_without_block);
  return out;
}

TallyTable BuildTallies(const model::Dataset& data,
                        const graph::InteractionGraph& graph,
                        const GroupFacts& facts,
                        const HostSet& hosts,
                        const HostCalendar& calendar,
                        const PeerNetwork& network,
                        const TallyPosters& posters) {
  return TallyBuilder(data, graph, facts, hosts, calendar).Build(network, posters);
}

}  // namespace meshcheck::metrics
