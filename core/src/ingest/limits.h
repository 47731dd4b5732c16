// Safety limits of ingestion, in one place (the table with the Status ids is docs/limits.md).
//
// Every limit bounds memory or time on hostile or damaged input, far above what real exports
// need. Exceeding one never crashes: the input ends with a kLimitExceeded Status whose message
// says what to do, or (where a record can be skipped) the record is skipped and counted in a
// diagnostic. Detection heuristics ("so many lines without a message: not this format") are
// not limits and stay with their readers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace meshcheck::ingest {

// --- Format detection (detect.h) ---------------------------------------------------------
// Leading bytes held back while the format is sniffed; Detect decides within them.
inline constexpr size_t kSniffBytes = 64 * 1024;
// JSON key paths collected for the sniffers, and their depth ("a.b.c.d").
inline constexpr size_t kSniffMaxKeyPaths = 512;
inline constexpr size_t kSniffMaxKeyDepth = 4;

// --- JSON (json_stream.h JsonLimits defaults; json_reader.cc) ------------------------------
// Nesting of objects and arrays: `ingest.json.too_deep`. Real exports nest under 12 levels.
inline constexpr uint32_t kJsonMaxDepth = 256;
// Raw bytes of one string, key or number: `ingest.json.token_too_large`. The tokenizer holds a
// token split across chunks in memory, so this bounds its buffer.
inline constexpr uint64_t kJsonMaxTokenBytes = uint64_t{64} << 20;

// --- Text lines (line_splitter.h) ------------------------------------------------------------
// One line of a text format (WhatsApp, DCE PlainText, mbox): `ingest.whatsapp.line_too_long`,
// `ingest.discord.line_too_long`, `ingest.mbox.line_too_long`. The splitter holds a line split
// across chunks in memory.
inline constexpr size_t kMaxLineBytes = size_t{16} << 20;
// One line of a Reddit NDJSON dump (real objects stay under 100 KB): the line is skipped and
// counted, `ingest.reddit.line_too_long`.
inline constexpr size_t kRedditMaxLineBytes = size_t{4} << 20;

// --- CSV (csv.h, csv_table.cc) ---------------------------------------------------------------
// One record, quoted newlines included: `ingest.csv.record_too_long` (a quote that never
// closes, or not a CSV export).
inline constexpr size_t kCsvMaxRecordBytes = size_t{16} << 20;
// A header line longer than this is not waited for: the delimiter is chosen from what came.
inline constexpr size_t kCsvMaxHeaderWaitBytes = size_t{1} << 20;

// --- Zip archives (zip.h) ----------------------------------------------------------------------
// Local headers read, folders and skipped files included: `ingest.zip.too_many_entries`.
inline constexpr uint64_t kZipMaxEntries = 200'000;
// Bytes inflated over the whole archive: `ingest.zip.too_large`.
inline constexpr uint64_t kZipMaxInflatedBytes = uint64_t{32} << 30;
// Inflated / compressed bytes of one entry, checked once it has inflated more than
// kZipRatioFloorBytes (real exports stay far below; zip bombs reach ~1000:1 per layer):
// `ingest.zip.bomb`.
inline constexpr uint64_t kZipMaxRatio = 1000;
inline constexpr uint64_t kZipRatioFloorBytes = uint64_t{1} << 20;
// Bytes of an entry's path (a local header's field is at most 65,535 bytes by format):
// `ingest.zip.name_too_long`.
inline constexpr size_t kZipMaxNameBytes = 4096;

// --- Per-reader buffers ----------------------------------------------------------------------
// WhatsApp: records held back while the date order (d/m or m/d) is unknown; then it is forced.
inline constexpr size_t kWhatsAppMaxHeldRecords = size_t{1} << 20;
// mbox: bytes kept of one header (Message-ID, References...); the rest is dropped.
inline constexpr size_t kMboxMaxHeaderBytes = 4096;
// Slack: distinct people one message may mention (Slack's 40,000-character text limit allows a
// few thousand; a crafted text with millions would cost memory per mention); more are counted,
// `ingest.slack.too_many_mentions`.
inline constexpr size_t kSlackMaxMentions = 1000;

// A byte count for a message: "16 MiB", "4 KiB", "100 bytes" (whole units only when exact).
inline std::string BytesText(uint64_t bytes) {
  if (bytes >= (uint64_t{1} << 30) && bytes % (uint64_t{1} << 30) == 0)
    return std::to_string(bytes >> 30) + " GiB";
  if (bytes >= (uint64_t{1} << 20) && bytes % (uint64_t{1} << 20) == 0)
    return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0)
    return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace meshcheck::ingest
