// Test helpers for the JSON tokenizer: its events and nlohmann's SAX events recorded as one
// comparable list of strings, and runners that feed a document whole or in chunks.
#pragma once

#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/json_stream.h"
#include "test_files.h"

namespace meshcheck::testing {

// "float:" events carry the raw text and the exact bits of the double, so -0.0 and 0.0 differ.
inline std::string FloatEvent(double value, std::string_view raw) {
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return "float:" + std::string(raw) + "=" + std::to_string(bits);
}

// Records every event of ingest::JsonTokenizer. `stop_after` > 0 makes the handler return
// false on that event (1-based).
struct EventRecorder {
  std::vector<std::string> events;
  size_t stop_after = 0;

  bool Add(std::string event) {
    events.push_back(std::move(event));
    return stop_after == 0 || events.size() < stop_after;
  }
  bool null() { return Add("null"); }
  bool boolean(bool v) { return Add(v ? "true" : "false"); }
  bool number_integer(int64_t v) { return Add("int:" + std::to_string(v)); }
  bool number_unsigned(uint64_t v) { return Add("uint:" + std::to_string(v)); }
  bool number_float(double v, std::string_view raw) { return Add(FloatEvent(v, raw)); }
  bool string(std::string_view v) { return Add("str:" + std::string(v)); }
  bool key(std::string_view v) { return Add("key:" + std::string(v)); }
  bool start_object() { return Add("{"); }
  bool end_object() { return Add("}"); }
  bool start_array() { return Add("["); }
  bool end_array() { return Add("]"); }
};

// The same record from nlohmann::json's SAX interface.
struct NlohmannRecorder : nlohmann::json_sax<nlohmann::json> {
  std::vector<std::string> events;

  bool null() override { return Add("null"); }
  bool boolean(bool v) override { return Add(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return Add("int:" + std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Add("uint:" + std::to_string(v)); }
  bool number_float(number_float_t v, const string_t& raw) override {
    return Add(FloatEvent(v, raw));
  }
  bool string(string_t& v) override { return Add("str:" + v); }
  bool binary(binary_t&) override { return Add("binary"); }
  bool start_object(std::size_t) override { return Add("{"); }
  bool key(string_t& v) override { return Add("key:" + v); }
  bool end_object() override { return Add("}"); }
  bool start_array(std::size_t) override { return Add("["); }
  bool end_array() override { return Add("]"); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool Add(std::string event) {
    events.push_back(std::move(event));
    return true;
  }
};

struct TokenizeResult {
  std::vector<std::string> events;
  bool ok = false;
  ingest::JsonError error;
  uint64_t values = 0;
  uint64_t repaired = 0;

  // Everything observable, for comparing chunkings in one assertion.
  std::string Summary() const {
    std::string out = ok ? "ok" : "error";
    out += " kind=" + std::to_string(static_cast<int>(error.kind)) +
           " offset=" + std::to_string(error.offset) + " line=" + std::to_string(error.line) +
           " values=" + std::to_string(values) + " repaired=" + std::to_string(repaired) +
           " message=" + error.message;
    return out;
  }
};

// Tokenizes `data` in chunks of `chunk` bytes (0 = whole), each chunk in its own buffer so a
// view that outlives its chunk is caught by the sanitizers.
inline TokenizeResult Tokenize(std::string_view data,
                               size_t chunk,
                               ingest::JsonLimits limits = {},
                               size_t stop_after = 0) {
  EventRecorder recorder;
  recorder.stop_after = stop_after;
  ingest::JsonTokenizer<EventRecorder> tokenizer(&recorder, limits);
  TokenizeResult result;
  bool ok = true;
  for (std::string_view piece : Chunks(data, chunk)) {
    const std::string copy(piece);
    if (!(ok = tokenizer.Push(copy)))
      break;
  }
  result.ok = ok && tokenizer.Finish();
  result.events = std::move(recorder.events);
  result.error = tokenizer.error();
  result.values = tokenizer.values();
  result.repaired = tokenizer.repaired_utf8();
  return result;
}

struct NlohmannResult {
  std::vector<std::string> events;
  bool ok = false;
};

// nlohmann's strict SAX parse of the same bytes.
inline NlohmannResult NlohmannEvents(std::string_view data) {
  NlohmannRecorder recorder;
  NlohmannResult result;
  result.ok = nlohmann::json::sax_parse(data.begin(), data.end(), &recorder);
  result.events = std::move(recorder.events);
  return result;
}

}  // namespace meshcheck::testing
