// The verdict on whole datasets (classify::Assess over metrics::ComputeMeasures): the
// week-block jackknife (C.3 item 1) checked against replicates rebuilt from scratch, the
// confidence rule (C.3 item 3), the flags (C.2 item 5), the sensitivity to turn-taking
// inference (B.6) and the timeline.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "classify/constants.h"
#include "classify/verdict.h"
#include "dataset_builder.h"
#include "graph/interaction_graph.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measures.h"
#include "metrics/params.h"

namespace {

using meshcheck::classify::Confidence;
using meshcheck::classify::Flag;
using meshcheck::classify::Label;
using meshcheck::classify::Verdict;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::Id;
using meshcheck::testing::kDayMinutes;
using meshcheck::testing::Who;

struct Run {
  meshcheck::metrics::GroupFacts facts;
  meshcheck::graph::InteractionGraph graph;
  meshcheck::metrics::HostSet hosts;
  meshcheck::metrics::Measures measures;
  Verdict verdict;
};

Run Analyze(DatasetBuilder& b, const std::vector<std::string>& declared = {"host"}) {
  const auto& data = b.Finalize();
  Run r;
  r.facts = meshcheck::metrics::ComputeFacts(data);
  r.graph = meshcheck::graph::InteractionGraph::Build(data, meshcheck::metrics::kInference);
  r.hosts = meshcheck::metrics::DetectHosts(data, r.facts, declared);
  r.measures = meshcheck::metrics::ComputeMeasures(data, r.graph, r.facts, r.hosts);
  r.verdict = meshcheck::classify::Assess(data, r.facts, r.hosts, r.measures,
                                          {meshcheck::Format::kDiscordJson});
  return r;
}

bool HasFlag(const Verdict& v, Flag f) {
  for (const auto& note : v.flags) {
    if (note.flag == f)
      return true;
  }
  return false;
}

// A peer forum: `days` days from Monday 2024-01-01, `members` members m0..; each day three
// member conversations (an opener, two answers, the opener thanks the first) and, on the
// host's days, a host post one member answers. The host is silent on days [quiet_from,
// quiet_to). `skip_week`: a week left out entirely (-1: none). `host_every` > 0: on every
// such day the host answers each conversation before any member does.
struct Forum {
  int days = 56;
  int members = 30;
  int quiet_from = 20;
  int quiet_to = 30;
  int skip_week = -1;
  int host_every = 0;

  void Build(DatasetBuilder* b) const {
    auto member = [&](int k) { return Id("m", k % members); };
    for (int d = 0; d < days; ++d) {
      if (d / 7 == skip_week)
        continue;
      const int64_t day = d * kDayMinutes;
      if (d < quiet_from || d >= quiet_to) {
        b->Say(Id("h", d), "host", day + 60);
        b->Reply(Id("hr", d), member(d * 7), Id("h", d), day + 70);
      }
      for (int k = 0; k < 3; ++k) {
        const int opener = d * 3 + k;
        const std::string root = Id("r", d * 10 + k);
        const int64_t at = day + 120 + 60 * k;
        b->Say(root, member(opener), at);
        if (host_every > 0 && d % host_every == 0)
          b->Reply(root + "h", "host", root, at + 3);
        b->Reply(root + "a", member(opener + 1), root, at + 5);
        b->Reply(root + "b", member(opener + 2 + d % 3), root + "a", at + 9);
        b->Reply(root + "c", member(opener), root + "a", at + 12);
      }
    }
  }
};

}  // namespace

TEST_CASE("a steady peer forum with a host pause is a community, confidently") {
  DatasetBuilder b;
  Forum().Build(&b);
  const Run r = Analyze(b);
  const Verdict& v = r.verdict;
  CHECK(v.label == Label::kCommunity);
  CHECK(r.measures.structure.host_silent_survival.available);
  INFO(v.caveats.size());
  CHECK(v.caveats.empty());
  CHECK(v.flags.empty());
  const auto& u = v.uncertainty;
  REQUIRE(u.estimated);
  CHECK(u.blocks == 8);  // Eight Monday weeks.
  CHECK(u.width <= meshcheck::classify::kHighMaxWidth);
  CHECK(u.label_stability == 1.0);
  CHECK(u.modal_label == Label::kCommunity);
  CHECK(v.confidence == Confidence::kHigh);
  // Eight weekly points (56 days < 90), each judged.
  REQUIRE(v.timeline.points.size() == 8);
  CHECK(v.timeline.weekly);
  for (const auto& p : v.timeline.points)
    CHECK(p.judged);
  CHECK(v.timeline.points[3].host_messages == 0);  // Days 21-27: the host is silent.
  CHECK(v.timeline.points[3].member_messages == 7 * 12);
}

TEST_CASE("each jackknife replicate is the group without one week, rebuilt from scratch") {
  // Conversations stay within a day, so leaving a block of the tally out is the same as
  // analysing the dataset without that week. (Without a host pause: the jackknife keeps the
  // full calendar's silent windows, which a rebuilt dataset could split or lose.)
  for (const Forum forum :
       {Forum{56, 30, 0, 0, -1, 3}, Forum{35, 12, 0, 0, -1, 2}, Forum{40, 8, 0, 0, -1, 3}}) {
    DatasetBuilder full;
    forum.Build(&full);
    const Run r = Analyze(full);
    const auto& u = r.verdict.uncertainty;
    REQUIRE(u.estimated);
    const int weeks = (forum.days + 6) / 7;
    REQUIRE(u.blocks == static_cast<uint32_t>(weeks));
    std::vector<double> replicates;
    for (int w = 0; w < weeks; ++w) {
      DatasetBuilder without;
      Forum f = forum;
      f.skip_week = w;
      f.Build(&without);
      replicates.push_back(Analyze(without).verdict.index);
    }
    double mean = 0;
    for (double x : replicates)
      mean += x / weeks;
    double squares = 0;
    for (double x : replicates)
      squares += (x - mean) * (x - mean);
    const double se = std::sqrt((weeks - 1.0) / weeks * squares);
    INFO("members " << forum.members << ", days " << forum.days);
    CHECK(se > 0.01);  // The weeks differ: the check is not trivial.
    CHECK(u.standard_error == Approx(se).margin(1e-9));
    CHECK(u.lower == Approx(std::max(0.0, r.verdict.index - 1.6448536269514722 * se)).margin(1e-9));
  }
}

TEST_CASE("one week of history: no jackknife, and never High") {
  DatasetBuilder b;
  Forum{6, 30, 0, 0, -1}.Build(&b);
  const Run r = Analyze(b);
  CHECK_FALSE(r.verdict.uncertainty.estimated);
  CHECK(r.verdict.uncertainty.blocks == 1);
  CHECK(r.verdict.confidence == Confidence::kLow);  // Span, messages, test, jackknife.
}

TEST_CASE("inferred replies: concurrency, sensitivity to W, and Low confidence (B.6)") {
  // Five people take turns a minute apart in a chat without reply links: every message has
  // two or more other recent speakers (kappa near 1).
  DatasetBuilder b;
  const uint32_t chat = b.UnlinkedChannel("whatsapp");
  int n = 0;
  for (int d = 0; d < 21; ++d) {
    for (int k = 0; k < 40; ++k) {
      b.Say(Id("w", n), Id("p", n % 5), d * kDayMinutes + 600 + k, chat);
      ++n;
    }
  }
  const Run r = Analyze(b, {});
  const Verdict& v = r.verdict;
  CHECK(r.measures.inference.channels == 1);
  CHECK(r.measures.inference.replies == 21 * 40 - 21);  // All but each day's first turn.
  CHECK(r.measures.inference.concurrent == 21 * 38);    // All but each day's first two.
  CHECK(HasFlag(v, Flag::kInferredHighConcurrency));
  CHECK(v.confidence == Confidence::kLow);
  REQUIRE(v.sensitivity.size() == 4);
  CHECK(v.sensitivity[0].window_minutes == 5);
  CHECK(v.sensitivity[3].window_minutes == 30);
  CHECK(v.sensitivity[2].index == v.index);  // W = 15 is the headline.
  CHECK(v.caveats[1] ==
        "819 of 819 replies between people were inferred from turn-taking, because the export "
        "keeps no reply links in 1 channel.");
}

TEST_CASE("the host as the only bridge between two cliques (A12): HRC 0.5 and the flag") {
  // Two cliques of six talk only among themselves, in two conversations a day; the host
  // answers in both.
  DatasetBuilder b;
  for (int d = 0; d < 28; ++d) {
    for (int c = 0; c < 2; ++c) {
      const int base = c * 6;
      const std::string root = Id("r", d * 2 + c);
      const int64_t at = d * kDayMinutes + 100 * c;
      b.Say(root, Id("m", base + d % 6), at);
      b.Reply(root + "a", Id("m", base + (d + 1) % 6), root, at + 1);
      b.Reply(root + "b", Id("m", base + (d + 2) % 6), root + "a", at + 2);
      b.Reply(root + "h", "host", root, at + 3);
    }
  }
  const Run r = Analyze(b);
  const auto& hrc = r.measures.structure.host_removed_connectivity;
  CHECK(hrc.value == 0.5);
  CHECK(r.measures.roles.bridge.largest_group == 6);
  CHECK(r.measures.roles.bridge.second_group == 6);
  CHECK(HasFlag(r.verdict, Flag::kHostOnlyBridge));
}

TEST_CASE("a single answer person and possible undeclared staff are flagged") {
  DatasetBuilder b;
  for (int d = 0; d < 20; ++d) {
    const std::string root = Id("q", d);
    b.Say(root, Id("asker", d), d * kDayMinutes);
    b.Reply(root + "s", "helper", root, d * kDayMinutes + 5);  // Answers everyone.
    if (d % 4 == 0)
      b.Reply(root + "o", Id("asker", d + 1), root, d * kDayMinutes + 9);
  }
  b.Say("h", "host", 0);
  const Run r = Analyze(b);
  // helper wrote 20 of the 25 peer replies.
  CHECK(HasFlag(r.verdict, Flag::kSingleAnswerPerson));
  CHECK(HasFlag(r.verdict, Flag::kPossibleUndeclaredStaff));
  REQUIRE(r.measures.roles.staff_candidates.size() == 1);
  CHECK(r.measures.roles.staff_candidates[0] == b.MemberIndex("helper"));
}
