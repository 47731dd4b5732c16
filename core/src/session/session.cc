#include "meshcheck/session.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/free_memory.h"
#include "base/phase_timer.h"
#include "classify/verdict.h"
#include "graph/interaction_graph.h"
#include "ingest/input_reader.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measures.h"
#include "metrics/params.h"
#include "model/bot_detection.h"
#include "model/dataset.h"
#include "model/event_pipe.h"
#include "model/scope.h"
#include "report/report.h"
#include "session/analysis.h"
#include "session/input_reservation.h"
#include "session/memory_limit.h"

namespace meshcheck {
namespace {

// Whether the dataset takes an input's events on a second thread (model/event_pipe.h), which
// the wasm module does not have (base/aside.h).
#if defined(__EMSCRIPTEN__)
constexpr bool kPipeEvents = false;
#else
constexpr bool kPipeEvents = true;
#endif

// Messages name at most this many groups (the largest).
constexpr size_t kNamedGroups = 5;

// Counts as bots the members the export does not mark but who behave like bots, and says so.
void MarkUnflaggedBots(const std::vector<std::string>& hosts,
                       model::Dataset* data,
                       base::Diagnostics* diagnostics) {
  const std::vector<model::DetectedBot> bots = model::DetectBots(*data, hosts);
  for (const model::DetectedBot& bot : bots)
    data->MarkBot(bot.member);
  if (bots.empty())
    return;
  diagnostics->Add("model.bots_detected", base::Severity::kInfo,
                   "Accounts the export does not mark as bots were counted as bots: a bot's "
                   "name, or following other messages within seconds nearly every time "
                   "(turn bot detection off to count them as people).",
                   Location{}, bots.size());
}

}  // namespace

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
  // Waits until the dataset holds the events handed to the pipe (if any), so it may be read: all
  // but the last chunk's.
  void Settle() {
    if (pipe) {
      const base::ScopedPhase model(base::Phase::kModel);
      pipe->Wait();
    }
  }
  // Makes room for the current input's messages and links once, when RecordsToReserve says how
  // many.
  void ReserveForInput();
  // Narrows the analysis to the groups the options name (Options::groups).
  Status Choose();
  report::ReportInput ReportData() const;

  Options options;
  base::Diagnostics diagnostics;
  model::Dataset dataset{&diagnostics};
  std::vector<report::InputSummary> inputs;
  Status session_error;

  bool in_input = false;
  // The current input's: the pipe (kPipeEvents) its reader sends events through, then the
  // reader (destroyed first).
  std::unique_ptr<model::EventPipe> pipe;
  std::unique_ptr<ingest::InputReader> reader;
  uint64_t records_at_begin = 0;
  uint64_t bytes = 0;
  // The current input: its size if known (InputInfo::size_hint), the messages and links held
  // before it, and whether ReserveForInput has acted.
  uint64_t size_hint = 0;
  size_t messages_at_begin = 0;
  size_t links_at_begin = 0;
  bool reserved = false;

  bool finished = false;
  // The part analysed when the options name groups (Options::groups); else unused.
  std::unique_ptr<model::Dataset> chosen;
  Analysis analysis;
  NetworkCut drawn;  // The headline analysis's (Analyze).
  model::Scope scope;
  std::vector<report::UnitVerdict> units;
  std::vector<report::Recommendation> recommendations;
  std::string report_json;
  bool timing = false;  // EnableTimings() was called.
  base::PhaseTimes times;
};

Status Session::Impl::Choose() {
  if (options.groups.empty())
    return Status::Ok();
  const std::vector<std::string_view> names(options.groups.begin(), options.groups.end());
  const std::vector<bool> keep = model::ChannelsNamed(dataset, names);
  if (keep.empty()) {
    std::string known;
    const model::Scope all = model::ScopeOf(dataset);
    for (size_t u = 0; u < all.units.size() && u < kNamedGroups; ++u)
      known += std::string(u == 0 ? "" : ", ") + std::string(dataset.Text(all.units[u].name));
    return Status(
        StatusCode::kInvalidArgument, "session.group_not_found",
        "No channel or group of the export has that name. Its largest are: " + known + ".");
  }
  chosen = std::make_unique<model::Dataset>(dataset.Subset(keep, &diagnostics));
  return Status::Ok();
}

Status Session::Impl::Feed(std::string_view chunk) {
  Status s = reader->Push(chunk);
  if (!s.ok())
    return InputError(std::move(s));
  return s;
}

void Session::Impl::ReserveForInput() {
  if (reserved)
    return;
  const size_t total = RecordsToReserve(
      Current().bytes, size_hint, dataset.messages().size() - messages_at_begin, messages_at_begin);
  if (total == 0)
    return;
  reserved = true;
  const size_t links = RecordsToReserve(Current().bytes, size_hint,
                                        dataset.links().size() - links_at_begin, links_at_begin);
  dataset.Reserve(total, links);
}

report::ReportInput Session::Impl::ReportData() const {
  report::ReportInput in;
  in.options = &options;
  in.inputs = &inputs;
  in.diagnostics = &diagnostics;
  in.data = chosen ? chosen.get() : &dataset;
  in.facts = &analysis.facts;
  in.hosts = &analysis.hosts;
  in.measures = &analysis.measures;
  in.verdict = &analysis.verdict;
  in.scope = &scope;
  in.units = &units;
  in.recommendations = &recommendations;
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
  s.size_hint = input.size_hint;
  s.messages_at_begin = s.dataset.messages().size();
  s.links_at_begin = s.dataset.links().size();
  s.reserved = false;
  s.dataset.BeginInput(s.InputIndex());
  ingest::ReaderContext context;
  if (kPipeEvents)
    s.pipe = std::make_unique<model::EventPipe>(&s.dataset);
  context.sink = s.pipe ? static_cast<model::EventSink*>(s.pipe.get()) : &s.dataset;
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
  const base::PhaseRecording recording(s.timing ? &s.times : nullptr, base::Phase::kTokenize);
  Status fed = s.Feed(chunk);
  s.Settle();
  s.ReserveForInput();
  Status memory = CheckMemoryLimit(s.dataset, s.options);
  if (s.pipe)
    s.pipe->Hand();  // The dataset takes this chunk's events while the next chunk is read.
  return memory.ok() ? fed : s.Fail(std::move(memory));
}

Status Session::EndInput() {
  Impl& s = *impl_;
  if (!s.session_error.ok())
    return s.session_error;
  if (!s.in_input)
    return s.Misuse("EndInput without BeginInput.");
  s.in_input = false;
  report::InputSummary& current = s.Current();
  {
    const base::PhaseRecording recording(s.timing ? &s.times : nullptr, base::Phase::kTokenize);
    if (current.status.ok()) {
      Status end = s.reader->End();
      if (!end.ok())
        s.InputError(std::move(end));
      else
        current.format = s.reader->format();
    }
    s.reader.reset();
    if (s.pipe) {
      const base::ScopedPhase model(base::Phase::kModel);
      s.pipe->Flush();
      s.pipe.reset();
    }
  }
  current.messages = s.dataset.messages().size() + s.dataset.duplicates() - s.records_at_begin;
  // Callers stop pushing at an input error, wherever their chunks end: a failed input counts
  // its size hint, so that the report does not depend on the split.
  if (!current.status.ok())
    current.bytes = std::max(current.bytes, s.size_hint);
  Status memory = CheckMemoryLimit(s.dataset, s.options);
  return memory.ok() ? current.status : s.Fail(std::move(memory));
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
  const base::PhaseRecording recording(s.timing ? &s.times : nullptr, base::Phase::kClassify);
  s.dataset.Finalize();
  if (s.options.detect_bots)
    MarkUnflaggedBots(s.options.hosts, &s.dataset, &s.diagnostics);
  Status chosen = s.Choose();
  if (!chosen.ok())
    return s.Fail(std::move(chosen));
  base::ReturnFreedMemory();  // What the reading left: the records' old blocks, the id index.
  const model::Dataset& data = s.chosen ? *s.chosen : s.dataset;
  std::vector<Format> formats;
  for (const report::InputSummary& in : s.inputs) {
    if (in.format != Format::kAuto)
      formats.push_back(in.format);
  }
  s.analysis = Analyze(data, s.options, formats, &s.drawn);
  s.scope = model::ScopeOf(data);
  s.units = AnalyzeUnits(data, s.scope, s.options, formats);
  s.recommendations = Recommend(s.analysis);
  if (!s.scope.one_group) {
    std::vector<std::string> names;
    for (size_t u = 0; u < s.scope.units.size() && u < kNamedGroups; ++u)
      names.emplace_back(data.Text(s.scope.units[u].name));
    classify::MarkSeparateGroups(s.scope.separate_groups, names, &s.analysis.verdict);
  }
  {
    const base::ScopedPhase phase(base::Phase::kReport);
    s.report_json = report::RenderReport(s.ReportData());
  }
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
  if (impl_->report_json.empty())  // Not finished, or Finish failed.
    return {};
  return report::RenderSummary(impl_->ReportData());
}

std::string Session::MembersCsv() const {
  if (impl_->report_json.empty())  // Not finished, or Finish failed.
    return {};
  return report::RenderMembersCsv(impl_->ReportData());
}

std::string Session::GraphEdgeList() const {
  std::string out;
  WriteGraphEdgeList([&](uint64_t bytes) { out.reserve(bytes); },
                     [&](std::string_view piece) { out.append(piece); });
  return out;
}

void Session::WriteGraphEdgeList(const std::function<void(uint64_t bytes)>& total,
                                 const std::function<void(std::string_view piece)>& piece) const {
  if (impl_->report_json.empty())  // Not finished, or Finish failed.
    return;
  // Rebuilt: the analysis does not keep its graph (session/analysis.h). The edges and the ties
  // are written, so the conversation lists, which neither needs, are freed before the edges are
  // collected.
  const report::ReportInput in = impl_->ReportData();
  graph::InteractionGraph graph =
      graph::InteractionGraph::Build(*in.data, metrics::kInference, graph::EdgeCollection::kLater);
  graph.ReleaseConversationMessages();
  graph.CollectEdges(*in.data);
  report::WriteEdgeList(in, graph, total, piece);
}

const NetworkCut& Session::DrawnNetwork() const {
  static const NetworkCut kEmpty;
  return impl_->report_json.empty() ? kEmpty : impl_->drawn;  // Not finished, or Finish failed.
}

void Session::EnableTimings() {
  impl_->timing = true;
}

PhaseTimings Session::timings() const {
  const base::PhaseTimes& t = impl_->times;
  PhaseTimings out;
  out.tokenize = t[base::Phase::kTokenize];
  out.model = t[base::Phase::kModel];
  out.graph = t[base::Phase::kGraph];
  out.metrics = t[base::Phase::kMetrics];
  out.classify = t[base::Phase::kClassify];
  out.report = t[base::Phase::kReport];
  return out;
}

Progress Session::progress() const {
  Progress p;
  p.bytes = impl_->bytes;
  p.events = impl_->dataset.messages().size();
  p.inputs = static_cast<int32_t>(impl_->inputs.size());
  return p;
}

}  // namespace meshcheck
