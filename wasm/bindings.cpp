// JavaScript bindings of meshcheck::Session and the quiz (the only file that includes
// emscripten/bind.h).
//
// Marshalling only: every method forwards to the Session and converts values. Contracts:
// - Nothing throws across the boundary. Statuses come back as plain objects
//   {ok, code, name, id, message, input, byte, line} (code: meshcheck::StatusCode's number,
//   name: its stable lower-case name). A C++ exception escaping the core (out of memory at the
//   4 GB limit) is caught here and returned the same way.
// - buffer(n) returns a Uint8Array view into a C++-owned buffer of at least n bytes. The view is
//   invalidated by any call that may grow wasm memory: fetch it again before every fill.
//   pushBuffer(n) pushes its first n bytes. membersCsvBytes() returns such a view too (of a text
//   held until the next call of it): large texts leave without a JS string. drawnNetwork()
//   returns the part of the graph a page draws as typed arrays (copies), never the whole graph.
// - enableTimings() before the first input makes timings() return the seconds per phase
//   (meshcheck::PhaseTimings: tokenize, model, graph, metrics, classify, report), as the CLI's
//   --timings; reading the file is the caller's to time.
// - Numbers that are 64-bit in C++ (bytes, lines) arrive as JS numbers (exact below 2^53).
// - The quiz functions (meshcheck/quiz.h) take and give JSON text; "" = the default definition.
//   Built with MESHCHECK_WASM_QUIZ_ONLY, the module has only them (and version, wasmHeapBytes).
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <emscripten/val.h>

#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "meshcheck/options.h"
#include "meshcheck/quiz.h"
#include "meshcheck/session.h"
#include "meshcheck/status.h"
#include "meshcheck/version.h"

namespace {

using emscripten::val;
using meshcheck::Status;
using meshcheck::StatusCode;

val StatusToJs(const Status& status) {
  val out = val::object();
  out.set("ok", status.ok());
  out.set("code", static_cast<int>(status.code()));
  out.set("name", std::string(meshcheck::StatusCodeName(status.code())));
  out.set("id", status.id());
  out.set("message", status.message());
  out.set("input", status.location().input);
  out.set("byte", static_cast<double>(status.location().byte));
  out.set("line", static_cast<double>(status.location().line));
  return out;
}

// Runs `call` (returning a Status) and converts C++ exceptions into a returned status.
template <typename Call>
val Guarded(Call&& call) {
  try {
    return StatusToJs(call());
  } catch (const std::bad_alloc&) {
    return StatusToJs(Status(StatusCode::kLimitExceeded, "wasm.out_of_memory",
                             "The browser ran out of memory for this analysis (4 GB at most)."));
  } catch (const std::exception& e) {
    return StatusToJs(Status(StatusCode::kInternal, "wasm.exception", e.what()));
  }
}

// The Session, left out of the quiz-only module (meshcheck-quiz.mjs, wasm/CMakeLists.txt).
#ifndef MESHCHECK_WASM_QUIZ_ONLY
// A typed array (Uint8Array, Uint32Array, Float64Array: by T) holding a copy of `values`.
template <typename T>
val Copied(const std::vector<T>& values) {
  return val(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
}

std::vector<std::string> StringsFromJs(const val& array) {
  std::vector<std::string> out;
  if (!array.isArray())
    return out;
  const auto length = array["length"].as<unsigned>();
  for (unsigned i = 0; i < length; ++i) {
    const val item = array[i];
    if (item.isString())
      out.push_back(item.as<std::string>());
  }
  return out;
}

meshcheck::Options MakeOptions(const val& hosts,
                               bool pseudonymize,
                               double max_memory_bytes,
                               bool detect_bots) {
  meshcheck::Options options;
  options.hosts = StringsFromJs(hosts);
  options.pseudonymize = pseudonymize;
  options.max_memory_bytes = max_memory_bytes > 0 ? static_cast<uint64_t>(max_memory_bytes) : 0;
  options.detect_bots = detect_bots;
  return options;
}

class JsSession {
 public:
  JsSession(val hosts, bool pseudonymize) : JsSession(std::move(hosts), pseudonymize, 0) {}
  // maxMemoryBytes: Options::max_memory_bytes (0: no ceiling but the 4 GB of wasm memory).
  JsSession(val hosts, bool pseudonymize, double max_memory_bytes)
      : JsSession(std::move(hosts), pseudonymize, max_memory_bytes, true) {}
  // detectBots: Options::detect_bots (false: accounts the export does not mark are people).
  JsSession(val hosts, bool pseudonymize, double max_memory_bytes, bool detect_bots)
      : session_(MakeOptions(hosts, pseudonymize, max_memory_bytes, detect_bots)) {}

  // formatName: "" or "auto" to sniff, else a FormatName ("discord-json").
  val BeginInput(std::string name, double size_hint, std::string format_name) {
    return Guarded([&] {
      const auto format = format_name.empty() ? std::optional(meshcheck::Format::kAuto)
                                              : meshcheck::ParseFormatName(format_name);
      if (!format) {
        return Status(StatusCode::kInvalidArgument, "wasm.unknown_format",
                      "Unknown format name '" + format_name + "'.");
      }
      return session_.BeginInput({std::move(name), static_cast<uint64_t>(size_hint), *format});
    });
  }

  // A Uint8Array view of at least n bytes, or null if memory cannot grow that far.
  val Buffer(size_t n) {
    try {
      if (buffer_.size() < n)
        buffer_.resize(n);
    } catch (const std::bad_alloc&) {
      return val::null();
    }
    return val(emscripten::typed_memory_view(n, buffer_.data()));
  }

  val PushBuffer(size_t n) {
    return Guarded([&] {
      if (n > buffer_.size()) {
        return Status(StatusCode::kInvalidArgument, "wasm.push_past_buffer",
                      "pushBuffer(n) with n larger than the buffer.");
      }
      return session_.Push(std::string_view(reinterpret_cast<const char*>(buffer_.data()), n));
    });
  }

  val EndInput() {
    return Guarded([&] { return session_.EndInput(); });
  }
  val Finish() {
    return Guarded([&] { return session_.Finish(); });
  }
  std::string ReportJson() const { return session_.ReportJson(); }
  std::string SummaryText() const { return session_.SummaryText(); }
  // The interaction graph as tab-separated text (report::RenderEdgeList). Valid after finish().
  std::string GraphEdgeList() const { return session_.GraphEdgeList(); }
  // Everyone who posted as CSV (formula-injection safe). Valid after finish().
  std::string MembersCsv() const { return session_.MembersCsv(); }
  // The members CSV as a Uint8Array view of its UTF-8 bytes, held here until the next call or
  // delete(): no JS string and no second copy in wasm memory. Like buffer(), the view is
  // invalidated by any call that may grow wasm memory: copy it out (slice(), a Blob) at once.
  // Valid after finish(); frees buffer() (no input is pushed after finish()).
  val MembersCsvBytes() {
    return Hold([&] { return session_.MembersCsv(); });
  }
  // The part of the graph to draw (Session::DrawnNetwork), as {people, ties, member (Uint32Array),
  // host (Uint8Array), messages (Uint32Array), tieA, tieB (Uint32Array), weight (Float64Array)}:
  // copies, valid after any later call. Valid after finish(); frees buffer().
  val DrawnNetwork() {
    buffer_ = std::vector<uint8_t>();
    const meshcheck::NetworkCut& cut = session_.DrawnNetwork();
    val out = val::object();
    out.set("people", cut.people);
    out.set("ties", static_cast<double>(cut.ties));
    out.set("member", Copied(cut.member));
    out.set("host", Copied(cut.host));
    out.set("messages", Copied(cut.messages));
    out.set("tieA", Copied(cut.tie_a));
    out.set("tieB", Copied(cut.tie_b));
    out.set("weight", Copied(cut.weight));
    return out;
  }

  void EnableTimings() { session_.EnableTimings(); }

  val Timings() const {
    const meshcheck::PhaseTimings t = session_.timings();
    val out = val::object();
    out.set("tokenize", t.tokenize);
    out.set("model", t.model);
    out.set("graph", t.graph);
    out.set("metrics", t.metrics);
    out.set("classify", t.classify);
    out.set("report", t.report);
    return out;
  }

  val Progress() const {
    const meshcheck::Progress p = session_.progress();
    val out = val::object();
    out.set("bytes", static_cast<double>(p.bytes));
    out.set("events", static_cast<double>(p.events));
    out.set("inputs", p.inputs);
    return out;
  }

 private:
  // The text is made after the last one held and the read buffer are freed (both unused by
  // then), so it may take their place in wasm memory instead of growing it.
  template <typename Make>
  val Hold(Make&& make) {
    held_ = std::string();
    buffer_ = std::vector<uint8_t>();
    held_ = make();
    return val(emscripten::typed_memory_view(held_.size(),
                                             reinterpret_cast<const uint8_t*>(held_.data())));
  }

  meshcheck::Session session_;
  std::vector<uint8_t> buffer_;
  std::string held_;  // the text of the last *Bytes call
};
#endif  // MESHCHECK_WASM_QUIZ_ONLY

// Bytes of wasm linear memory currently reserved (grows, never shrinks).
double WasmHeapBytes() {
  return static_cast<double>(emscripten_get_heap_size());
}

std::string Version() {
  return meshcheck::kVersion;
}

// The quiz (meshcheck/quiz.h): documents in and out as JSON text. Each call returns a status
// object as above; on success it also carries the output under `field`.
template <typename Call>
val QuizCall(const char* field, Call&& call) {
  std::string output;
  val out = Guarded([&] { return call(&output); });
  if (out["ok"].as<bool>())
    out.set(field, output);
  return out;
}

std::string QuizDefaultDefinition() {
  return meshcheck::DefaultQuizDefinition();
}

val QuizCheckDefinition(std::string definition) {
  return Guarded([&] { return meshcheck::CheckQuizDefinition(definition); });
}

// {ok, ..., result, text}: result is the quiz-result/v1 JSON, text its summary.
val QuizScore(std::string definition, std::string answers, std::string report) {
  meshcheck::QuizScore score;
  val out = Guarded([&] { return meshcheck::ScoreQuiz(definition, answers, report, &score); });
  if (out["ok"].as<bool>()) {
    out.set("result", score.result_json);
    out.set("text", score.summary_text);
  }
  return out;
}

val QuizEncodeAnswers(std::string definition, std::string answers) {
  return QuizCall("code", [&](std::string* code) {
    return meshcheck::EncodeQuizAnswers(definition, answers, code);
  });
}

val QuizDecodeAnswers(std::string definition, std::string code) {
  return QuizCall("answers", [&](std::string* answers) {
    return meshcheck::DecodeQuizAnswers(definition, code, answers);
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(meshcheck) {
#ifndef MESHCHECK_WASM_QUIZ_ONLY
  emscripten::class_<JsSession>("Session")
      .constructor<val, bool>()
      .constructor<val, bool, double>()
      .constructor<val, bool, double, bool>()
      .function("beginInput", &JsSession::BeginInput)
      .function("buffer", &JsSession::Buffer)
      .function("pushBuffer", &JsSession::PushBuffer)
      .function("endInput", &JsSession::EndInput)
      .function("finish", &JsSession::Finish)
      .function("reportJson", &JsSession::ReportJson)
      .function("summaryText", &JsSession::SummaryText)
      .function("graphEdgeList", &JsSession::GraphEdgeList)
      .function("membersCsv", &JsSession::MembersCsv)
      .function("drawnNetwork", &JsSession::DrawnNetwork)
      .function("membersCsvBytes", &JsSession::MembersCsvBytes)
      .function("progress", &JsSession::Progress)
      .function("enableTimings", &JsSession::EnableTimings)
      .function("timings", &JsSession::Timings);
#endif
  emscripten::function("wasmHeapBytes", &WasmHeapBytes);
  emscripten::function("version", &Version);
  emscripten::function("quizDefaultDefinition", &QuizDefaultDefinition);
  emscripten::function("quizCheckDefinition", &QuizCheckDefinition);
  emscripten::function("quizScore", &QuizScore);
  emscripten::function("quizEncodeAnswers", &QuizEncodeAnswers);
  emscripten::function("quizDecodeAnswers", &QuizDecodeAnswers);
}
