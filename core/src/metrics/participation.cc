#include "metrics/participation.h"

#include <algorithm>
#include <cmath>

#include "base/time.h"
#include "metrics/calendar.h"
#include "metrics/grouping.h"
#include "metrics/params.h"

namespace meshcheck::metrics {
namespace {

// Non-host people's message counts, ascending, with `zeros` people who wrote nothing.
std::vector<uint64_t> NonHostCounts(const model::Dataset& data,
                                    const GroupFacts& facts,
                                    const HostSet& hosts,
                                    uint32_t zeros) {
  std::vector<uint64_t> counts(zeros, 0);
  for (uint32_t i = 0; i < data.members().size(); ++i) {
    if (facts.is_poster[i] && !hosts.is_host[i])
      counts.push_back(data.members()[i].messages);
  }
  std::sort(counts.begin(), counts.end());
  return counts;
}

uint64_t Sum(const std::vector<uint64_t>& v) {
  uint64_t s = 0;
  for (uint64_t x : v)
    s += x;
  return s;
}

void WeeklyActivity(const model::Dataset& data,
                    const GroupFacts& facts,
                    const HostSet& hosts,
                    Participation* out) {
  Measure& wap = out->weekly_active_posters;
  Measure& repeat = out->repeat_participation;
  const uint32_t non_host = hosts.non_host_posters;
  if (facts.first_ms == model::kNoTime) {
    wap.Count("weeks", 0);
    wap.Count("max", 0);
    wap.Count("last_week", 0);
    wap.why_unavailable = "No message by a person is dated.";
    repeat.Count("non_host_posters", non_host);
    repeat.Count("active_in_two_weeks", 0);
    repeat.Ratio(0, 0, "No message by a member is dated.");
    return;
  }
  const int64_t first_week = WeekOf(base::DayOf(facts.first_ms));
  const auto weeks = static_cast<size_t>(WeekOf(base::DayOf(facts.last_ms)) - first_week + 1);
  std::vector<uint64_t> active(weeks, 0);
  FirstInGroup first_in_week(data.members().size());  // Weeks follow the time order.
  std::vector<int64_t> first_seen(data.members().size(), -1);
  std::vector<uint8_t> repeats(data.members().size(), 0);
  for (const model::MessageRecord& m : data.messages()) {
    if (m.is_system() || m.time_ms() == model::kNoTime || !facts.is_poster[m.author])
      continue;
    const int64_t week = WeekOf(base::DayOf(m.time_ms())) - first_week;
    if (!first_in_week(m.author, static_cast<uint64_t>(week)))
      continue;
    ++active[static_cast<size_t>(week)];
    if (first_seen[m.author] < 0)
      first_seen[m.author] = week;
    else
      repeats[m.author] = 1;
  }
  const uint64_t last = active.back();
  std::vector<uint64_t> sorted = active;
  std::sort(sorted.begin(), sorted.end());
  wap.Count("weeks", weeks);
  wap.Count("max", sorted.back());
  wap.Count("last_week", last);
  wap.available = true;
  wap.value = static_cast<double>(sorted[(sorted.size() - 1) / 2]);  // Lower median.

  uint64_t repeating = 0;
  for (uint32_t i = 0; i < data.members().size(); ++i)
    repeating += facts.is_poster[i] && !hosts.is_host[i] && repeats[i];
  repeat.Count("non_host_posters", non_host);
  repeat.Count("active_in_two_weeks", repeating);
  repeat.Ratio(repeating, non_host, "No member posted.");
}

void Coverage(const model::Dataset& data, const GroupFacts& facts, Participation* out) {
  Measure& c = out->coverage;
  uint64_t recent = 0;
  if (facts.last_ms != model::kNoTime) {
    const int64_t from = base::DayOf(facts.last_ms) - kCoverageDays + 1;
    for (uint32_t i = 0; i < data.members().size(); ++i) {
      const model::Member& m = data.members()[i];
      recent += facts.is_poster[i] && m.last_ms != model::kNoTime && base::DayOf(m.last_ms) >= from;
    }
  }
  c.Count("recent_posters", recent);
  c.Count("roster", out->roster.known ? out->roster.size : 0);
  if (out->roster.known) {
    c.Ratio(recent, out->roster.size, "The roster is empty.");
  } else {
    c.why_unavailable = "The export lists no members, so coverage of the roster is unknown.";
  }
}

void Inequality(const model::Dataset& data,
                const GroupFacts& facts,
                const HostSet& hosts,
                Participation* out) {
  const std::vector<uint64_t> posters = NonHostCounts(data, facts, hosts, 0);
  const uint64_t total = Sum(posters);
  Measure& gini = out->gini;
  Measure& top10 = out->top10_share;
  gini.Count("non_host_posters", posters.size());
  gini.Count("messages", total);
  top10.Count("non_host_posters", posters.size());
  top10.Count("messages", total);
  if (posters.size() >= 2 && total > 0) {
    gini.available = true;
    gini.value = Gini(posters, total);
  } else {
    gini.why_unavailable = "Fewer than two members posted.";
  }
  if (total > 0) {
    top10.available = true;
    top10.value = 1 - LorenzAt(posters, total, 0.9);
    for (int k = 0; k < kLorenzPoints; ++k)
      out->lorenz.push_back(LorenzAt(posters, total, k / static_cast<double>(kLorenzPoints - 1)));
  } else {
    top10.why_unavailable = "No member posted.";
  }

  NineNineOne& n = out->nine_nine_one;
  n.silent_members = out->roster.silent_members;
  const std::vector<uint64_t> population = NonHostCounts(data, facts, hosts, n.silent_members);
  n.population = static_cast<uint32_t>(population.size());
  if (total > 0) {
    const double top1 = 1 - LorenzAt(population, total, 1 - kSuperuserShare);
    const double top10_all =
        1 - LorenzAt(population, total, 1 - kSuperuserShare - kContributorShare);
    n.top1_share = top1;
    n.next9_share = top10_all - top1;
    n.rest90_share = 1 - top10_all;
  }
}

// The Contributor Absence Factor on peer answers (ANALYSIS.md A.6, C.2 item 5): the fewest
// members who give half of them. A peer answer is ORR's event (A.5): the first reply by another
// person to a member-started discussion, when a member (not a host) gives it.
void AnswerAbsence(const model::Dataset& data,
                   const graph::InteractionGraph& graph,
                   const HostSet& hosts,
                   const std::vector<uint32_t>& first,
                   Participation* out) {
  const Kinds kinds(data, hosts);
  const auto& roots = graph.conversation_root();
  std::vector<uint64_t> answers(data.members().size(), 0);
  uint64_t total = 0;
  for (uint32_t c = 0; c < roots.size(); ++c) {
    if (kinds.peer(data.messages()[roots[c]].author) && first[c] != model::kNone &&
        kinds.peer(first[c])) {
      ++answers[first[c]];
      ++total;
    }
  }
  std::sort(answers.begin(), answers.end(), std::greater<>());
  uint64_t answerers = 0;
  while (answerers < answers.size() && answers[answerers] > 0)
    ++answerers;
  uint64_t k = 0;
  uint64_t covered = 0;
  while (total > 0 &&
         static_cast<double>(covered) < kAbsenceFactorShare * static_cast<double>(total))
    covered += answers[k++];
  Measure& caf = out->answer_absence_factor;
  caf.Count("peer_answers", total);
  caf.Count("answerers", answerers);
  caf.Count("top_answerer_answers", answers.empty() ? 0 : answers[0]);
  if (total == 0) {
    caf.why_unavailable = "No member answered a discussion another member started.";
    return;
  }
  caf.available = true;
  caf.value = static_cast<double>(k);
}

}  // namespace

Roster ComputeRoster(const model::Dataset& data, const GroupFacts& facts, const HostSet& hosts) {
  const auto& members = data.members();
  std::vector<uint8_t> named(members.size(), 0);
  Roster r;
  for (const model::MessageRecord& m : data.messages()) {
    const auto action = static_cast<model::SystemAction>(m.action);
    if (m.is_system() &&
        (action == model::SystemAction::kJoin || action == model::SystemAction::kLeave)) {
      named[m.author] = 1;
    }
  }
  for (uint32_t i = 0; i < members.size(); ++i) {
    if (!IsPerson(members[i]))
      continue;
    r.listed += members[i].listed;
    r.joined_or_left += named[i];
  }
  r.known = r.listed + r.joined_or_left > 0;
  if (!r.known)
    return r;
  for (uint32_t i = 0; i < members.size(); ++i) {
    if (!IsPerson(members[i]) || !(members[i].listed || named[i] || facts.is_poster[i]))
      continue;
    ++r.size;
    if (hosts.is_host[i])
      continue;
    ++r.non_host_size;
    r.silent_members += !facts.is_poster[i];
  }
  return r;
}

double LorenzAt(const std::vector<uint64_t>& ascending, uint64_t total, double p) {
  const double position = p * static_cast<double>(ascending.size());
  const auto whole = static_cast<size_t>(std::floor(position));
  uint64_t below = 0;
  for (size_t i = 0; i < whole && i < ascending.size(); ++i)
    below += ascending[i];
  double share = static_cast<double>(below);
  if (whole < ascending.size())
    share += (position - static_cast<double>(whole)) * static_cast<double>(ascending[whole]);
  return share / static_cast<double>(total);
}

double Gini(const std::vector<uint64_t>& ascending, uint64_t total) {
  const auto n = static_cast<double>(ascending.size());
  double weighted = 0;
  for (size_t i = 0; i < ascending.size(); ++i)
    weighted += static_cast<double>(i + 1) * static_cast<double>(ascending[i]);
  const double g = 2 * weighted / (n * static_cast<double>(total)) - (n + 1) / n;
  return g * n / (n - 1);
}

Participation ComputeParticipation(const model::Dataset& data,
                                   const graph::InteractionGraph& graph,
                                   const GroupFacts& facts,
                                   const HostSet& hosts,
                                   const std::vector<uint32_t>& first_answerers) {
  Participation p;
  p.roster = ComputeRoster(data, facts, hosts);
  WeeklyActivity(data, facts, hosts, &p);
  Coverage(data, facts, &p);
  Inequality(data, facts, hosts, &p);
  AnswerAbsence(data, graph, hosts, first_answerers, &p);
  return p;
}

}  // namespace meshcheck::metrics
