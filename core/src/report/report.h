// The report (schema meshcheck.report/v1, core/schema/report.v1.schema.json): the only JSON
// writer of the core. Output is deterministic byte for byte: fixed key order, members and
// channels in a fixed order, numbers printed in their shortest round-trip form. It never
// contains message text; member names are pseudonyms unless the options reveal them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "classify/verdict.h"
#include "graph/interaction_graph.h"
#include "meshcheck/options.h"
#include "meshcheck/status.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measures.h"
#include "model/dataset.h"
#include "model/scope.h"

namespace meshcheck::report {

struct InputSummary {
  std::string name;
  Format format = Format::kAuto;  // As detected (kAuto if it could not be placed).
  uint64_t bytes = 0;
  uint64_t messages = 0;  // Records the input delivered (duplicates included).
  Status status;          // The input's error, if any.
};

// A unit's own verdict (model/scope.h): a channel of the group, or one of several separate
// groups.
struct UnitVerdict {
  const model::Unit* unit = nullptr;
  uint64_t messages = 0;  // People's messages.
  uint32_t posters = 0;
  uint64_t host_messages = 0;
  classify::Label label = classify::Label::kInsufficientData;
  bool has_index = false;
  double index = 0;
  classify::Confidence confidence = classify::Confidence::kLow;
};

// A recommendation: a weak measure and the checklist practices that move it (ANALYSIS.md C.6).
struct Recommendation {
  std::string id;       // The index component's id, lower-cased ("prs").
  std::string measure;  // The report's `measures` key behind it.
  double value = 0;     // The measure's value...
  double target = 0;    // ...and where a community stands (the component's full-score anchor).
  std::string text;     // Plain language, citing the value.
  std::vector<std::string> practices;  // Ids of the default quiz definition's practices.
};

struct ReportInput {
  const Options* options = nullptr;
  const std::vector<InputSummary>* inputs = nullptr;
  const base::Diagnostics* diagnostics = nullptr;
  const model::Dataset* data = nullptr;
  const metrics::GroupFacts* facts = nullptr;
  const metrics::HostSet* hosts = nullptr;
  const metrics::Measures* measures = nullptr;
  const classify::Verdict* verdict = nullptr;
  const model::Scope* scope = nullptr;
  const std::vector<UnitVerdict>* units = nullptr;  // Largest first; empty for a single unit.
  const std::vector<Recommendation>* recommendations = nullptr;  // Weakest first.
};

std::string RenderReport(const ReportInput& in);

// A plain-text summary for a terminal: verdict, index, confidence, reasons, host, inputs and
// problems. Same privacy rules as the report.
std::string RenderSummary(const ReportInput& in);

// The members table as CSV (RFC 4180, CRLF line ends): a header
// "id,roles,messages,replies_to_members,replies_received,peer_answers,people_answered,
// active_weeks,first_day,last_day", then one row per person who posted, by messages
// (descending), then member index. Roles are joined by ';'. A cell that a spreadsheet would
// read as a formula (starting with '=', '+', '-', '@', a tab or a carriage return) gets a
// leading apostrophe. Names only if the options reveal them.
std::string RenderMembersCsv(const ReportInput& in);

// The interaction graph as tab-separated text, for checking the graph measures against an
// independent implementation (tests/oracle/graph_oracle.py). Bots never appear.
// - First one line per person who posted or is a host, by member index:
//   "node<TAB>index<TAB>is_host<TAB>messages" (is_host 0 or 1; messages 0 for a declared host
//   who wrote nothing). People who are only mentioned or react appear in edge lines only.
// - Then one line per ordered pair of people with any tie, sorted by (source, target):
//   "edge<TAB>source<TAB>target<TAB>replies<TAB>mentions<TAB>reactions<TAB>inferred", where
//   inferred counts the replies among `replies` that turn-taking inferred (ANALYSIS.md B.6).
// - Then one line per unordered pair of non-host people who replied to each other, sorted:
//   "tie<TAB>a<TAB>b<TAB>conversations<TAB>window_conversations": the distinct conversations
//   with a reply between them, overall and within HRC's window (B.1 item 4).
// - Then one line per connector (metrics/params.h), by member index: "connector<TAB>index".
// Indices are member indices (no names). `graph` must hold its edges, its conversation numbers and
// its replies (the ties are made from them).
std::string RenderEdgeList(const ReportInput& in, const graph::InteractionGraph& graph);

// Receives a text piece by piece, in order; a piece is valid during the call.
using PieceWriter = std::function<void(std::string_view piece)>;
// The size of the pieces WriteEdgeList hands over by default (whole lines, about this much).
inline constexpr size_t kEdgeListPieceBytes = size_t{1} << 20;

// RenderEdgeList's text without holding it whole: `total` is told its size in bytes, then
// `piece` gets it in pieces of whole lines, each ending at the first line end at or past
// `piece_bytes` (the last may be shorter).
void WriteEdgeList(const ReportInput& in,
                   const graph::InteractionGraph& graph,
                   const std::function<void(uint64_t)>& total,
                   const PieceWriter& piece,
                   size_t piece_bytes = kEdgeListPieceBytes);

// The member id used in reports: a pseudonym ("member-1a2b3c4d") or, if names are revealed,
// the display name.
std::string MemberLabel(const ReportInput& in, uint32_t member);

}  // namespace meshcheck::report
