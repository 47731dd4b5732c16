#include "gen/conversation.h"

#include <algorithm>
#include <iterator>
#include <limits>

#include "base/time.h"

namespace meshcheck::gen {
namespace {

using base::kMsPerHour;
using base::kMsPerSecond;

constexpr uint32_t kAnyClique = std::numeric_limits<uint32_t>::max();
constexpr int64_t kMinGapMs = 3 * kMsPerSecond;  // Nobody answers faster than this.
constexpr double kGapSigma = 1.0;                // Spread of the log-normal reply delays.
constexpr double kQuestionShare = 0.7;           // Member openers that are questions.
constexpr double kOpenerReturns =
    0.25;                              // A member slot of a member's conversation is its opener's.
constexpr double kThanksShare = 0.5;   // The opener's replies that thank (else follow up).
constexpr double kAnswerShare = 0.75;  // Replies to a question that answer (else chat).
constexpr double kChatShare = 0.8;     // Replies to anything else that chat (else answer).
constexpr double kPingShare = 0.7;     // Replies that notify the replied-to author.
constexpr double kNameShare = 0.08;    // Replies that also name them in the text.
constexpr double kEditShare = 0.06;
constexpr double kPinShare = 0.15;        // Of host announcements.
constexpr double kHostReactionBoost = 3;  // Host posts draw more reactions.
constexpr int kPickTries = 16;
constexpr double kEmojiPopularity = 1.2;  // Zipf exponent over the emoji table.

// Relative activity per local hour (evenings are busiest) and per weekday (Monday first).
constexpr double kHourWeights[24] = {0.45, 0.3, 0.2, 0.12, 0.08, 0.08, 0.15, 0.3,
                                     0.5,  0.7, 0.8, 0.9,  0.95, 0.95, 0.9,  0.9,
                                     0.95, 1.0, 1.1, 1.25, 1.35, 1.3,  1.0,  0.7};
constexpr double kWeekdayWeights[7] = {1.0, 1.0, 1.0, 1.0, 0.95, 0.8, 0.8};

}  // namespace

ConversationModel::ConversationModel(const ArchetypeParams& params,
                                     const Roster& roster,
                                     const Zone& zone,
                                     const ModelOptions& options)
    : params_(params),
      roster_(roster),
      zone_(zone),
      options_(options),
      plan_rng_(options.seed, 1),
      emit_rng_(options.seed, 2),
      content_(params.topic, options.seed),
      activity_(DiscreteTable::Zipf(static_cast<uint32_t>(roster.by_rank.size()), params.zipf)),
      opener_activity_(
          DiscreteTable::Zipf(static_cast<uint32_t>(roster.by_rank.size()),
                              params.opener_zipf >= 0 ? params.opener_zipf : params.zipf)),
      hours_(std::vector<double>(std::begin(kHourWeights), std::end(kHourWeights))),
      emoji_popularity_(
          DiscreteTable::Zipf(static_cast<uint32_t>(Emojis().size()), kEmojiPopularity)) {
  for (uint32_t member : roster.by_rank) {
    if (roster.people[member].joined_ms != kBeforeExport)
      joiners_.push_back(member);
  }
  std::sort(joiners_.begin(), joiners_.end(), [&](uint32_t a, uint32_t b) {
    return roster.people[a].joined_ms < roster.people[b].joined_ms;
  });
}

void ConversationModel::Run(MessageSink* sink) {
  for (uint32_t day = 0; day < options_.days; ++day) {
    PlanDay(day);
    if (!Emit(LocalMidnightUtc(zone_, options_.first_day + day + 1), sink))
      return;
  }
  Emit(std::numeric_limits<int64_t>::max(), sink);
}

void ConversationModel::PlanDay(uint32_t day) {
  const int64_t begin = LocalMidnightUtc(zone_, options_.first_day + day);
  const int64_t end = LocalMidnightUtc(zone_, options_.first_day + day + 1);
  const bool silent_window =
      day >= params_.silent_from && day < params_.silent_from + params_.silent_days;
  host_active_today_ = !silent_window && plan_rng_.Chance(params_.host_active);
  const double weekday = kWeekdayWeights[(options_.first_day + day + 3) % 7];
  const double rate = options_.scale * weekday;

  while (next_joiner_ < joiners_.size() && roster_.people[joiners_[next_joiner_]].joined_ms < end) {
    PlanJoin(joiners_[next_joiner_++]);
  }
  if (host_active_today_) {
    const uint32_t n = plan_rng_.Poisson(params_.host_sessions * rate);
    for (uint32_t i = 0; i < n; ++i) {
      const uint32_t host = roster_.hosts[plan_rng_.Below(roster_.hosts.size())];
      PlanConversation(SessionStart(begin, end), host, true);
    }
  }
  const double member_rate =
      params_.member_sessions * rate * (host_active_today_ ? 1 : params_.silent_factor);
  const uint32_t n = plan_rng_.Poisson(member_rate);
  for (uint32_t i = 0; i < n; ++i) {
    const int64_t start = SessionStart(begin, end);
    PlanConversation(start, PickMember(&plan_rng_, start, kNoPerson, kAnyClique, &opener_activity_),
                     host_active_today_);
  }
  if (roster_.Bot(BotRole::kFeed) != kNoPerson) {
    const uint32_t posts = plan_rng_.Poisson(params_.bots.feed_per_day);
    for (uint32_t i = 0; i < posts; ++i)
      PlanFeedPost(SessionStart(begin, end));
  }
}

int64_t ConversationModel::SessionStart(int64_t day_begin_ms, int64_t day_end_ms) {
  const uint32_t hour = hours_.Sample(&plan_rng_);
  const auto within = static_cast<int64_t>(plan_rng_.Uniform() * static_cast<double>(kMsPerHour));
  return std::min(day_begin_ms + hour * kMsPerHour + within, day_end_ms - 1);
}

int64_t ConversationModel::Gap(double median_s) {
  const double ms = plan_rng_.LogNormal(median_s * kMsPerSecond, kGapSigma);
  return std::max(kMinGapMs, static_cast<int64_t>(ms));
}

uint32_t ConversationModel::PickMember(Rng* rng,
                                       int64_t time_ms,
                                       uint32_t exclude,
                                       uint32_t clique,
                                       const DiscreteTable* activity) {
  if (activity == nullptr)
    activity = &activity_;
  auto fits = [&](uint32_t person, bool check_clique) {
    const Person& p = roster_.people[person];
    return person != exclude && p.joined_ms <= time_ms &&
           (!check_clique || clique == kAnyClique || person % params_.cliques == clique);
  };
  const bool stay_in_clique = params_.cliques > 1 && !rng->Chance(params_.cross_clique);
  for (int i = 0; i < kPickTries; ++i) {
    const uint32_t person = roster_.by_rank[activity->Sample(rng)];
    if (fits(person, stay_in_clique))
      return person;
  }
  // Rare (a tiny roster, or few joined yet): the most active member who fits.
  for (uint32_t person : roster_.by_rank) {
    if (fits(person, stay_in_clique))
      return person;
  }
  for (uint32_t person : roster_.by_rank) {
    if (fits(person, false))
      return person;
  }
  return roster_.by_rank.front();
}

uint32_t ConversationModel::AddMessage(Session* s,
                                       int64_t time_ms,
                                       uint32_t author,
                                       int32_t parent,
                                       Intent intent,
                                       uint32_t mention,
                                       MessageKind kind) {
  s->messages.push_back({time_ms, author, parent, intent, kind, mention});
  return static_cast<uint32_t>(s->messages.size() - 1);
}

void ConversationModel::PlanConversation(int64_t start_ms, uint32_t opener, bool host_active) {
  Session s;
  const bool host_opened = roster_.people[opener].kind == PersonKind::kHost;
  const Intent opening = host_opened                        ? Intent::kAnnouncement
                         : plan_rng_.Chance(kQuestionShare) ? Intent::kQuestion
                                                            : Intent::kShare;
  AddMessage(&s, start_ms, opener, -1, opening);
  // A host's conversation happens in one clique too (ANALYSIS.md D, A12: only the host bridges
  // them); with one clique nothing is drawn.
  const uint32_t clique = !host_opened          ? opener % params_.cliques
                          : params_.cliques > 1 ? plan_rng_.Below(params_.cliques)
                                                : kAnyClique;
  std::vector<uint32_t> unanswered;  // Member messages the host has not answered, oldest first.
  size_t next_unanswered = 0;
  if (!host_opened)
    unanswered.push_back(0);
  uint32_t previous = 0;
  int64_t t = start_ms;
  const BotParams& bots = params_.bots;

  auto after_member_message = [&](uint32_t index) {
    const uint32_t author = s.messages[index].author;
    if (roster_.Bot(BotRole::kLevel) != kNoPerson && plan_rng_.Chance(bots.level_up)) {
      AddMessage(&s, t + 1500 + plan_rng_.Below(3000), roster_.Bot(BotRole::kLevel), -1,
                 Intent::kLevelUp, author);
    }
    if (roster_.Bot(BotRole::kCommand) != kNoPerson && plan_rng_.Chance(bots.commands)) {
      t += Gap(30);
      const uint32_t command = AddMessage(&s, t, author, -1, Intent::kCommand);
      AddMessage(&s, t + 800 + plan_rng_.Below(1500), roster_.Bot(BotRole::kCommand),
                 static_cast<int32_t>(command), Intent::kCommandReply, author);
    }
  };
  if (!host_opened)
    after_member_message(0);

  const uint32_t slots = plan_rng_.Poisson(params_.replies_mean);
  for (uint32_t slot = 0; slot < slots; ++slot) {
    if (plan_rng_.Chance(params_.host_share)) {
      if (!host_active)
        continue;
      uint32_t target = previous;
      if (next_unanswered < unanswered.size()) {
        target = unanswered[next_unanswered++];
      } else if (roster_.people[s.messages[previous].author].kind == PersonKind::kHost) {
        continue;  // Nothing to answer: the host does not reply to itself.
      }
      t += Gap(params_.host_gap_s);
      const uint32_t host = roster_.hosts[plan_rng_.Below(roster_.hosts.size())];
      previous = AddMessage(&s, t, host, static_cast<int32_t>(target), Intent::kAnswer);
      continue;
    }
    const uint32_t target = plan_rng_.Chance(params_.reply_to_root) ? 0 : previous;
    const uint32_t target_author = s.messages[target].author;
    t += Gap(params_.reply_gap_s);
    const uint32_t member =
        opener == target_author || host_opened
            ? PickMember(&plan_rng_, t, target_author, clique)
            : (plan_rng_.Chance(kOpenerReturns) ? opener
                                                : PickMember(&plan_rng_, t, target_author, clique));
    Intent intent;
    if (member == opener) {
      intent = plan_rng_.Chance(kThanksShare) ? Intent::kThanks : Intent::kFollowUp;
    } else if (opening == Intent::kQuestion) {
      intent = plan_rng_.Chance(kAnswerShare) ? Intent::kAnswer : Intent::kChatter;
    } else {
      intent = plan_rng_.Chance(kChatShare) ? Intent::kChatter : Intent::kAnswer;
    }
    previous = AddMessage(&s, t, member, static_cast<int32_t>(target), intent);
    unanswered.push_back(previous);
    after_member_message(previous);
  }
  Commit(std::move(s));
}

void ConversationModel::PlanJoin(uint32_t person) {
  Session s;
  const int64_t t = roster_.people[person].joined_ms;
  AddMessage(&s, t, person, -1, Intent::kChatter, kNoPerson, MessageKind::kJoin);
  const uint32_t welcomer = roster_.Bot(BotRole::kWelcome);
  if (welcomer != kNoPerson && plan_rng_.Chance(params_.bots.welcome)) {
    AddMessage(&s, t + 1000 + plan_rng_.Below(4000), welcomer, -1, Intent::kWelcome, person);
  }
  Commit(std::move(s));
}

void ConversationModel::PlanFeedPost(int64_t time_ms) {
  Session s;
  AddMessage(&s, time_ms, roster_.Bot(BotRole::kFeed), -1, Intent::kFeed);
  Commit(std::move(s));
}

void ConversationModel::Commit(Session s) {
  const uint64_t id = first_session_ + sessions_.size();
  s.pending = s.messages.size();
  for (uint32_t i = 0; i < s.messages.size(); ++i) {
    Planned& p = s.messages[i];  // Parents come first in a session.
    p.root = p.parent < 0 ? i : s.messages[static_cast<size_t>(p.parent)].root;
  }
  for (uint32_t i = 0; i < s.messages.size(); ++i) {
    due_.push({s.messages[i].time_ms, planned_++, id, i});
  }
  sessions_.push_back(std::move(s));
}

bool ConversationModel::Emit(int64_t horizon_ms, MessageSink* sink) {
  while (!due_.empty() && due_.top().time_ms < horizon_ms) {
    const Due d = due_.top();
    due_.pop();
    Session& s = sessions_[d.session - first_session_];
    Planned& p = s.messages[d.index];
    p.seq = next_seq_;
    Build(s, p);
    if (!sink->OnMessage(out_))
      return false;
    ++next_seq_;
    last_time_ms_ = p.time_ms;
    --s.pending;
    while (!sessions_.empty() && sessions_.front().pending == 0) {
      sessions_.pop_front();
      ++first_session_;
    }
  }
  return true;
}

void ConversationModel::Build(const Session& s, const Planned& p) {
  ChatMessage& m = out_;
  m.seq = p.seq;
  m.time_ms = p.time_ms;
  m.author = p.author;
  m.kind = p.kind;
  m.is_reply = p.parent >= 0;
  m.ping_parent = false;
  m.mentions.clear();
  m.reactions.clear();
  m.reactors.clear();
  m.edited_ms = 0;
  m.pinned = false;
  if (m.is_reply) {
    const Planned& parent = s.messages[static_cast<size_t>(p.parent)];
    m.parent_seq = parent.seq;
    m.parent_time_ms = parent.time_ms;
    m.parent_author = parent.author;
    m.ping_parent = emit_rng_.Chance(kPingShare);
  }
  SummarizeThread(s, p);
  if (p.kind == MessageKind::kJoin) {
    m.text.clear();
    m.link = m.sticker = -1;
    m.attachment.kind = AttachmentKind::kNone;
    return;
  }
  uint32_t mention = p.mention;
  const bool human = roster_.people[p.author].kind != PersonKind::kBot;
  if (mention == kNoPerson && m.is_reply && human && emit_rng_.Chance(kNameShare)) {
    mention = m.parent_author;
  }
  content_.Fill(p.intent, mention != kNoPerson, &m);
  if (mention != kNoPerson)
    m.mentions.push_back(mention);
  if (human && emit_rng_.Chance(kEditShare)) {
    m.edited_ms = p.time_ms + static_cast<int64_t>(emit_rng_.LogNormal(90000, 1.2));
  }
  m.pinned = p.intent == Intent::kAnnouncement && emit_rng_.Chance(kPinShare);
  if (p.intent != Intent::kCommand)
    AddReactions(p);
}

void ConversationModel::SummarizeThread(const Session& s, const Planned& p) {
  ChatMessage& m = out_;
  const Planned& root = s.messages[p.root];
  m.thread_seq = root.seq;  // The root is emitted first: it is the earliest of its thread.
  m.thread_time_ms = root.time_ms;
  m.thread_author = root.author;
  m.thread_replies = 0;
  m.thread_people.clear();
  m.thread_last_ms = 0;
  if (&root != &p)
    return;
  const auto self = static_cast<uint32_t>(&p - s.messages.data());
  for (const Planned& q : s.messages) {
    if (q.root != self || &q == &p)
      continue;
    ++m.thread_replies;
    m.thread_last_ms = std::max(m.thread_last_ms, q.time_ms);
    if (std::find(m.thread_people.begin(), m.thread_people.end(), q.author) ==
        m.thread_people.end()) {
      m.thread_people.push_back(q.author);
    }
  }
}

void ConversationModel::AddReactions(const Planned& p) {
  ChatMessage& m = out_;
  const bool by_host = roster_.people[p.author].kind == PersonKind::kHost;
  const uint32_t total = emit_rng_.Poisson(params_.reactions * (by_host ? kHostReactionBoost : 1));
  picks_.clear();
  for (uint32_t i = 0; i < total; ++i) {
    const auto emoji = static_cast<uint16_t>(emoji_popularity_.Sample(&emit_rng_));
    const uint32_t person = PickMember(&emit_rng_, p.time_ms, p.author, kAnyClique);
    const std::pair<uint16_t, uint32_t> pick{emoji, person};
    if (std::find(picks_.begin(), picks_.end(), pick) == picks_.end())
      picks_.push_back(pick);
  }
  // One reaction per emoji, in order of first use, with its people.
  for (size_t i = 0; i < picks_.size(); ++i) {
    const uint16_t emoji = picks_[i].first;
    const bool first_use = std::none_of(picks_.begin(), picks_.begin() + i,
                                        [&](const auto& q) { return q.first == emoji; });
    if (!first_use)
      continue;
    const auto begin = static_cast<uint32_t>(m.reactors.size());
    for (size_t j = i; j < picks_.size(); ++j) {
      if (picks_[j].first == emoji)
        m.reactors.push_back(picks_[j].second);
    }
    m.reactions.push_back({emoji, begin, static_cast<uint32_t>(m.reactors.size())});
  }
}

}  // namespace meshcheck::gen
