// Fuzz target: one export reader, chosen at build time by MESHCHECK_FUZZ_FORMAT (a Format
// enumerator, e.g. kSlack), feeding a real Dataset. The file name comes from the input (or
// MESHCHECK_FUZZ_NAME), as readers such as Slack's read by name. Beyond memory errors and
// undefined behaviour it checks the readers' contract that the result never depends on the
// split: the payload is read whole and in the chunks the input picks, and the two must agree.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "drive_reader.h"
#include "fuzz_input.h"
#include "ingest/reader.h"
#include "meshcheck/options.h"
#include "model/dataset.h"

namespace {

using meshcheck::Format;

struct Outcome {
  std::string status;  // Id of the input's error, or empty.
  size_t messages = 0;
  size_t members = 0;
  size_t channels = 0;
  uint64_t duplicates = 0;
  std::map<std::string, uint64_t> diagnostics;  // Id -> count.

  bool operator==(const Outcome&) const = default;
};

Outcome Read(const std::vector<std::string_view>& chunks, std::string_view name) {
  const meshcheck::Options options;
  meshcheck::base::Diagnostics diagnostics;
  meshcheck::model::Dataset dataset(&diagnostics);
  dataset.BeginInput(0);
  meshcheck::ingest::ReaderContext context;
  context.sink = &dataset;
  context.diagnostics = &diagnostics;
  context.name = name;
  context.options = &options;
  std::unique_ptr<meshcheck::ingest::Reader> reader =
      meshcheck::ingest::MakeReader(Format::MESHCHECK_FUZZ_FORMAT, context);
  if (!reader)
    std::abort();  // Every format this target is built for has a reader.
  Outcome out;
  out.status = meshcheck::fuzz::DriveReader(reader.get(), chunks);
  out.messages = dataset.messages().size();
  out.members = dataset.members().size();
  out.channels = dataset.channels().size();
  out.duplicates = dataset.duplicates();
  out.diagnostics = meshcheck::fuzz::DiagnosticCounts(diagnostics);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const meshcheck::fuzz::FuzzInput input(data, size);
  const std::string_view name = input.name().empty() ? MESHCHECK_FUZZ_NAME : input.name();
  const Outcome whole = Read({input.payload()}, name);
  if (input.control() != 0 && !(Read(input.Chunks(), name) == whole))
    std::abort();  // The result depends on the split: a contract violation.
  return 0;
}
