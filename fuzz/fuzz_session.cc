// Fuzz target: the whole Session (meshcheck/session.h), as the CLI and the page drive it: one
// input named by the fuzz input (so the format is sniffed from the name and the bytes), pushed
// in the chunks the input picks, then Finish and every output. Nothing may crash, hang or leak,
// and a session's report must not depend on the split.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_input.h"
#include "meshcheck/session.h"

namespace {

std::string Analyse(const meshcheck::fuzz::FuzzInput& input, bool split) {
  meshcheck::Options options;
  options.pseudonymize = input.control() & 4;
  meshcheck::Session session(options);
  meshcheck::InputInfo info;
  info.name = input.name().empty() ? std::string("input") : std::string(input.name());
  info.size_hint = input.payload().size();
  meshcheck::Status status = session.BeginInput(info);
  if (split) {
    for (std::string_view chunk : input.Chunks()) {
      if (!(status = session.Push(chunk)).ok())
        break;
    }
  } else {
    status = session.Push(input.payload());
  }
  (void)session.EndInput();
  (void)session.Finish();
  std::string out = session.ReportJson();
  out += session.SummaryText();
  out += session.GraphEdgeList();
  return out;
}

// The line of `text` that holds byte `at`.
std::string_view LineAt(std::string_view text, size_t at) {
  const size_t newline = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  const size_t from = newline == std::string_view::npos ? 0 : newline + 1;
  return text.substr(from, text.find('\n', from) - from);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const meshcheck::fuzz::FuzzInput input(data, size);
  const std::string whole = Analyse(input, false);
  if (input.control() == 0)
    return 0;
  const std::string split = Analyse(input, true);
  if (split != whole) {  // The output depends on the split: a contract violation.
    const size_t at =
        std::mismatch(whole.begin(), whole.end(), split.begin(), split.end()).first - whole.begin();
    const std::string_view a = LineAt(whole, at);
    const std::string_view b = LineAt(split, at);
    std::fprintf(stderr,
                 "fuzz_session: the output depends on the split, from byte %zu:\n"
                 "  whole: %.*s\n  split: %.*s\n",
                 at, static_cast<int>(a.size()), a.data(), static_cast<int>(b.size()), b.data());
    std::abort();
  }
  return 0;
}
