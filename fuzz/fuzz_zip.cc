// Fuzz target: the zip layer (ingest/zip.h) alone, with small limits so the fuzzer reaches them
// and an entry reader that only digests the entry names and bytes it is handed. Beyond memory
// errors and undefined behaviour it checks that the entries, their bytes and the outcome never
// depend on how the archive is split. (The zip layer with the real entry readers is the
// fuzz_reader_zip target.)
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
#include "ingest/zip.h"
#include "meshcheck/options.h"

namespace {

using meshcheck::Status;
using meshcheck::ingest::Reader;
using meshcheck::ingest::ReaderContext;

uint64_t Fnv(uint64_t h, std::string_view bytes) {
  for (char c : bytes)
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

class DigestReader : public Reader {
 public:
  DigestReader(std::string_view name, uint64_t* digest) : digest_(digest) {
    *digest_ = Fnv(*digest_, name);
    *digest_ = Fnv(*digest_, std::string_view("\0", 1));
  }
  Status Push(std::string_view chunk) override {
    *digest_ = Fnv(*digest_, chunk);
    return Status::Ok();
  }
  Status End() override {
    *digest_ = Fnv(*digest_, "<end>");
    return Status::Ok();
  }

 private:
  uint64_t* digest_;
};

struct Outcome {
  std::string status;
  uint64_t digest = 1469598103934665603ull;
  std::map<std::string, uint64_t> diagnostics;
  bool operator==(const Outcome&) const = default;
};

Outcome Read(const std::vector<std::string_view>& chunks) {
  Outcome out;
  const meshcheck::Options options;
  meshcheck::base::Diagnostics diagnostics;
  ReaderContext context;
  context.diagnostics = &diagnostics;
  context.name = "fuzz.zip";
  context.options = &options;
  meshcheck::ingest::ZipLimits limits;
  limits.max_entries = 64;
  limits.max_inflated_bytes = 8u << 20;
  limits.max_ratio = 100;
  limits.ratio_floor_bytes = 64u << 10;
  std::unique_ptr<Reader> zip = meshcheck::ingest::MakeZipReader(
      context,
      [&out](const ReaderContext& entry) {
        return std::make_unique<DigestReader>(entry.name, &out.digest);
      },
      limits);
  out.status = meshcheck::fuzz::DriveReader(zip.get(), chunks);
  out.diagnostics = meshcheck::fuzz::DiagnosticCounts(diagnostics);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const meshcheck::fuzz::FuzzInput input(data, size);
  const Outcome whole = Read({input.payload()});
  if (input.control() != 0 && !(Read(input.Chunks()) == whole))
    std::abort();  // The result depends on the split: a contract violation.
  return 0;
}
