#include "quiz/score.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace meshcheck::quiz {
namespace {

using Standing = std::array<double, kComponentCount>;

double ItemScore(const DiagnosticItem& item, int answer) {
  return static_cast<double>(answer) / static_cast<double>(item.answers.size() - 1);
}

// C.6 Part 1: PCS = 100 x sum(w_i q_i / q_max) / sum(w_i); with weights summing to 1 and
// answers 0-4 this is 25 x sum(w_i q_i).
double SelfScore(const Definition& d, const std::vector<double>& item_scores) {
  double weighted = 0;
  double weights = 0;
  for (size_t i = 0; i < d.diagnostic.size(); ++i) {
    weighted += d.diagnostic[i].weight * item_scores[i];
    weights += d.diagnostic[i].weight;
  }
  return Round1(100 * weighted / weights);
}

// Each component's standing s_k: the data's score if the report measured it, else the mean
// self-view of the items that check it, else kUnknownStanding.
Standing Standings(const Definition& d,
                   const std::vector<double>& item_scores,
                   const DataView* data) {
  Standing standing;
  for (Component c : kComponents) {
    const auto k = static_cast<size_t>(c);
    if (data && data->components[k].measured) {
      standing[k] = data->components[k].score;
      continue;
    }
    double sum = 0;
    int count = 0;
    for (size_t i = 0; i < d.diagnostic.size(); ++i) {
      const auto& checks = d.diagnostic[i].checks;
      if (std::find(checks.begin(), checks.end(), c) != checks.end()) {
        sum += item_scores[i];
        ++count;
      }
    }
    standing[k] = count > 0 ? sum / count : kUnknownStanding;
  }
  return standing;
}

double Room(Component c, const Standing& standing) {
  return Info(c).weight * (1 - standing[static_cast<size_t>(c)]);
}

std::vector<RoadmapStep> Roadmap(const Definition& d, const Result& r, const Standing& standing) {
  std::vector<RoadmapStep> steps;
  for (size_t i : r.checklist) {
    RoadmapStep step;
    step.practice = i;
    step.answer = r.answers.practices[i];
    step.gap = 1 - static_cast<double>(d.scale[step.answer].points) / d.max_points;
    if (step.gap <= 0)
      continue;  // In place.
    double room = 0;
    for (Component c : d.practices[i].moves) {
      room += Room(c, standing);
      if (!step.target || Room(c, standing) > Room(*step.target, standing))
        step.target = c;
    }
    step.priority = step.gap * room;
    steps.push_back(step);
  }
  std::stable_sort(steps.begin(), steps.end(), [](const RoadmapStep& a, const RoadmapStep& b) {
    return a.priority != b.priority ? a.priority > b.priority : a.gap > b.gap;
  });
  return steps;
}

ItemCheck Check(const Definition& d, const Result& r, size_t i, const DataView& data) {
  ItemCheck check;
  check.item = i;
  check.claim = r.item_scores[i];
  double sum = 0;
  for (Component c : d.diagnostic[i].checks) {
    const ComponentData& cd = data.components[static_cast<size_t>(c)];
    if (cd.measured) {
      check.measured.push_back(c);
      sum += cd.score;
    }
  }
  if (check.measured.empty())
    return check;
  check.evidence = sum / static_cast<double>(check.measured.size());
  const double gap = check.claim - *check.evidence;
  // A tiny epsilon keeps an exact one-step difference (0.75 vs 0.5) consistent.
  if (std::abs(gap) <= kItemTolerance + 1e-9) {
    check.verdict = Verdict::kConsistent;
  } else {
    check.verdict = Verdict::kContradicted;
    check.direction = gap > 0 ? Direction::kHigher : Direction::kLower;
  }
  return check;
}

Lead LeadOf(const DataView& data) {
  if (data.label == "insufficient_data" || !data.community_index)
    return Lead::kQuiz;
  if (data.confidence == "high")
    return Lead::kData;
  return data.confidence == "medium" ? Lead::kBoth : Lead::kQuiz;
}

Comparison Compare(const Definition& d, const Result& r, const DataView& data) {
  Comparison c;
  c.data = data;
  c.data_level = ParseLevelId(data.provisional_label);
  if (!c.data_level && data.community_index)
    c.data_level = LevelOf(*data.community_index);
  for (size_t i = 0; i < d.diagnostic.size(); ++i)
    c.items.push_back(Check(d, r, i, data));
  c.lead = LeadOf(data);
  if (!data.community_index)
    return c;
  c.delta = Round1(r.self_score - *data.community_index);
  if (*c.delta > kAlignedDelta)
    c.outcome = Outcome::kOptimistic;
  else if (*c.delta < -kAlignedDelta)
    c.outcome = Outcome::kHiddenCommunity;
  else
    c.outcome = c.data_level == r.level ? Outcome::kAligned : Outcome::kNearEdge;
  return c;
}

}  // namespace

double Round1(double x) {
  return std::round(x * 10) / 10;
}

Result Score(const Definition& d, const Answers& answers, const DataView* data) {
  Result r;
  r.answers = answers;
  r.persona = FindPersona(d, answers.persona);
  for (size_t i = 0; i < d.diagnostic.size(); ++i)
    r.item_scores.push_back(ItemScore(d.diagnostic[i], answers.diagnostic[i]));
  r.self_score = SelfScore(d, r.item_scores);
  r.level = LevelOf(r.self_score);
  for (size_t i = 0; i < d.practices.size(); ++i) {
    if (!Applies(d.practices[i], answers.persona))
      continue;
    r.checklist.push_back(i);
    r.points += d.scale[answers.practices[i]].points;
    r.max_points += d.max_points;
  }
  r.practice_score = Round1(100.0 * r.points / r.max_points);
  r.roadmap = Roadmap(d, r, Standings(d, r.item_scores, data));
  if (data)
    r.comparison = Compare(d, r, *data);
  return r;
}

}  // namespace meshcheck::quiz
