// Zip archives (Slack workspace exports, WhatsApp chats with media, zipped DCE partitions),
// streamed entry by entry from the local file headers: the archive is never held in memory and
// its central directory is never needed.
//
// Contract of the zip reader:
// - Chunks may split anywhere, inside headers too; the result never depends on the split.
// - Each file entry is inflated (method 8, deflate) or passed through (method 0, stored) and
//   handed, in pieces of at most kZipPieceBytes, to a reader of its own whose context's name is
//   the entry's path ("general/2016-04-26.json"), so it is sniffed by name and content like any
//   file. Its diagnostics go to the zip input's diagnostics.
// - Skipped silently: folders, `__MACOSX/` and hidden (dot) files or folders. Skipped with a
//   diagnostic: encrypted entries, unsupported compression methods, zips inside the zip (never
//   opened). Entries no reader claims (media, non-JSON canvases) are skipped and counted in one
//   diagnostic, `ingest.zip.skipped_entries`. An entry whose reader fails is a warning
//   (`ingest.zip.entry_failed`) naming it and the reason; the other entries are still read.
//   The entries read are counted in `ingest.zip.entries_read`.
// - Entries with a data descriptor (flag bit 3) are read too: deflate data ends by itself; stored,
//   encrypted or unknown-method data ends where a descriptor matching its length is followed by
//   the next header. ZIP64 sizes are read from the extra field. Checksums (CRC-32) and sizes are
//   verified; a mismatch is a warning (`ingest.zip.bad_checksum`).
// - Reading stops at the central directory: an entry listed only there is not read.
// - The input fails (a Status) only if the archive itself is broken (a bad signature where a
//   header must be, data that cannot be inflated when its length is unknown, an end before any
//   entry was read), a limit below is exceeded, or no entry could be read at all
//   (`ingest.zip.no_export`, saying what the zip held). An archive that ends early after entries
//   were read is a warning (`ingest.zip.truncated`): what was read is kept.
// - Memory: one inflate window, a piece buffer and one header, never the archive or an entry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

#include "ingest/limits.h"
#include "ingest/reader.h"

namespace meshcheck::ingest {

// Safety limits (kZipMax*, ingest/limits.h). Each one exceeded fails the input with
// kLimitExceeded and a message telling the user what to do (unzip the export and give
// meshcheck its files).

// The largest piece of an entry handed to its reader at once (the inflate output buffer).
inline constexpr size_t kZipPieceBytes = 64 * 1024;

struct ZipLimits {
  uint64_t max_entries = kZipMaxEntries;
  uint64_t max_inflated_bytes = kZipMaxInflatedBytes;
  uint64_t max_ratio = kZipMaxRatio;
  uint64_t ratio_floor_bytes = kZipRatioFloorBytes;
};

// Makes the reader of one entry. Called once per file entry the zip delivers, with the zip's
// context renamed to the entry's path (the name stays valid until that reader is destroyed).
// Push/End statuses mean what they mean for any input: an UnsupportedInput error (detect.h,
// IsNotAnExport) = not an export (the entry is counted as skipped); any other error = the
// entry failed.
using ZipEntryReaderFactory =
    std::function<std::unique_ptr<Reader>(const ReaderContext& entry_context)>;

// The reader of Format::kZip: each entry goes to an InputReader that sniffs it.
std::unique_ptr<Reader> MakeZipReader(const ReaderContext& context);

// The same zip layer with another entry reader (tests observe the entries through it) and
// limits.
std::unique_ptr<Reader> MakeZipReader(const ReaderContext& context,
                                      ZipEntryReaderFactory make_entry_reader,
                                      const ZipLimits& limits = {});

}  // namespace meshcheck::ingest
