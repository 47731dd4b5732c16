#include "classify/boundary.h"

#include <algorithm>
#include <cmath>

#include "base/plural.h"
#include "classify/constants.h"
#include "classify/percent.h"
#include "metrics/params.h"

namespace meshcheck::classify {
namespace {

Component Fixed(const char* id, double score, double weight) {
  Component c;
  c.id = id;
  c.available = true;
  c.raw = score;
  c.score = score;
  c.weight = weight;
  return c;
}

Component Unavailable(const char* id, double weight, std::string note) {
  Component c;
  c.id = id;
  c.weight = weight;
  c.note = std::move(note);
  return c;
}

// Natural logarithm from IEEE basic operations only (frexp, +, -, *, /), so that native and
// WebAssembly builds, whose libm differ, print the same digits: ln(m 2^e) = e ln 2 +
// 2 atanh((m - 1) / (m + 1)) with m in [0.5, 1), |z| <= 1/3; the series is summed to
// convergence. x > 0.
double Log(double x) {
  int e = 0;
  const double m = std::frexp(x, &e);
  const double z = (m - 1) / (m + 1);
  const double z2 = z * z;
  double term = z;
  double sum = 0;
  for (int k = 1; k < 200; k += 2) {
    const double next = sum + term / k;
    if (next == sum)
      break;
    sum = next;
    term *= z2;
  }
  return e * 0.69314718055994530942 + 2 * sum;
}

uint64_t EvidenceOf(const metrics::Measure& m, const char* name) {
  for (const auto& [key, value] : m.evidence) {
    if (key == name)
      return value;
  }
  return 0;
}

}  // namespace

ExportTraits TraitsOf(const model::Dataset& data, const std::vector<Format>& formats) {
  ExportTraits t;
  bool all_public = !formats.empty();
  for (Format f : formats) {
    all_public &=
        f == Format::kYouTubeJson || f == Format::kYouTubeCsv || f == Format::kRedditNdjson;
  }
  t.no_membership = all_public;
  bool any = false;
  bool all_invited = true;
  for (const model::Channel& c : data.channels()) {
    if (c.messages == 0)
      continue;
    any = true;
    all_invited &=
        c.kind == model::ChannelKind::kDirect || c.kind == model::ChannelKind::kGroupDirect;
  }
  t.invitation_only = any && all_invited;
  return t;
}

const char* EnumerabilityName(Enumerability e) {
  switch (e) {
    case Enumerability::kNone:
      return "none";
    case Enumerability::kPosters:
      return "posters";
    case Enumerability::kRoster:
      return "roster";
  }
  return "none";
}

const char* AccessName(Access a) {
  switch (a) {
    case Access::kUnknown:
      return "unknown";
    case Access::kNone:
      return "none";
    case Access::kPrivate:
      return "private";
  }
  return "unknown";
}

Boundary ComputeBoundary(const metrics::GroupFacts& facts,
                         const metrics::Participation& p,
                         const ExportTraits& traits) {
  Boundary b;
  const metrics::Roster& roster = p.roster;
  // E: enumerability.
  if (traits.no_membership) {
    b.enumerability = Enumerability::kNone;
    b.components.push_back(Fixed("E", kEnumerableNone, kEnumerabilityWeight));
    b.reasons.push_back("Public comments: there is no membership to join or to list.");
  } else if (roster.known) {
    b.enumerability = Enumerability::kRoster;
    b.components.push_back(Fixed("E", kEnumerableRoster, kEnumerabilityWeight));
    b.reasons.push_back("The export enumerates " + base::Plural(roster.size, "member", "members") +
                        " (a roster" +
                        (roster.silent_members > 0
                             ? ", " + std::to_string(roster.silent_members) + " of them silent"
                             : std::string()) +
                        "): the group has edges.");
  } else {
    b.enumerability = Enumerability::kPosters;
    b.components.push_back(Fixed("E", kEnumerablePosters, kEnumerabilityWeight));
    b.reasons.push_back("The export lists no members: only the " +
                        base::Plural(facts.posters, "person", "people") + " who posted are known.");
  }
  // A: access.
  if (traits.no_membership) {
    b.access = Access::kNone;
    b.components.push_back(Fixed("A", kAccessNone, kAccessWeight));
  } else if (traits.invitation_only) {
    b.access = Access::kPrivate;
    b.components.push_back(Fixed("A", kAccessPrivate, kAccessWeight));
    b.reasons.push_back(
        "Every conversation is a private or group chat: people are added, not "
        "joined by link.");
  } else {
    b.access = Access::kUnknown;
    b.components.push_back(
        Unavailable("A", kAccessWeight, "unknown: the export does not say who may join"));
  }
  // P: repeat participation.
  const metrics::Measure& repeat = p.repeat_participation;
  if (repeat.available) {
    Component c =
        Fixed("P", Normalize(repeat.value, kRepeatAnchor.a, kRepeatAnchor.c), kRepeatWeight);
    c.raw = repeat.value;
    b.components.push_back(c);
    b.reasons.push_back(std::to_string(EvidenceOf(repeat, "active_in_two_weeks")) + " of " +
                        base::Plural(EvidenceOf(repeat, "non_host_posters"), "member", "members") +
                        " who posted did so in two distinct weeks or more (" +
                        Percent(repeat.value) + ").");
  } else {
    b.components.push_back(Unavailable("P", kRepeatWeight, "no member posted"));
  }
  // S: size (computed first: C falls back on it).
  const uint32_t people = roster.known ? roster.size : facts.posters;
  Component size = Unavailable("S", kSizeWeight, "nobody posted");
  if (people > 0) {
    size = Fixed("S",
                 std::clamp((Log(kSizeLarge) - Log(static_cast<double>(people))) /
                                (Log(kSizeLarge) - Log(kSizeSmall)),
                            0.0, 1.0),
                 kSizeWeight);
    size.raw = people;
    size.note = roster.known ? "roster" : "posters";
  }
  // C: coverage, only with a roster; else replaced by S.
  const metrics::Measure& coverage = p.coverage;
  if (coverage.available) {
    Component c = Fixed("C", Normalize(coverage.value, kCoverageAnchor.a, kCoverageAnchor.c),
                        kCoverageWeight);
    c.raw = coverage.value;
    b.components.push_back(c);
    b.reasons.push_back(std::to_string(EvidenceOf(coverage, "recent_posters")) + " of the " +
                        base::Plural(roster.size, "member", "members") + " posted in the last " +
                        std::to_string(metrics::kCoverageDays) + " days (" +
                        Percent(coverage.value) + ").");
  } else if (size.available) {
    Component c = size;
    c.id = "C";
    c.weight = kCoverageWeight;
    c.note = "replaced by S: no roster";
    b.components.push_back(c);
  } else {
    b.components.push_back(Unavailable("C", kCoverageWeight, "no roster, nobody posted"));
  }
  b.components.push_back(size);
  if (size.available) {
    b.reasons.push_back(base::Plural(people, "person", "people") +
                        (people <= kSizeSmall   ? ": a small group, easy to know by name."
                         : people >= kSizeLarge ? ": a crowd, too many to know by name."
                                                : ": between a small group and a crowd."));
  }
  double weighted = 0;
  double weights = 0;
  for (const Component& c : b.components) {
    if (!c.available)
      continue;
    weighted += c.weight * c.score;
    weights += c.weight;
  }
  b.has_index = size.available;
  b.index = weights > 0 ? 100 * weighted / weights : 0;
  return b;
}

const char* QuadrantName(Quadrant q) {
  switch (q) {
    case Quadrant::kAudience:
      return "audience";
    case Quadrant::kManagedGroup:
      return "managed_group";
    case Quadrant::kOpenCommunity:
      return "open_community";
    case Quadrant::kCloseKnitCommunity:
      return "close_knit_community";
  }
  return "audience";
}

const char* QuadrantTitle(Quadrant q) {
  switch (q) {
    case Quadrant::kAudience:
      return "Audience";
    case Quadrant::kManagedGroup:
      return "Managed group";
    case Quadrant::kOpenCommunity:
      return "Open community";
    case Quadrant::kCloseKnitCommunity:
      return "Close-knit community";
  }
  return "Audience";
}

std::vector<std::string> QuadrantTracks(Quadrant q) {
  switch (q) {
    case Quadrant::kAudience:
      return {"Velocity: replies and reactions in the first hour and day after a host post",
              "Pulse: reactions per post per 100 viewers",
              "Applause ratio: reactions / (reactions + replies)", "One-timer share"};
    case Quadrant::kManagedGroup:
      return {"Response rate to host prompts: the share of the roster replying within 7 days",
              "Weekly active posters", "Time to first reply"};
    case Quadrant::kOpenCommunity:
      return {"Organic response rate", "Peer time to first reply", "Newcomer first-reply rate",
              "One-timer to repeat conversion", "Answer-person risk"};
    case Quadrant::kCloseKnitCommunity:
      return {"Peer reciprocity", "Rituals and cadence",
              "Synchronous feedback: the share of replies within 5 minutes",
              "Weekly active posters", "Time to first reply"};
  }
  return {};
}

Placement Place(bool has_community_index,
                double community_index,
                const Boundary& boundary,
                bool provisional) {
  Placement p;
  p.placed = has_community_index && boundary.has_index;
  if (!p.placed)
    return p;
  p.community_index = community_index;
  p.boundary_index = boundary.index;
  p.provisional = provisional;
  const bool many = community_index >= kMapIndexCut;
  const bool closed = boundary.index >= kMapBoundaryCut;
  p.quadrant = closed ? (many ? Quadrant::kCloseKnitCommunity : Quadrant::kManagedGroup)
                      : (many ? Quadrant::kOpenCommunity : Quadrant::kAudience);
  return p;
}

}  // namespace meshcheck::classify
