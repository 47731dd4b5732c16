#include "classify/recommend.h"

#include <algorithm>
#include <cmath>

#include "classify/constants.h"
#include "classify/percent.h"

namespace meshcheck::classify {
namespace {

// The measure behind a component, its target and the sentence; false if unknown.
bool Describe(const Component& c, const metrics::StructureMeasures& m, Weakness* w) {
  const std::string value = Percent(c.raw);
  if (c.id == "PRS") {
    w->measure = "peer_reply_share";
    w->target = kPrsAnchor.c;
    w->text = value + " of replies are between members (a community reaches " +
              Percent(kPrsAnchor.c) +
              "): invite members to answer each other, and hold back before you answer.";
  } else if (c.id == "AUT") {
    const bool hsr = m.host_silent_survival.available;
    w->measure = hsr ? "host_silent_survival" : "hostless_conversations";
    w->target = hsr ? kHsrAnchor.c : kMocAnchor.c;
    w->text = hsr ? "When you were silent, members kept " + Percent(m.host_silent_survival.value) +
                        " of their exchanges going (a community keeps " + Percent(kHsrAnchor.c) +
                        "): give members spaces and rituals that run without you."
                  : Percent(m.hostless_conversations.value) +
                        " of conversations went on without you (a community reaches " +
                        Percent(kMocAnchor.c) +
                        "): give members a space of their own, and try a planned two-week "
                        "pause to see what carries on.";
    w->value = hsr ? m.host_silent_survival.value : m.hostless_conversations.value;
    return true;
  } else if (c.id == "ORR") {
    w->measure = "organic_response_rate";
    w->target = kOrrAnchor.c;
    w->text = "Another member answered first in " + value +
              " of the discussions members started (a community reaches " + Percent(kOrrAnchor.c) +
              "): let members answer first, and recognise those who do.";
  } else if (c.id == "HRC") {
    w->measure = "host_removed_connectivity";
    w->target = kHrcAnchor.c;
    w->text = "Without you, " + value +
              " of members stay tied to each other by repeated replies (a community reaches " +
              Percent(kHrcAnchor.c) +
              "): bring members together around shared work, meetups or smaller circles.";
  } else if (c.id == "PRC") {
    w->measure = "peer_reciprocity";
    w->target = kPrcAnchor.c;
    w->text = "Replies go both ways between " + value + " of member pairs (a community reaches " +
              Percent(kPrcAnchor.c) +
              "): pair people up: mentoring, skill-sharing, projects done together.";
  } else if (c.id == "MIS") {
    w->measure = "member_initiated_discussions";
    w->target = kMisAnchor.c;
    w->text = "Members started " + value + " of the discussions (a community reaches " +
              Percent(kMisAnchor.c) +
              "): ask members to bring their own questions and work, and showcase them.";
  } else {
    return false;
  }
  w->value = c.raw;
  return true;
}

}  // namespace

std::vector<Weakness> Weaknesses(const Verdict& verdict, const metrics::Measures& measures) {
  std::vector<Weakness> out;
  for (const Component& c : verdict.components) {
    if (!c.available || c.score >= 1 || c.note.rfind("fallback", 0) == 0)
      continue;
    Weakness w;
    w.component = c.id;
    w.gap = c.weight * (1 - c.score);
    if (Describe(c, measures.structure, &w))
      out.push_back(std::move(w));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Weakness& a, const Weakness& b) { return a.gap > b.gap; });
  if (out.size() > kMaxWeaknesses)
    out.resize(kMaxWeaknesses);
  return out;
}

}  // namespace meshcheck::classify
