// The report (schema meshcheck.report/v1, core/schema/report.v1.schema.json): the only JSON
// writer of the core. Output is deterministic byte for byte: fixed key order, members and
// channels in a fixed order, numbers printed in their shortest round-trip form. It never
// contains message text; member names are pseudonyms unless the options reveal them.
#pragma once

#include <cstdint>
#include <string>
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

namespace meshcheck::report {

struct InputSummary {
  std::string name;
  Format format = Format::kAuto;  // As detected (kAuto if it could not be placed).
  uint64_t bytes = 0;
  uint64_t messages = 0;  // Records the input delivered (duplicates included).
  Status status;          // The input's error, if any.
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
};

std::string RenderReport(const ReportInput& in);

// A plain-text summary for a terminal: verdict, index, confidence, reasons, host, inputs and
// problems. Same privacy rules as the report.
std::string RenderSummary(const ReportInput& in);

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
// Indices are member indices (no names).
std::string RenderEdgeList(const ReportInput& in, const graph::InteractionGraph& graph);

// The member id used in reports: a pseudonym ("member-1a2b3c4d") or, if names are revealed,
// the display name.
std::string MemberLabel(const ReportInput& in, uint32_t member);

}  // namespace meshcheck::report
