// The Boundary Index (ANALYSIS.md C.5), the export traits it reads, the two-axis placement,
// and the borderline flag and label stability from hand-made jackknife replicates.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "classify/boundary.h"
#include "classify/constants.h"
#include "classify/verdict.h"
#include "dataset_builder.h"
#include "metrics/measures.h"

namespace {

using meshcheck::Format;
using meshcheck::classify::Access;
using meshcheck::classify::Boundary;
using meshcheck::classify::ComputeBoundary;
using meshcheck::classify::Enumerability;
using meshcheck::classify::ExportTraits;
using meshcheck::classify::Place;
using meshcheck::classify::Quadrant;
using meshcheck::metrics::Participation;
using meshcheck::testing::DatasetBuilder;

void SetShare(meshcheck::metrics::Measure* m, uint64_t num, uint64_t den) {
  m->Ratio(num, den, "");
}

// The score of size S for `people`: (ln 5000 - ln M) / (ln 5000 - ln 50), clamped.
double SizeScore(double people) {
  return std::clamp((std::log(5000.0) - std::log(people)) / std::log(100.0), 0.0, 1.0);
}

}  // namespace

TEST_CASE("a small group with a roster is bounded") {
  meshcheck::metrics::GroupFacts facts;
  facts.posters = 10;
  Participation p;
  p.roster.known = true;
  p.roster.size = 12;
  SetShare(&p.repeat_participation, 7, 10);  // 0.7 -> 1.
  p.repeat_participation.evidence = {{"non_host_posters", 10}, {"active_in_two_weeks", 7}};
  SetShare(&p.coverage, 10, 12);  // 0.83 -> 1.
  p.coverage.evidence = {{"recent_posters", 10}, {"roster", 12}};
  const Boundary b = ComputeBoundary(facts, p, ExportTraits{});
  REQUIRE(b.components.size() == 5);
  CHECK(b.enumerability == Enumerability::kRoster);
  CHECK(b.access == Access::kUnknown);
  CHECK_FALSE(b.components[1].available);  // A: unknown.
  CHECK(b.components[4].raw == 12);        // S counts the roster.
  CHECK(b.components[4].score == 1);       // <= 50 people.
  // E 1, P 1, C 1, S 1 over weights 0.25 + 0.2 + 0.2 + 0.15.
  CHECK(b.index == Approx(100).margin(1e-9));
  CHECK(b.reasons[0] == "The export enumerates 12 members (a roster): the group has edges.");
  CHECK(b.reasons[1] == "7 of 10 members who posted did so in two distinct weeks or more (70%).");
  CHECK(b.reasons[2] == "10 of the 12 members posted in the last 28 days (83%).");
}

TEST_CASE("posters only: coverage is replaced by size") {
  meshcheck::metrics::GroupFacts facts;
  facts.posters = 500;
  Participation p;
  SetShare(&p.repeat_participation, 3, 10);  // 0.3 -> 0.2.
  p.coverage.why_unavailable = "no roster";
  const Boundary b = ComputeBoundary(facts, p, ExportTraits{});
  CHECK(b.enumerability == Enumerability::kPosters);
  CHECK(b.components[0].score == 0.3);
  CHECK(b.components[2].score == Approx(0.2).margin(1e-12));
  CHECK(b.components[3].note == "replaced by S: no roster");
  CHECK(b.components[3].score == Approx(0.5).margin(1e-12));  // 500 people: half way.
  CHECK(b.components[4].score == Approx(SizeScore(500)).margin(1e-12));
  // (0.25 * 0.3 + 0.2 * 0.2 + 0.2 * 0.5 + 0.15 * 0.5) / 0.8.
  CHECK(b.index == Approx(100 * 0.29 / 0.8).margin(1e-9));
  // A crowd of 7,000 scores 0 on size; 200 people sit in between.
  facts.posters = 7000;
  CHECK(ComputeBoundary(facts, p, ExportTraits{}).components[4].score == 0);
  facts.posters = 200;
  CHECK(ComputeBoundary(facts, p, ExportTraits{}).components[4].score ==
        Approx(SizeScore(200)).margin(1e-12));
}

TEST_CASE("public comments have no membership; group chats are by invitation") {
  meshcheck::metrics::GroupFacts facts;
  facts.posters = 40;
  Participation p;
  SetShare(&p.repeat_participation, 1, 10);  // 0.1 -> 0.
  ExportTraits open;
  open.no_membership = true;
  const Boundary b = ComputeBoundary(facts, p, open);
  CHECK(b.enumerability == Enumerability::kNone);
  CHECK(b.access == Access::kNone);
  // E 0, A 0, P 0, C = S = 1 (40 people): (0.2 + 0.15) / 1.
  CHECK(b.index == Approx(35).margin(1e-9));

  ExportTraits invited;
  invited.invitation_only = true;
  const Boundary c = ComputeBoundary(facts, p, invited);
  CHECK(c.access == Access::kPrivate);
  // E 0.3, A 1, P 0, C = S = 1: (0.075 + 0.2 + 0.2 + 0.15) / 1.
  CHECK(c.index == Approx(62.5).margin(1e-9));
}

TEST_CASE("export traits come from the formats and the channel kinds") {
  DatasetBuilder b;
  const uint32_t dm = b.Channel("dm", meshcheck::model::ChannelKind::kGroupDirect);
  b.Say("1", "ann", 0, dm);
  const auto& data = b.Finalize();
  using meshcheck::classify::TraitsOf;
  CHECK(TraitsOf(data, {Format::kYouTubeJson, Format::kRedditNdjson}).no_membership);
  CHECK_FALSE(TraitsOf(data, {Format::kYouTubeCsv, Format::kDiscordJson}).no_membership);
  CHECK_FALSE(TraitsOf(data, {}).no_membership);
  CHECK(TraitsOf(data, {Format::kWhatsAppText}).invitation_only);  // "general" has no message.

  DatasetBuilder mixed;
  mixed.Say("1", "ann", 0);
  const uint32_t dm2 = mixed.Channel("dm", meshcheck::model::ChannelKind::kDirect);
  mixed.Say("2", "bob", 1, dm2);
  CHECK_FALSE(TraitsOf(mixed.Finalize(), {}).invitation_only);
}

TEST_CASE("the two-axis map: CI splits at 45, the Boundary Index at 50") {
  Boundary b;
  b.has_index = true;
  auto quadrant = [&](double ci, double bi) {
    b.index = bi;
    return Place(true, ci, b, false).quadrant;
  };
  CHECK(quadrant(44.9, 49.9) == Quadrant::kAudience);
  CHECK(quadrant(45, 49.9) == Quadrant::kOpenCommunity);
  CHECK(quadrant(44.9, 50) == Quadrant::kManagedGroup);
  CHECK(quadrant(45, 50) == Quadrant::kCloseKnitCommunity);
  CHECK_FALSE(Place(false, 80, b, false).placed);
  b.has_index = false;
  CHECK_FALSE(Place(true, 80, b, false).placed);
  CHECK(meshcheck::classify::QuadrantTracks(Quadrant::kManagedGroup)[0] ==
        "Response rate to host prompts: the share of the roster replying within 7 days");
}

TEST_CASE("a jackknife interval across a band edge flags a borderline, unstable label") {
  using meshcheck::classify::Classify;
  using meshcheck::classify::Confidence;
  using meshcheck::classify::Flag;
  using meshcheck::classify::Label;
  meshcheck::metrics::GroupFacts facts;
  facts.messages = 1000;
  facts.posters = 31;
  facts.span_days = 60;
  meshcheck::metrics::HostSet hosts;
  hosts.source = meshcheck::metrics::HostSource::kDeclared;
  hosts.members = {0};
  hosts.host_messages = 300;
  hosts.non_host_posters = 30;
  meshcheck::metrics::Measures m;
  // Headline PRS 0.325 (score 0.5; ORR falls back to it): CI 50.
  m.structure = meshcheck::metrics::MeasuresOf([] {
    meshcheck::metrics::Tally t;
    t.has_host = true;
    t.counts.messages = 1000;
    t.counts.host_messages = 300;
    t.counts.replies = 200;
    t.counts.peer_replies = 65;
    return t;
  }());
  // Four replicates with PRS 0.30, 0.35, 0.30, 0.35: indices 45.45 and 54.55 around 50.
  for (uint64_t peer : {60, 70, 60, 70}) {
    meshcheck::metrics::Tally t;
    t.has_host = true;
    t.counts.messages = 1000;
    t.counts.host_messages = 300;
    t.counts.replies = 200;
    t.counts.peer_replies = peer;
    m.table.leave_out.push_back(t);
  }
  const auto v = Classify(facts, hosts, m, {}, {});
  CHECK(v.index == Approx(50).margin(1e-9));
  const double d = 100 * (0.025 / 0.55);  // Each replicate's distance from the mean.
  const double se = std::sqrt(0.75 * 4 * d * d);
  CHECK(v.uncertainty.standard_error == Approx(se).margin(1e-9));
  CHECK(v.uncertainty.lower == Approx(50 - 1.6448536269514722 * se).margin(1e-9));
  CHECK(v.uncertainty.width == Approx(2 * 1.6448536269514722 * se).margin(1e-9));
  // Spread replicates: 50 -+ sqrt(3) d = 42.1 (engaged audience) and 57.9 (emerging), two
  // each: the modal label is the first of the tie, and it holds in half of them.
  CHECK(v.uncertainty.modal_label == Label::kEngagedAudience);
  CHECK(v.uncertainty.label_stability == 0.5);
  bool borderline = false;
  for (const auto& f : v.flags)
    borderline |= f.flag == Flag::kBorderline;
  CHECK(borderline);
  CHECK(v.confidence == Confidence::kLow);
}
