// Fuzz target: the push JSON tokenizer (ingest/json_stream.h), strict and repair modes. Beyond
// memory errors and undefined behaviour it checks the tokenizer's contract that the events and
// the error never depend on how the input is split: the payload is tokenized whole and in the
// chunks the input picks, and the two must agree.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "fuzz_input.h"
#include "ingest/json_stream.h"

namespace {

using meshcheck::ingest::JsonErrorKind;
using meshcheck::ingest::JsonLimits;
using meshcheck::ingest::JsonTokenizer;

// Folds every event into one 64-bit digest (FNV-1a).
struct Digest {
  uint64_t value = 1469598103934665603ull;
  uint64_t events = 0;

  bool Add(char tag, std::string_view bytes = {}) {
    ++events;
    Mix(static_cast<unsigned char>(tag));
    for (char c : bytes)
      Mix(static_cast<unsigned char>(c));
    return true;
  }
  void Mix(uint64_t byte) { value = (value ^ byte) * 1099511628211ull; }
  bool Number(char tag, const void* v, size_t n) {
    return Add(tag, std::string_view(static_cast<const char*>(v), n));
  }

  bool null() { return Add('n'); }
  bool boolean(bool v) { return Add(v ? 't' : 'f'); }
  bool number_integer(int64_t v) { return Number('i', &v, sizeof v); }
  bool number_unsigned(uint64_t v) { return Number('u', &v, sizeof v); }
  bool number_float(double v, std::string_view raw) {
    return Number('d', &v, sizeof v) && Add('r', raw);
  }
  bool string(std::string_view v) { return Add('s', v); }
  bool key(std::string_view v) { return Add('k', v); }
  bool start_object() { return Add('{'); }
  bool end_object() { return Add('}'); }
  bool start_array() { return Add('['); }
  bool end_array() { return Add(']'); }
};

struct Outcome {
  Digest digest;
  JsonErrorKind kind = JsonErrorKind::kNone;
  uint64_t offset = 0;
  uint64_t line = 0;
  uint64_t repaired = 0;
};

Outcome Tokenize(const std::vector<std::string_view>& chunks, const JsonLimits& limits) {
  Outcome out;
  JsonTokenizer<Digest> tokenizer(&out.digest, limits);
  bool ok = true;
  for (std::string_view chunk : chunks) {
    if (!(ok = tokenizer.Push(chunk)))
      break;
  }
  if (ok)
    tokenizer.Finish();
  out.kind = tokenizer.error().kind;
  out.offset = tokenizer.error().offset;
  out.line = tokenizer.error().line;
  out.repaired = tokenizer.repaired_utf8();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const meshcheck::fuzz::FuzzInput input(data, size);
  // Small limits so the fuzzer reaches them; the mode bits come from the control byte.
  JsonLimits limits;
  limits.max_depth = 64;
  limits.max_token_bytes = 4096;
  limits.multiple_values = input.control() & 4;
  limits.repair_utf8 = !(input.control() & 8);
  const Outcome whole = Tokenize({input.payload()}, limits);
  const Outcome split = Tokenize(input.Chunks(), limits);
  if (whole.digest.value != split.digest.value || whole.digest.events != split.digest.events ||
      whole.kind != split.kind || whole.offset != split.offset || whole.line != split.line ||
      whole.repaired != split.repaired) {
    std::abort();  // The result depends on the split: a contract violation.
  }
  return 0;
}
