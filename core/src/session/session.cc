#include "meshcheck/session.h"

#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "classify/verdict.h"
#include "graph/interaction_graph.h"
#include "ingest/detect.h"
#include "ingest/reader.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/structure.h"
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
    reader.reset();
    Current().status = std::move(status);
    return Current().status;
  }
  Status StartReader(Format format);
  Status Sniff(bool complete);
  Status Feed(std::string_view bytes);
  report::ReportInput ReportData() const;

  Options options;
  base::Diagnostics diagnostics;
  model::Dataset dataset{&diagnostics};
  std::vector<report::InputSummary> inputs;
  Status session_error;

  bool in_input = false;
  std::string head;  // Leading bytes held back until the format is known.
  std::unique_ptr<ingest::Reader> reader;
  uint64_t records_at_begin = 0;
  uint64_t bytes = 0;

  bool finished = false;
  metrics::GroupFacts facts;
  metrics::HostSet hosts;
  metrics::StructureMeasures measures;
  classify::Verdict verdict;
  graph::InteractionGraph graph;
  std::string report_json;
};

Status Session::Impl::StartReader(Format format) {
  Current().format = format;
  ingest::ReaderContext context;
  context.sink = &dataset;
  context.diagnostics = &diagnostics;
  context.input = InputIndex();
  context.name = Current().name;
  reader = ingest::MakeReader(format, context);
  if (!reader) {
    return InputError(
        Status(StatusCode::kUnsupportedFormat, "ingest.no_reader",
               std::string("meshcheck has no reader for ") + FormatName(format) + " yet.",
               Location{InputIndex(), 0, 0}));
  }
  return Status::Ok();
}

Status Session::Impl::Sniff(bool complete) {
  const bool enough = head.size() >= ingest::kSniffBytes;
  const ingest::Detection d = ingest::Detect(head, Current().name, complete || enough);
  if (d.state == ingest::Detection::State::kNeedMore)
    return Status::Ok();
  if (d.state == ingest::Detection::State::kUnknown) {
    return InputError(ingest::UnsupportedInput(d, Current().name, InputIndex()));
  }
  Status s = StartReader(d.format);
  if (!s.ok())
    return s;
  std::string held;
  held.swap(head);
  return Feed(held);
}

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
  s.head.clear();
  s.reader.reset();
  s.records_at_begin = s.dataset.messages().size() + s.dataset.duplicates();
  s.dataset.BeginInput(s.InputIndex());
  if (input.format != Format::kAuto)
    return s.StartReader(input.format);
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
  if (s.reader)
    return s.Feed(chunk);
  s.head.append(chunk);
  return s.Sniff(false);
}

Status Session::EndInput() {
  Impl& s = *impl_;
  if (!s.session_error.ok())
    return s.session_error;
  if (!s.in_input)
    return s.Misuse("EndInput without BeginInput.");
  s.in_input = false;
  report::InputSummary& current = s.Current();
  if (current.status.ok() && !s.reader)
    s.Sniff(true);
  if (current.status.ok() && s.reader) {
    Status end = s.reader->End();
    if (!end.ok())
      s.InputError(std::move(end));
  }
  s.reader.reset();
  s.head.clear();
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
  s.graph = graph::InteractionGraph::Build(s.dataset);
  s.hosts = metrics::DetectHosts(s.dataset, s.facts, s.options.hosts);
  s.measures = metrics::ComputeStructure(s.dataset, s.graph, s.facts, s.hosts);
  s.verdict = classify::Classify(s.facts, s.hosts, s.measures);
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
