// The Community Index (ANALYSIS.md C.1), the label it points to (C.2 items 2-4) and the data
// floors (C.2 item 1 with C.7 fix 3): pure functions of measures and counts, shared by the
// headline verdict, the jackknife replicates and the timeline's periods.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "metrics/structure.h"
#include "metrics/tally.h"

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

struct Component {
  std::string id;  // "PRS", "AUT", "ORR", "HRC", "PRC", "MIS" (C.1 order)
  bool available = false;
  double raw = 0;    // The measure's value (AUT: its blend of HSR_n and MOC_n).
  double score = 0;  // Normalised to [0, 1].
  double weight = 0;
  std::string note;  // How it was obtained when not plainly ("fallback: PRS", ...).
};

// Maps raw to [0, 1] with raw a -> 0 and raw c -> 1, clamped.
double Normalize(double raw, double a, double c);

// The six components of C.1 from a group's measures, in C.1 order. In small-group mode (B.4
// item 7) only PRS, PRC and AUT count; the others are shown but unavailable.
std::vector<Component> IndexComponents(const metrics::StructureMeasures& m, bool small_group);
// CI = 100 sum(w_k s_k) / sum(w_k) over the available components; 0 if none is.
double IndexOf(const std::vector<Component>& components);

// What the label depends on besides the index.
struct LabelInputs {
  double index = 0;
  uint64_t messages = 0;
  double member_share = 0;  // Share of people's messages written by non-hosts.
  uint64_t reply_links = 0;
  bool prs_available = false;
  double prs = 0;
  bool hsr_available = false;
  double hsr = 0;
  bool hrr_available = false;
  double hrr = 0;
};
// `messages` and `host_messages`: people's messages and those by hosts; reply links come
// from m.reply_links.
LabelInputs LabelInputsOf(uint64_t messages,
                          uint64_t host_messages,
                          const metrics::StructureMeasures& m,
                          double index);
// The label the data points to, floors aside (C.2 items 2-4, C.7 fix 2).
Label DecideLabel(const LabelInputs& in);

// C.2 item 1 with C.7 fix 3: the data floors are about evidence. Returns the floors missed,
// in plain language (empty: the data is enough to judge).
struct FloorInputs {
  uint64_t messages = 0;
  uint64_t host_messages = 0;
  uint32_t non_host_posters = 0;
  uint64_t reply_links = 0;
  uint32_t span_days = 0;
  bool has_host = false;
  Label provisional = Label::kInsufficientData;  // DecideLabel's reading.
};
std::vector<std::string> Floors(const FloorInputs& in);

// C.2 item 1: members (non-hosts) write at least kParticipationShare of the messages.
bool MembersTakePart(uint64_t messages, uint64_t host_messages);
// C.7 fix 2: the many-to-many components must weigh how much conversation there is at all.
// True when at least kParticipationShare of the messages reply to another person.
bool PeopleConverse(uint64_t messages, uint64_t reply_links);

}  // namespace meshcheck::classify
