// The verdict: Community Index, label, confidence and plain-language reasons (ANALYSIS.md C).
#pragma once

#include <string>
#include <vector>

#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/structure.h"

namespace meshcheck::classify {

enum class Label : uint8_t {
  kInsufficientData,
  kBroadcastAudience,
  kEngagedAudience,
  kEmergingCommunity,
  kCommunity,
};
const char* LabelName(Label label);   // "community", "insufficient_data", ...
const char* LabelTitle(Label label);  // "Community", "Insufficient data", ...

enum class Confidence : uint8_t { kLow, kMedium, kHigh };
const char* ConfidenceName(Confidence confidence);  // "low", "medium", "high"

struct Component {
  std::string id;  // "PRS", "ORR", "PRC", "MIS"
  bool available = false;
  double raw = 0;
  double score = 0;  // Normalised to [0, 1].
  double weight = 0;
  std::string note;  // E.g. "fallback: PRS" when a fallback stood in.
};

struct Verdict {
  Label label = Label::kInsufficientData;
  // What the data points to even when it is insufficient (equal to label otherwise).
  Label provisional = Label::kInsufficientData;
  bool has_index = false;
  double index = 0;  // Community Index, 0-100.
  Confidence confidence = Confidence::kLow;
  std::vector<Component> components;
  std::vector<std::string> reasons;       // Why this label, citing the numbers.
  std::vector<std::string> caveats;       // What lowers confidence.
  std::vector<std::string> insufficient;  // Which data floor was missed.
};

Verdict Classify(const metrics::GroupFacts& facts,
                 const metrics::HostSet& hosts,
                 const metrics::StructureMeasures& measures);

// Maps raw to [0, 1] with raw a -> 0 and raw c -> 1, clamped.
double Normalize(double raw, double a, double c);

}  // namespace meshcheck::classify
