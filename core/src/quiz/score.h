// Scoring a completed quiz (ANALYSIS.md C.6): the Perceived Connectedness Score and its level,
// the practice score, the unchecked practices ranked by expected effect, and, with a report,
// the reconciliation of what the visitor says with what the data says.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "quiz/answers.h"
#include "quiz/components.h"
#include "quiz/data.h"
#include "quiz/definition.h"

namespace meshcheck::quiz {

// A practice not (fully) in place, with its expected effect.
struct RoadmapStep {
  size_t practice = 0;  // Index in Definition::practices.
  int answer = 0;       // Scale index of the visitor's answer.
  double gap = 0;       // 1 - points / max_points: 1 for "no", 0.5 for "partly".
  // gap x sum over the components it moves of w_k (1 - s_k), where s_k is the component's
  // standing: the data's score when the report measured it, else the self-view (C.6 roadmap).
  double priority = 0;
  std::optional<Component> target;  // The moved component with the largest w_k (1 - s_k).
};

enum class Verdict : uint8_t { kConsistent, kContradicted, kNotMeasurable };
// A contradicted claim: the visitor rates the dimension higher (or lower) than the data does.
enum class Direction : uint8_t { kNone, kHigher, kLower };

// One diagnostic item: claim -> evidence -> verdict (C.6).
struct ItemCheck {
  size_t item = 0;                  // Index in Definition::diagnostic.
  double claim = 0;                 // answer / highest answer, 0-1.
  std::optional<double> evidence;   // Mean data score of the measured components it checks.
  std::vector<Component> measured;  // Those components.
  Verdict verdict = Verdict::kNotMeasurable;
  Direction direction = Direction::kNone;
};

// C.6: Aligned (|delta| <= 15, same band), Optimistic self-view (delta > 15), Hidden community
// (delta < -15), NearEdge (|delta| <= 15 but different bands), NotComparable (no index).
enum class Outcome : uint8_t { kAligned, kOptimistic, kHiddenCommunity, kNearEdge, kNotComparable };
// C.6 "which label leads": the data (High confidence), both (Medium), the quiz (Low or
// insufficient data: a provisional, self-reported label).
enum class Lead : uint8_t { kData, kBoth, kQuiz };

struct Comparison {
  DataView data;
  std::optional<Level> data_level;  // The band the data points to (its provisional label).
  std::optional<double> delta;      // PCS - CI, rounded to 0.1.
  Outcome outcome = Outcome::kNotComparable;
  Lead lead = Lead::kQuiz;
  std::vector<ItemCheck> items;  // One per diagnostic item, in definition order.
};

struct Result {
  Answers answers;
  int persona = -1;       // Index in Definition::personas, -1 if it has none.
  double self_score = 0;  // PCS, 0-100, rounded to 0.1.
  Level level = Level::kBroadcastAudience;
  std::vector<double> item_scores;  // Per diagnostic item, 0-1.
  std::vector<size_t> checklist;    // The practices that apply, in definition order.
  int points = 0;
  int max_points = 0;
  double practice_score = 0;             // PS = 100 x points / max, rounded to 0.1.
  std::vector<RoadmapStep> roadmap;      // Highest priority first; ties keep definition order.
  std::optional<Comparison> comparison;  // With a report only.
};

// Scores complete answers (Missing(definition, answers) is empty). `data` may be null.
Result Score(const Definition& definition, const Answers& answers, const DataView* data);

// x rounded to one decimal.
double Round1(double x);

}  // namespace meshcheck::quiz
