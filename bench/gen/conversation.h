// The session model of ANALYSIS.md section D, producing a time-ordered ChatMessage stream.
//
// - Conversations start as host sessions (rate r_h per host-active day) or member sessions
//   (rate r_m per day, x alpha on host-silent days), at times drawn from a daily rhythm.
// - Each has K ~ Poisson(mu) reply slots. A slot is the host's with probability beta (skipped
//   on a host-silent day); the host answers the oldest member message it has not answered.
//   Otherwise a member drawn by Zipf(s) activity (from the opener's clique with probability
//   1 - epsilon; a host's conversation happens in one clique drawn at random) replies to the
//   root with probability rho, else to the previous message. Members open conversations by
//   Zipf(opener_zipf), which is s unless the archetype says otherwise.
// - Add-ons: join notices, welcome / level / command / feed bots, reactions, mentions, edits.
//
// Deterministic: the stream depends only on the parameters, the roster and the seed.
#pragma once

#include <cstdint>
#include <deque>
#include <queue>
#include <utility>
#include <vector>

#include "gen/archetypes.h"
#include "gen/content.h"
#include "gen/message.h"
#include "gen/rng.h"
#include "gen/zone.h"

namespace meshcheck::gen {

struct ModelOptions {
  uint64_t seed = 0;
  double scale = 1;       // Multiplies the conversation rates.
  int64_t first_day = 0;  // Local calendar day of the first day (days since 1970-01-01).
  uint32_t days = 0;      // Conversations start during these days.
};

class ConversationModel {
 public:
  ConversationModel(const ArchetypeParams& params,
                    const Roster& roster,
                    const Zone& zone,
                    const ModelOptions& options);

  // Emits the messages in time order (conversations of the last day may run past its end).
  // Stops early when the sink returns false.
  void Run(MessageSink* sink);

  uint64_t messages() const { return next_seq_; }
  int64_t last_time_ms() const { return last_time_ms_; }

 private:
  struct Planned {  // One message of a session, before it is emitted.
    int64_t time_ms;
    uint32_t author;
    int32_t parent;  // Index in the session, or -1.
    Intent intent;
    MessageKind kind;
    uint32_t mention;   // A person named in the text, or kNoPerson.
    uint64_t seq = 0;   // Set when emitted.
    uint32_t root = 0;  // Index of the first message of its chain of replies (set by Commit).
  };
  struct Session {
    std::vector<Planned> messages;
    size_t pending = 0;
  };
  struct Due {  // Heap entry: the next message to emit is the earliest (then the oldest planned).
    int64_t time_ms;
    uint64_t order;
    uint64_t session;
    uint32_t index;
    bool operator>(const Due& o) const {
      return time_ms != o.time_ms ? time_ms > o.time_ms : order > o.order;
    }
  };

  void PlanDay(uint32_t day);
  void PlanConversation(int64_t start_ms, uint32_t opener, bool host_active);
  void PlanJoin(uint32_t person);
  void PlanFeedPost(int64_t time_ms);
  uint32_t AddMessage(Session* s,
                      int64_t time_ms,
                      uint32_t author,
                      int32_t parent,
                      Intent intent,
                      uint32_t mention = kNoPerson,
                      MessageKind kind = MessageKind::kText);
  void Commit(Session s);
  int64_t SessionStart(int64_t day_begin_ms, int64_t day_end_ms);
  int64_t Gap(double median_s);
  // A member by `activity` (activity_ unless given), who has joined by `time_ms`.
  uint32_t PickMember(Rng* rng,
                      int64_t time_ms,
                      uint32_t exclude,
                      uint32_t clique,
                      const DiscreteTable* activity = nullptr);
  bool Emit(int64_t horizon_ms, MessageSink* sink);
  void Build(const Session& s, const Planned& p);
  void SummarizeThread(const Session& s, const Planned& p);
  void AddReactions(const Planned& p);

  const ArchetypeParams& params_;
  const Roster& roster_;
  const Zone& zone_;
  ModelOptions options_;
  Rng plan_rng_;
  Rng emit_rng_;
  ContentGenerator content_;
  DiscreteTable activity_;         // Zipf over member ranks.
  DiscreteTable opener_activity_;  // The same for conversation openers.
  DiscreteTable hours_;            // The daily rhythm.
  DiscreteTable emoji_popularity_;
  std::vector<uint32_t> joiners_;  // Members who join during the export, by join time.
  size_t next_joiner_ = 0;
  bool host_active_today_ = true;

  std::deque<Session> sessions_;
  uint64_t first_session_ = 0;  // Id of sessions_.front().
  std::priority_queue<Due, std::vector<Due>, std::greater<Due>> due_;
  uint64_t planned_ = 0;
  uint64_t next_seq_ = 0;
  int64_t last_time_ms_ = 0;
  ChatMessage out_;
  std::vector<std::pair<uint16_t, uint32_t>> picks_;  // Reactions being drawn: (emoji, person).
};

}  // namespace meshcheck::gen
