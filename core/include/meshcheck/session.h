// Session: the one entry point of the core, used identically by the CLI and the wasm module.
//
//   Session s(options);
//   s.BeginInput({name, size_hint, Format::kAuto});  // format sniffed from the first bytes
//   s.Push(chunk); ...                                // chunks may split anywhere
//   s.EndInput();                                     // flush; a truncated record is a diagnostic
//   ... more inputs ...
//   s.Finish();  s.ReportJson();
//
// Contracts:
// - Inputs are read one at a time: BeginInput, any number of Push, EndInput.
// - Chunks may split anywhere: mid-UTF-8 sequence, mid-token, mid-line. The result never depends
//   on how the input was split.
// - Memory grows with members, messages' compact records and edges, never with input bytes.
// - An input error (unreadable or damaged input) is sticky for that input: every later Push
//   returns it, EndInput returns it, the events read before it are kept and the report lists the
//   input with its error, and with its size hint as its bytes (so the report does not depend on
//   where the caller stopped pushing). The next BeginInput starts clean.
// - A session error (API misuse, a memory limit) is sticky for the session: every later call
//   returns it.
// - Bad records inside a readable input are skipped and counted in the report's diagnostics.
// - Nothing here throws.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "meshcheck/network_cut.h"
#include "meshcheck/options.h"
#include "meshcheck/status.h"

namespace meshcheck {

struct Progress {
  uint64_t bytes = 0;   // Bytes pushed over all inputs.
  uint64_t events = 0;  // Normalized events read over all inputs.
  int32_t inputs = 0;   // Inputs begun.
};

// Wall-clock seconds per phase, for `meshcheck analyze --timings` and the benchmarks (never in
// the report). Push: tokenize (the readers) and model (the dataset's records); Finish: model
// (sorting and resolving), graph, metrics, classify (the verdict, and whatever else Finish
// does) and report (rendering). Reading the files is the caller's.
struct PhaseTimings {
  double tokenize = 0;
  double model = 0;
  double graph = 0;
  double metrics = 0;
  double classify = 0;
  double report = 0;
};

class Session {
 public:
  explicit Session(Options options = {});
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  Status BeginInput(const InputInfo& input);
  Status Push(std::string_view chunk);
  Status EndInput();
  // Call once, after the last EndInput: builds the graph, the measures and the verdict.
  Status Finish();
  // The report (schema meshcheck.report/v1), deterministic byte for byte. Valid after Finish.
  std::string ReportJson() const;
  // A plain-text summary of the report for a terminal (verdict, reasons, inputs, problems).
  // Valid after Finish.
  std::string SummaryText() const;
  // The interaction graph as tab-separated text (see report::RenderEdgeList), for checking the
  // graph measures against an independent implementation. Valid after Finish.
  std::string GraphEdgeList() const;
  // The same text without holding it whole: `total` is told its size in bytes, then `piece`
  // gets it in order, in pieces of whole lines of about 1 MiB (a view valid during the call).
  // Nothing is called before Finish or after a failed one.
  void WriteGraphEdgeList(const std::function<void(uint64_t bytes)>& total,
                          const std::function<void(std::string_view piece)>& piece) const;
  // The part of the interaction graph a page draws: its 4,000 most active people and the 12,000
  // strongest ties between them (report::CutNetwork), with the whole graph's size, cut by
  // Finish while it holds the edges, so that a page never holds the whole graph. Valid after
  // Finish (empty before it or after a failed one).
  const NetworkCut& DrawnNetwork() const;
  // Every person who posted, with their counts and roles, as CSV (see report::RenderMembersCsv;
  // formula-injection safe). Names are pseudonyms unless the options reveal them. Valid after
  // Finish.
  std::string MembersCsv() const;

  Progress progress() const;
  // Call before the first input to measure timings() (a clock read per message: about 1%).
  void EnableTimings();
  PhaseTimings timings() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace meshcheck
