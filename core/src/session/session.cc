#include "meshcheck/session.h"

#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "classify/verdict.h"
#include "graph/interaction_graph.h"
#include "ingest/input_reader.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measures.h"
#include "metrics/params.h"
#include "model/dataset.h"
#include "report/report.h"

namespace meshcheck {

struct Session::Impl {
  explicit Impl(Options o) : options(std::move(o)) {}

  Status Fail(Status status) {
    if (session_error.ok())
      session_error = std::move(status);
    return session_error;
  }
  Status Misuse(const char* what) {
    return Fail(Status(StatusCode::kInvalidArgument, "session.misuse", what));
  }
  report::InputSummary& Current() { return inputs.back(); }
  int32_t InputIndex() const { return static_cast<int32_t>(inputs.size()) - 1; }

  // Records an input error (sticky until the next BeginInput).
  Status InputError(Status status) {
    Current().format = reader->format();
    reader.reset();
    Current().status = std::move(status);
    return Current().status;
  }
  Status Feed(std::string_view bytes);
  report::ReportInput ReportData() const;

  Options options;
  base::Diagnostics diagnostics;
  model::Dataset dataset{&diagnostics};
  std::vector<report::InputSummary> inputs;
  Status session_error;

  bool in_input = false;
  std::unique_ptr<ingest::InputReader> reader;
  uint64_t records_at_begin = 0;
  uint64_t bytes = 0;

  bool finished = false;
  metrics::GroupFacts facts;
  metrics::HostSet hosts;
  metrics::Measures measures;
  classify::Verdict verdict;
  graph::InteractionGraph graph;
  std::string report_json;
};

Status Session::Impl::Feed(std::string_view chunk) {
  Status s = reader->Push(chunk);
  if (!s.ok())
    return InputError(std::move(s));
  return s;
}

report::ReportInput Session::Impl::ReportData() const {
  report::ReportInput in;
  in.options = &options;
  in.inputs = &inputs;
  in.diagnostics = &diagnostics;
  in.data = &dataset;
  in.facts = &facts;
  in.hosts = &hosts;
  in.measures = &measures;
  in.verdict = &verdict;
  return in;
}

Session::Session(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Session::~Session() = default;

Status Session::BeginInput(const InputInfo& input) {
  Impl& s = *impl_;
  if (!s.session_error.ok())
    return s.session_error;
  if (s.finished)
    return s.Misuse("BeginInput after Finish.");
  if (s.in_input)
    return s.Misuse("BeginInput before the previous input's EndInput.");
  s.in_input = true;
  report::InputSummary summary;
  summary.name = input.name;
  s.inputs.push_back(std::move(summary));
  s.records_at_begin = s.dataset.messages().size() + s.dataset.duplicates();
  s.dataset.BeginInput(s.InputIndex());
  ingest::ReaderContext context;
  context.sink = &s.dataset;
  context.diagnostics = &s.diagnostics;
  context.input = s.InputIndex();
  context.name = s.Current().name;
  context.options = &s.options;
  s.reader = std::make_unique<ingest::InputReader>(context, input.format);
  return Status::Ok();
}

Status Session::Push(std::string_view chunk) {
  Impl& s = *impl_;
  if (!s.session_error.ok())
    return s.session_error;
  if (!s.in_input)
    return s.Misuse("Push outside BeginInput/EndInput.");
  if (!s.Current().status.ok())
    return s.Current().status;
  s.bytes += chunk.size();
  s.Current().bytes += chunk.size();
  return s.Feed(chunk);
}

Status Session::EndInput() {
  Impl& s = *impl_;
  if (!s.session_error.ok())
    return s.session_error;
  if (!s.in_input)
    return s.Misuse("EndInput without BeginInput.");
  s.in_input = false;
  report::InputSummary& current = s.Current();
  if (current.status.ok()) {
    Status end = s.reader->End();
    if (!end.ok())
      s.InputError(std::move(end));
    else
      current.format = s.reader->format();
  }
  s.reader.reset();
  current.messages = s.dataset.messages().size() + s.dataset.duplicates() - s.records_at_begin;
  return current.status;
}

Status Session::Finish() {
  Impl& s = *impl_;
  if (!s.session_error.ok())
    return s.session_error;
  if (s.finished)
    return s.Misuse("Finish called twice.");
  if (s.in_input)
    return s.Misuse("Finish before EndInput.");
  s.finished = true;
  s.dataset.Finalize();
  s.facts = metrics::ComputeFacts(s.dataset);
  s.graph = graph::InteractionGraph::Build(s.dataset, metrics::kInference);
  s.hosts = metrics::DetectHosts(s.dataset, s.facts, s.options.hosts);
  s.measures = metrics::ComputeMeasures(s.dataset, s.graph, s.facts, s.hosts);
  std::vector<Format> formats;
  for (const report::InputSummary& in : s.inputs) {
    if (in.format != Format::kAuto)
      formats.push_back(in.format);
  }
  s.verdict = classify::Assess(s.dataset, s.facts, s.hosts, s.measures, formats);
  s.report_json = report::RenderReport(s.ReportData());
  bool any_ok = false;
  for (const report::InputSummary& in : s.inputs)
    any_ok |= in.status.ok();
  if (!any_ok) {
    return s.inputs.empty()
               ? Status(StatusCode::kInvalidArgument, "session.no_input", "No input was given.")
               : s.inputs.front().status;
  }
  return Status::Ok();
}

std::string Session::ReportJson() const {
  return impl_->report_json;
}

std::string Session::SummaryText() const {
  if (!impl_->finished)
    return {};
  return report::RenderSummary(impl_->ReportData());
}

std::string Session::GraphEdgeList() const {
  if (!impl_->finished)
    return {};
  return report::RenderEdgeList(impl_->ReportData(), impl_->graph);
}

Progress Session::progress() const {
  Progress p;
  p.bytes = impl_->bytes;
  p.events = impl_->dataset.messages().size();
  p.inputs = static_cast<int32_t>(impl_->inputs.size());
  return p;
}

}  // namespace meshcheck
