// Fuzz target: the whole Session (meshcheck/session.h), as the CLI and the page drive it: one
// input named by the fuzz input (so the format is sniffed from the name and the bytes), pushed
// in the chunks the input picks, then Finish and every output. Nothing may crash, hang or leak,
// and a session's report must not depend on the split.
#include <cstdint>
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const meshcheck::fuzz::FuzzInput input(data, size);
  const std::string whole = Analyse(input, false);
  if (input.control() != 0 && Analyse(input, true) != whole)
    std::abort();  // The report depends on the split: a contract violation.
  return 0;
}
