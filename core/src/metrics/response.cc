#include "metrics/response.h"

#include <algorithm>
#include <vector>

#include "base/time.h"
#include "metrics/grouping.h"
#include "metrics/params.h"

namespace meshcheck::metrics {
namespace {

Durations Summarize(std::vector<int64_t> seconds) {
  Durations d;
  d.count = seconds.size();
  if (seconds.empty())
    return d;
  std::sort(seconds.begin(), seconds.end());
  d.median_seconds = NearestRank(seconds, 50);
  d.p90_seconds = NearestRank(seconds, 90);
  return d;
}

}  // namespace

int64_t NearestRank(const std::vector<int64_t>& sorted, int percent) {
  const size_t rank = (sorted.size() * static_cast<size_t>(percent) + 99) / 100;
  return sorted[std::max<size_t>(rank, 1) - 1];
}

ResponseMeasures ComputeResponses(const model::Dataset& data,
                                  const graph::InteractionGraph& graph,
                                  const GroupFacts& facts,
                                  const HostSet& hosts,
                                  const Roster& roster) {
  const auto& members = data.members();
  const auto& messages = data.messages();
  const auto& roots = graph.conversation_root();
  const size_t conversations = roots.size();
  const Kinds kinds(data, hosts);
  auto person = [&](uint32_t x) { return kinds.person(x); };

  // Per conversation: the first message by another person, whether a member other than the
  // asker wrote, and (host prompts) the non-host people writing within the response window.
  std::vector<uint32_t> first_other(conversations, model::kNone);
  std::vector<uint8_t> member_wrote(conversations, 0);
  std::vector<uint32_t> responders(conversations, 0);
  FirstInGroup first_in_conversation(members.size());
  for (uint32_t c = 0; c < conversations; ++c) {
    const model::MessageRecord& root = messages[roots[c]];
    for (uint32_t i : graph.ConversationMessages(c)) {
      const uint32_t a = messages[i].author;
      if (!person(a) || a == root.author)
        continue;
      if (first_other[c] == model::kNone)
        first_other[c] = i;
      if (kinds.host(a))
        continue;
      member_wrote[c] = 1;
      if (root.time_ms() != model::kNoTime && messages[i].time_ms() != model::kNoTime &&
          messages[i].time_ms() - root.time_ms() <= kPromptResponseDays * base::kMsPerDay) {
        responders[c] += first_in_conversation(a, c);
      }
    }
  }

  ResponseMeasures out;
  ResponseTimes& t = out.times;
  std::vector<int64_t> all, by_peer, by_host;
  uint64_t peer_answered = 0;
  uint64_t prompts = 0, prompts_answered = 0, responses = 0;
  const int64_t cutoff =
      facts.last_ms == model::kNoTime ? 0 : facts.last_ms - kCensorDays * base::kMsPerDay;
  for (size_t c = 0; c < conversations; ++c) {
    const model::MessageRecord& root = messages[roots[c]];
    if (!person(root.author) || root.time_ms() == model::kNoTime)
      continue;
    const bool recent = root.time_ms() > cutoff;
    if (kinds.host(root.author)) {
      if (!recent) {
        ++prompts;
        prompts_answered += responders[c] > 0;
        responses += responders[c];
      }
      continue;
    }
    if (recent) {
      ++t.censored;
      continue;
    }
    ++t.questions;
    peer_answered += member_wrote[c];
    if (first_other[c] == model::kNone)
      continue;
    ++t.answered;
    const model::MessageRecord& reply = messages[first_other[c]];
    if (reply.time_ms() == model::kNoTime)
      continue;
    const int64_t ms = std::max<int64_t>(0, reply.time_ms() - root.time_ms());
    t.answered_within_24h += ms <= kAnsweredWithinMs;
    all.push_back(ms / base::kMsPerSecond);
    (kinds.host(reply.author) ? by_host : by_peer).push_back(ms / base::kMsPerSecond);
  }
  t.all = Summarize(std::move(all));
  t.by_peer = Summarize(std::move(by_peer));
  t.by_host = Summarize(std::move(by_host));

  Measure& par = out.peer_answer_rate;
  par.Count("questions", t.questions);
  par.Count("answered_by_member", peer_answered);
  par.Ratio(peer_answered, t.questions,
            "No member started a conversation early enough to judge (the last " +
                std::to_string(kCensorDays) + " days are left out).");

  Measure& rr = out.response_rate;
  rr.Count("prompts", prompts);
  rr.Count("prompts_answered", prompts_answered);
  rr.Count("responses", responses);
  rr.Count("roster", roster.known ? roster.non_host_size : 0);
  if (hosts.members.empty()) {
    rr.why_unavailable = "There is no host whose prompts members could answer.";
  } else if (!roster.known || roster.non_host_size == 0) {
    rr.why_unavailable =
        "The export lists no members, so the share of members answering the host is unknown.";
  } else {
    rr.Ratio(responses, prompts * roster.non_host_size,
             "The host started no conversation early enough to judge.");
  }
  return out;
}

}  // namespace meshcheck::metrics
