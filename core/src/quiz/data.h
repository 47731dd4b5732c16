// What the quiz needs from a meshcheck report (schema meshcheck.report/v1): the Community Index,
// the label and confidence, each index component's score, and why a measure is missing. Read
// from the report's JSON, the contract between the core's modules and its users, so the quiz
// depends on base only.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quiz/components.h"

namespace meshcheck::quiz {

struct ComponentData {
  // In the report, available, and not a stand-in for another measure (note "fallback: ...").
  bool measured = false;
  double raw = 0;    // The measure's value (a share for PRS, ORR, PRC, MIS).
  double score = 0;  // Normalised to [0, 1] by the C.1 anchors.
  std::string why;   // Why it is not measured (the report's words), when !measured.
};

struct DataView {
  std::optional<double> community_index;  // CI 0-100; nullopt when nobody wrote anything.
  std::string label;                      // verdict.label ("insufficient_data", "community"...)
  std::string title;                      // verdict.title
  std::string provisional_label;          // verdict.provisional_label (label if sufficient)
  std::string confidence;                 // "low", "medium", "high"
  std::array<ComponentData, kComponentCount> components;  // Indexed by Component.
  // The two measures behind AUT (C.1 component 2), when the report has them: HSR, the practical
  // test (peer replies on host-silent days / on host-active days), and MOC (conversations
  // without a host message / all conversations).
  std::optional<double> host_silent_survival;
  std::optional<double> hostless_conversations;
  // What to collect for a firmer reading: the data floors missed, then the caveats.
  std::vector<std::string> collect;
};

// Reads a report; throws Invalid if it is not a meshcheck.report/v1 document with a verdict.
// Unknown keys are ignored (reports grow within v1).
DataView ParseReport(std::string_view report_json);

}  // namespace meshcheck::quiz
