// The zip layer (zip.h): every corpus zip against CMake's own extraction (libarchive) in every
// chunking, and zips built here with zlib's deflate for each rule: stored entries, data
// descriptors, ZIP64 extras, skipped and failing entries, limits (zip bombs), damage and
// truncation at every cut point.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "ingest/reader.h"
#include "ingest/zip.h"
#include "reader_harness.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

using ingest::kZipPieceBytes;
using ingest::ZipLimits;

// ---- Building zips (APPNOTE 4.3) --------------------------------------------------------------

// `flush` Z_SYNC_FLUSH leaves the stream open (no final block), for data to be appended.
std::string Deflate(std::string_view data,
                    int level = Z_DEFAULT_COMPRESSION,
                    int flush = Z_FINISH) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, flush) == (flush == Z_FINISH ? Z_STREAM_END : Z_OK));
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

uint32_t Crc(std::string_view data) {
  return static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

void Put16(std::string* out, uint32_t v) {
  out->push_back(static_cast<char>(v & 0xFF));
  out->push_back(static_cast<char>((v >> 8) & 0xFF));
}
void Put32(std::string* out, uint32_t v) {
  Put16(out, v & 0xFFFF);
  Put16(out, v >> 16);
}
void Put64(std::string* out, uint64_t v) {
  Put32(out, static_cast<uint32_t>(v));
  Put32(out, static_cast<uint32_t>(v >> 32));
}

struct TestEntry {
  std::string name;
  std::string data;                        // The entry's content.
  uint16_t method = 8;                     // 0 stored, 8 deflate; any other: `data` written as is.
  bool descriptor = false;                 // Flag bit 3: crc and sizes after the data.
  bool descriptor_signature = true;        // The optional "PK\7\10" before the descriptor.
  bool zip64 = false;                      // Sizes in a ZIP64 extra field.
  uint16_t flags = 0;                      // More flag bits (1 = encrypted).
  std::optional<std::string> stored = {};  // The bytes written as the entry's data, if not derived.
  std::optional<uint32_t> crc = {};        // The recorded CRC-32, if not the real one.
};

struct BuiltZip {
  std::string bytes;
  std::vector<size_t> entry_end;  // Offset just after each entry (data and descriptor).
  size_t central = 0;             // Offset of the central directory.
};

BuiltZip BuildZip(const std::vector<TestEntry>& entries) {
  BuiltZip zip;
  std::string& out = zip.bytes;
  std::string central;
  for (const TestEntry& e : entries) {
    const std::string data = e.stored ? *e.stored : (e.method == 8 ? Deflate(e.data) : e.data);
    const uint32_t crc = e.crc ? *e.crc : Crc(e.data);
    const uint16_t flags = static_cast<uint16_t>(e.flags | (e.descriptor ? 8 : 0));
    const size_t at = out.size();
    std::string extra;
    if (e.zip64) {
      Put16(&extra, 1);
      Put16(&extra, 16);
      Put64(&extra, e.descriptor ? 0 : e.data.size());
      Put64(&extra, e.descriptor ? 0 : data.size());
    }
    const auto header = [&](std::string* h, bool local) {
      Put16(h, e.zip64 ? 45 : 20);  // Version needed.
      Put16(h, flags);
      Put16(h, e.method);
      Put16(h, 0);     // Time.
      Put16(h, 0x21);  // Date: 1980-01-01.
      const bool blank = local && e.descriptor;
      Put32(h, blank ? 0 : crc);
      Put32(h, blank ? 0 : (e.zip64 && local ? 0xFFFFFFFF : static_cast<uint32_t>(data.size())));
      Put32(h, blank ? 0 : (e.zip64 && local ? 0xFFFFFFFF : static_cast<uint32_t>(e.data.size())));
      Put16(h, static_cast<uint32_t>(e.name.size()));
      Put16(h, local ? static_cast<uint32_t>(extra.size()) : 0);
    };
    Put32(&out, 0x04034b50);
    header(&out, true);
    out += e.name;
    out += extra;
    out += data;
    if (e.descriptor) {
      if (e.descriptor_signature)
        Put32(&out, 0x08074b50);
      Put32(&out, crc);
      if (e.zip64) {
        Put64(&out, data.size());
        Put64(&out, e.data.size());
      } else {
        Put32(&out, static_cast<uint32_t>(data.size()));
        Put32(&out, static_cast<uint32_t>(e.data.size()));
      }
    }
    zip.entry_end.push_back(out.size());
    Put32(&central, 0x02014b50);
    Put16(&central, 0x031E);  // Made by: Unix, 3.0.
    header(&central, false);
    Put16(&central, 0);  // Comment.
    Put16(&central, 0);  // Disk.
    Put16(&central, 0);  // Internal attributes.
    Put32(&central, 0);  // External attributes.
    Put32(&central, static_cast<uint32_t>(at));
    central += e.name;
  }
  zip.central = out.size();
  out += central;
  Put32(&out, 0x06054b50);
  Put16(&out, 0);
  Put16(&out, 0);
  Put16(&out, static_cast<uint32_t>(entries.size()));
  Put16(&out, static_cast<uint32_t>(entries.size()));
  Put32(&out, static_cast<uint32_t>(central.size()));
  Put32(&out, static_cast<uint32_t>(zip.central));
  Put16(&out, 0);
  return zip;
}

// Deterministic text that deflates about 2:1.
std::string Text(size_t bytes, uint32_t seed = 1) {
  std::string out;
  out.reserve(bytes);
  uint32_t x = seed * 2654435761u + 1;
  while (out.size() < bytes) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    out.push_back(static_cast<char>('a' + x % 26));
    if (x % 7 == 0)
      out.push_back(' ');
  }
  out.resize(bytes);
  return out;
}

// ---- Reading through the zip layer, observing what each entry's reader receives ---------------

struct Delivered {
  std::string name;
  std::string bytes;
  bool operator==(const Delivered&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Delivered& d) {
  return out << d.name << " (" << d.bytes.size() << " bytes)";
}

struct ZipRun {
  Status status;
  std::vector<Delivered> entries;  // In archive order.
  base::Diagnostics diagnostics;
  size_t largest_piece = 0;
};

// What an entry's recording reader answers: by default it claims everything.
struct Answers {
  std::string unclaimed_suffix = {};  // Names ending so: Push says "not an export".
  std::string failing_suffix = {};    // Names ending so: End fails.
};

class RecordingReader : public ingest::Reader {
 public:
  RecordingReader(ZipRun* run, std::string_view name, const Answers& answers)
      : run_(run), index_(run->entries.size()), answers_(answers) {
    run->entries.push_back({std::string(name), {}});
  }
  Status Push(std::string_view chunk) override {
    run_->entries[index_].bytes.append(chunk);
    run_->largest_piece = std::max(run_->largest_piece, chunk.size());
    if (!answers_.unclaimed_suffix.empty() && Name().ends_with(answers_.unclaimed_suffix)) {
      return Status(StatusCode::kUnsupportedFormat, "ingest.unsupported_format",
                    Name() + " is an image");
    }
    return Status::Ok();
  }
  Status End() override {
    if (!answers_.failing_suffix.empty() && Name().ends_with(answers_.failing_suffix))
      return Status(StatusCode::kParseError, "test.bad", "the test reader refuses it");
    return Status::Ok();
  }

 private:
  const std::string& Name() const { return run_->entries[index_].name; }
  ZipRun* run_;
  size_t index_;
  Answers answers_;
};

ZipRun ReadZip(std::string_view zip,
               size_t chunk,
               const Answers& answers = {},
               const ZipLimits& limits = {}) {
  ZipRun run;
  const Options options;
  ingest::ReaderContext context;
  context.diagnostics = &run.diagnostics;
  context.name = "test.zip";
  context.options = &options;
  auto reader = ingest::MakeZipReader(
      context,
      [&](const ingest::ReaderContext& entry) {
        return std::make_unique<RecordingReader>(&run, entry.name, answers);
      },
      limits);
  for (std::string_view piece : Chunks(zip, chunk)) {
    run.status = reader->Push(std::string(piece));  // A copy: no view outlives its chunk.
    if (!run.status.ok())
      return run;
  }
  run.status = reader->End();
  return run;
}

// Reads `zip` in every chunking, checks they agree, returns the whole-input reading.
ZipRun ReadZipAll(std::string_view zip, const Answers& answers = {}, const ZipLimits& limits = {}) {
  ZipRun whole = ReadZip(zip, 0, answers, limits);
  for (size_t chunk : kChunkSizes) {
    INFO("chunks of " << chunk);
    const ZipRun split = ReadZip(zip, chunk, answers, limits);
    CHECK(split.status.ToString() == whole.status.ToString());
    CHECK(split.entries == whole.entries);
    CHECK(DiagnosticsSummary(split.diagnostics) == DiagnosticsSummary(whole.diagnostics));
    CHECK(split.largest_piece <= kZipPieceBytes);
  }
  return whole;
}

std::vector<Delivered> Files(const std::vector<TestEntry>& entries) {
  std::vector<Delivered> out;
  for (const TestEntry& e : entries)
    out.push_back({e.name, e.data});
  return out;
}

uint64_t Count(const ZipRun& run, const std::string& id) {
  return run.diagnostics.Count(id);
}

// ---- Corpus: every zip against CMake's extraction --------------------------------------------

TEST_CASE("every corpus zip delivers exactly the files libarchive extracts", "[zip][corpus]") {
  const std::vector<std::filesystem::path> zips = CorpusFiles(".zip");
  REQUIRE(zips.size() >= 5);
  for (const auto& path : zips) {
    INFO(path.string());
    const std::filesystem::path dir =
        UnzippedCorpusDir() / path.parent_path().filename() / path.stem();
    REQUIRE(std::filesystem::is_directory(dir));
    std::map<std::string, std::string> expected;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      if (e.is_regular_file())
        expected[e.path().lexically_relative(dir).generic_string()] = ReadFile(e.path());
    }
    REQUIRE(!expected.empty());
    const ZipRun run = ReadZipAll(ReadFile(path));
    CHECK(run.status.ok());
    std::map<std::string, std::string> got;
    for (const Delivered& d : run.entries)
      got[d.name] = d.bytes;
    CHECK(got.size() == run.entries.size());  // Each entry once.
    CHECK(got == expected);
    CHECK(Count(run, "ingest.zip.entries_read") == expected.size());
    // No warning: the archives are sound (checksums, sizes, descriptors all agree).
    for (const auto& [id, entry] : run.diagnostics.entries()) {
      INFO(id);
      CHECK(entry.severity == base::Severity::kInfo);
    }
  }
}

TEST_CASE("a corpus zip's entries reach real readers named by their paths", "[zip][corpus]") {
  // Entries go through InputReader: sniffed by name and content like any file. Whatever the
  // readers make of them, each file is read, skipped as unclaimed or reported as failed.
  const std::string zip = ReadFile(CorpusDir() / "slack" / "slackdump-fixture-source_export.zip");
  const ReadResult r = ReadAllAs(Format::kAuto, zip, "source_export.zip");
  const uint64_t accounted = r.diagnostics.Count("ingest.zip.entries_read") +
                             r.diagnostics.Count("ingest.zip.skipped_entries") +
                             r.diagnostics.Count("ingest.zip.entry_failed");
  CHECK(accounted == 9);  // 10 entries, one of them a folder (python zipfile).
}

// ---- Entry kinds -------------------------------------------------------------------------------

TEST_CASE("stored, deflated, descriptor and ZIP64 entries are all delivered", "[zip]") {
  const std::string big = Text(300'000, 7);  // Several pieces and several inflate calls.
  std::vector<TestEntry> entries = {
      {.name = "a/stored.txt", .data = Text(5000, 1), .method = 0},
      {.name = "a/deflated.json", .data = big},
      {.name = "b/descriptor.txt", .data = Text(70'000, 2), .descriptor = true},
      {.name = "b/descriptor-unsigned.txt",
       .data = Text(100, 3),
       .descriptor = true,
       .descriptor_signature = false},
      {.name = "c/stored-descriptor.txt", .data = big, .method = 0, .descriptor = true},
      {.name = "c/stored-descriptor-unsigned.txt",
       .data = Text(10, 4),
       .method = 0,
       .descriptor = true,
       .descriptor_signature = false},
      {.name = "d/zip64.txt", .data = Text(2000, 5), .zip64 = true},
      {.name = "d/zip64-descriptor.txt", .data = Text(3000, 6), .descriptor = true, .zip64 = true},
      {.name = "d/zip64-stored-descriptor.txt",
       .data = Text(3000, 8),
       .method = 0,
       .descriptor = true,
       .zip64 = true},
      {.name = "e/empty.txt", .data = "", .method = 0},
      {.name = "e/empty-deflated.txt", .data = ""},
      {.name = "e/tiny.txt", .data = "PK"},  // Shorter than a signature.
  };
  const ZipRun run = ReadZipAll(BuildZip(entries).bytes);
  CHECK(run.status.ok());
  CHECK(run.entries == Files(entries));
  CHECK(Count(run, "ingest.zip.entries_read") == entries.size());
  CHECK(DiagnosticsSummary(run.diagnostics) == "ingest.zip.entries_read x12 at 0:0:0\n");
}

TEST_CASE("a stored entry with a descriptor holding a fake header inside is read whole", "[zip]") {
  // "PK\3\4" inside the data is not the end: no descriptor before it records that length.
  std::string data = "head PK\x03\x04 middle PK\x01\x02 PK\x07\x08";
  data += std::string(40, 'x') + "PK\x03\x04";
  const std::vector<TestEntry> entries = {
      {.name = "s.txt", .data = data, .method = 0, .descriptor = true},
      {.name = "t.txt",
       .data = "after",
       .method = 0,
       .descriptor = true,
       .descriptor_signature = false}};
  const ZipRun run = ReadZipAll(BuildZip(entries).bytes);
  CHECK(run.status.ok());
  CHECK(run.entries == Files(entries));
}

TEST_CASE("folders, __MACOSX and dot-files are skipped silently", "[zip]") {
  const std::vector<TestEntry> entries = {
      {.name = "export/", .data = "", .method = 0},
      {.name = "__MACOSX/export/._users.json", .data = "resource fork"},
      {.name = ".DS_Store", .data = "finder"},
      {.name = "export/.hidden/x.json", .data = "[]"},
      {.name = "export/users.json", .data = "[]"},
  };
  const ZipRun run = ReadZipAll(BuildZip(entries).bytes);
  CHECK(run.status.ok());
  CHECK(run.entries == std::vector<Delivered>{{"export/users.json", "[]"}});
  CHECK(DiagnosticsSummary(run.diagnostics) == "ingest.zip.entries_read x1 at 0:0:0\n");
}

TEST_CASE("encrypted, unknown-method and nested-zip entries are skipped with a diagnostic",
          "[zip]") {
  const std::string inner = BuildZip({{.name = "x.json", .data = "[]"}}).bytes;
  const std::vector<TestEntry> entries = {
      {.name = "secret.json", .data = Text(500), .flags = 1},
      {.name = "secret-descriptor.json", .data = Text(700), .descriptor = true, .flags = 1},
      {.name = "bzip2.json", .data = Text(300), .method = 12},
      {.name = "lzma.json", .data = Text(300), .method = 14, .descriptor = true},
      {.name = "inner.zip", .data = inner},
      {.name = "inner-stored.bin", .data = inner, .method = 0},
      {.name = "ok.json", .data = "{}"},
  };
  const ZipRun run = ReadZipAll(BuildZip(entries).bytes);
  CHECK(run.status.ok());
  CHECK(run.entries == std::vector<Delivered>{{"ok.json", "{}"}});
  CHECK(Count(run, "ingest.zip.encrypted_entry") == 2);
  CHECK(Count(run, "ingest.zip.unsupported_method") == 2);
  CHECK(Count(run, "ingest.zip.nested_zip") == 2);
  CHECK(Count(run, "ingest.zip.entries_read") == 1);
  const auto& nested = run.diagnostics.entries().at("ingest.zip.nested_zip");
  CHECK(nested.message.find("'inner.zip'") != std::string::npos);
  CHECK(nested.first.byte == BuildZip({entries.begin(), entries.begin() + 4}).central);
}

TEST_CASE("unclaimed entries are counted in one diagnostic, failing ones named", "[zip]") {
  const std::vector<TestEntry> entries = {
      {.name = "chat.txt", .data = "text"},
      {.name = "IMG-1.jpg", .data = Text(100'000)},  // Dropped after its first piece.
      {.name = "IMG-2.jpg", .data = "jpeg", .method = 0},
      {.name = "IMG-3.jpg", .data = Text(9), .descriptor = true},
      {.name = "broken.json", .data = "{"},
  };
  const ZipRun run =
      ReadZipAll(BuildZip(entries).bytes, {.unclaimed_suffix = ".jpg", .failing_suffix = ".json"});
  CHECK(run.status.ok());
  CHECK(Count(run, "ingest.zip.skipped_entries") == 3);
  CHECK(Count(run, "ingest.zip.entry_failed") == 1);
  CHECK(Count(run, "ingest.zip.entries_read") == 1);
  const auto& d = run.diagnostics.entries();
  CHECK(d.at("ingest.zip.skipped_entries").message.find("'IMG-1.jpg', 'IMG-2.jpg', 'IMG-3.jpg'") !=
        std::string::npos);
  CHECK(d.at("ingest.zip.entry_failed").message.find("'broken.json': the test reader refuses it") !=
        std::string::npos);
  CHECK(d.at("ingest.zip.entry_failed").severity == base::Severity::kWarning);
  // The unclaimed image was not inflated to its end: its reader saw at most one piece.
  CHECK(run.entries[1].bytes.size() <= kZipPieceBytes);
}

TEST_CASE("a zip with no export fails and says what it held", "[zip]") {
  SECTION("only media, through the real sniffing readers") {
    const std::string zip =
        BuildZip({{.name = "IMG-0001.jpg", .data = "\xFF\xD8\xFF\xE0" + Text(80'000)},
                  {.name = "notes.pdf", .data = "%PDF-1.4 " + Text(200)},
                  {.name = "folder/", .data = "", .method = 0}})
            .bytes;
    const ReadResult r = ReadAllAs(Format::kAuto, zip, "photos.zip");
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status.id() == "ingest.zip.no_export");
    CHECK(r.status.message().find("photos.zip holds 2 files") != std::string::npos);
    CHECK(r.status.message().find("'IMG-0001.jpg', 'notes.pdf'") != std::string::npos);
    CHECK(r.diagnostics.Count("ingest.zip.skipped_entries") == 2);
  }
  SECTION("entries that fail") {
    const ZipRun run =
        ReadZipAll(BuildZip({{.name = "a.json", .data = "{"}}).bytes, {.failing_suffix = ".json"});
    CHECK(run.status.id() == "ingest.zip.no_export");
    CHECK(run.status.message().find("1 could not be read ('a.json': the test reader refuses it)") !=
          std::string::npos);
  }
  SECTION("only folders") {
    const ZipRun run = ReadZipAll(BuildZip({{.name = "a/", .data = "", .method = 0}}).bytes);
    CHECK(run.status.id() == "ingest.zip.no_export");
    CHECK(run.status.message().find("holds no files") != std::string::npos);
  }
  SECTION("an empty zip") {
    const ZipRun run = ReadZipAll(BuildZip({}).bytes);
    CHECK(run.status.id() == "ingest.zip.no_export");
  }
}

TEST_CASE("a DCE JSON export inside a zip reads exactly as the file itself", "[zip]") {
  const std::string json = ReadFile(CorpusDir() / "discord" / "dcef-example-guild-general.json");
  const std::string zip =
      BuildZip({{.name = "export/general.json", .data = json},
                {.name = "export/general_Files/avatar.png", .data = "\x89PNG\r\n" + Text(5000)}})
          .bytes;
  const ReadResult direct = ReadAllAs(Format::kDiscordJson, json, "general.json");
  const ReadResult zipped = ReadAllAs(Format::kAuto, zip, "export.zip");
  REQUIRE(direct.status.ok());
  CHECK(zipped.status.ok());
  CHECK(!direct.sink.messages.empty());
  CHECK(zipped.sink.messages == direct.sink.messages);
  CHECK(zipped.sink.channels == direct.sink.channels);
  CHECK(zipped.diagnostics.Count("ingest.zip.entries_read") == 1);
  CHECK(zipped.diagnostics.Count("ingest.zip.skipped_entries") == 1);
}

// ---- Checksums, damage, truncation
// ----------------------------------------------------------------

TEST_CASE("a checksum mismatch is a warning; the entry is still read", "[zip]") {
  const std::vector<TestEntry> entries = {
      {.name = "a.txt", .data = Text(1000), .crc = 1234},
      {.name = "b.txt", .data = Text(1000), .descriptor = true, .crc = 99}};
  const ZipRun run = ReadZipAll(BuildZip(entries).bytes);
  CHECK(run.status.ok());
  CHECK(run.entries == Files(entries));
  CHECK(Count(run, "ingest.zip.bad_checksum") == 2);
}

TEST_CASE("damaged deflate data of known length skips that entry only", "[zip]") {
  const std::vector<TestEntry> entries = {
      {.name = "a.txt", .data = Text(1000, 1)},
      {.name = "garbage.txt", .data = Text(1000, 2), .stored = std::string(300, '\xFF')},
      {.name = "short.txt", .data = Text(5000, 3), .stored = Deflate(Text(5000, 3)).substr(0, 40)},
      {.name = "c.txt", .data = Text(1000, 4)}};
  const ZipRun run = ReadZipAll(BuildZip(entries).bytes);
  CHECK(run.status.ok());
  // garbage.txt fails before its first byte, short.txt after some: its reader is dropped.
  REQUIRE(run.entries.size() == 3);
  CHECK(run.entries[0] == Delivered{"a.txt", entries[0].data});
  CHECK(run.entries[1].name == "short.txt");
  CHECK(run.entries[2] == Delivered{"c.txt", entries[3].data});
  CHECK(Count(run, "ingest.zip.entry_failed") == 2);
  CHECK(Count(run, "ingest.zip.entries_read") == 2);
  CHECK(run.diagnostics.entries()
            .at("ingest.zip.entry_failed")
            .message.find("'garbage.txt': its compressed data is damaged") != std::string::npos);
}

TEST_CASE("an entry dropped by its reader is counted once though its data is damaged after",
          "[zip]") {
  // Whole, one inflate call hands the reader its first piece and then meets the damage; in
  // small chunks the reader drops the entry first and the damage is passed over unread.
  const std::string text = Text(1000, 5);
  const std::string damaged = Deflate(text, Z_DEFAULT_COMPRESSION, Z_SYNC_FLUSH) + "\xFF\xFF\xFF";
  const std::vector<TestEntry> entries = {{.name = "IMG-1.jpg", .data = text, .stored = damaged},
                                          {.name = "a.txt", .data = Text(1000, 6)}};
  const ZipRun run = ReadZipAll(BuildZip(entries).bytes, {.unclaimed_suffix = ".jpg"});
  CHECK(run.status.ok());
  CHECK(Count(run, "ingest.zip.skipped_entries") == 1);
  CHECK(Count(run, "ingest.zip.entry_failed") == 0);
  REQUIRE(run.entries.size() == 2);
  CHECK(run.entries[0].name == "IMG-1.jpg");
  CHECK(run.entries[1] == Delivered{"a.txt", entries[1].data});
}

TEST_CASE("a broken archive fails with a clear error", "[zip]") {
  SECTION("damaged deflate data of unknown length: the next entry cannot be found") {
    const std::string zip =
        BuildZip({{.name = "a.txt", .data = "fine"},
                  {.name = "b.txt", .data = "x", .descriptor = true, .stored = "\xFF\xFF\xFF"}})
            .bytes;
    const ZipRun run = ReadZipAll(zip);
    CHECK(run.status.id() == "ingest.zip.bad_data");
    CHECK(run.status.code() == StatusCode::kParseError);
  }
  SECTION("garbage where the next header must start") {
    BuiltZip zip = BuildZip({{.name = "a.txt", .data = "fine"}, {.name = "b.txt", .data = "x"}});
    zip.bytes[zip.entry_end[0]] = 'Q';
    const ZipRun run = ReadZipAll(zip.bytes);
    CHECK(run.status.id() == "ingest.zip.bad_signature");
    CHECK(run.status.location().byte == zip.entry_end[0]);
    CHECK(run.status.message().find("where entry 2 should start") != std::string::npos);
    CHECK(run.entries.size() == 1);
  }
  SECTION("not a zip at all") {
    const ZipRun run = ReadZipAll("{\"messages\": []}");
    CHECK(run.status.id() == "ingest.zip.bad_signature");
    CHECK(run.status.message().find("not a zip archive") != std::string::npos);
  }
}

TEST_CASE("a zip cut at any byte never crashes: an error before the first entry, else a warning",
          "[zip][truncated]") {
  const std::vector<TestEntry> entries = {
      {.name = "a.txt", .data = Text(3000, 1)},
      {.name = "b.txt", .data = Text(200, 2), .method = 0, .descriptor = true},
      {.name = "c.txt", .data = Text(2000, 3), .descriptor = true, .descriptor_signature = false},
      {.name = "d.txt", .data = Text(100, 4), .method = 0}};
  const BuiltZip zip = BuildZip(entries);
  for (size_t cut = 0; cut < zip.bytes.size(); ++cut) {
    INFO("cut at " << cut);
    for (size_t chunk : {size_t{0}, size_t{7}}) {
      const ZipRun run = ReadZip(std::string_view(zip.bytes).substr(0, cut), chunk);
      if (cut < zip.entry_end[0]) {
        CHECK(run.status.id() == "ingest.zip.truncated");
        CHECK(run.status.code() == StatusCode::kParseError);
      } else if (cut < zip.central + 4) {
        CHECK(run.status.ok());
        CHECK(Count(run, "ingest.zip.truncated") == 1);
      } else {
        CHECK(run.status.ok());
        CHECK(Count(run, "ingest.zip.truncated") == 0);
      }
      // Whatever was delivered is the start of the right entry, whole if it ended before the cut.
      for (size_t k = 0; k < run.entries.size(); ++k) {
        CHECK(run.entries[k].name == entries[k].name);
        CHECK(std::string_view(entries[k].data).substr(0, run.entries[k].bytes.size()) ==
              run.entries[k].bytes);
        if (zip.entry_end[k] + 4 <= cut)
          CHECK(run.entries[k].bytes == entries[k].data);
      }
    }
  }
}

TEST_CASE("a real zip cut at many points: errors or warnings, never a crash", "[zip][truncated]") {
  const std::string zip = ReadFile(CorpusDir() / "slack" / "slackdump-fixture-source_export.zip");
  for (size_t cut = 0; cut < zip.size(); cut += 13) {
    INFO("cut at " << cut);
    const ZipRun run = ReadZip(std::string_view(zip).substr(0, cut), 0);
    CHECK((run.status.ok() || run.status.id() == "ingest.zip.truncated"));
    CHECK(run.status.ok() == (Count(run, "ingest.zip.entries_read") > 0));
  }
}

// ---- Limits ------------------------------------------------------------------------------------

TEST_CASE("a high-ratio entry is stopped as a zip bomb", "[zip][limits]") {
  const std::string zeros(16 << 20, '\0');  // Deflates about 1030:1.
  for (bool descriptor : {false, true}) {
    INFO("descriptor " << descriptor);
    const std::vector<TestEntry> entries = {
        {.name = "ok.txt", .data = Text(100)},
        {.name = "bomb.json", .data = zeros, .descriptor = descriptor}};
    const std::string zip = BuildZip(entries).bytes;
    REQUIRE(zip.size() < 20'000);
    const ZipRun run = ReadZipAll(zip);
    CHECK(run.status.code() == StatusCode::kLimitExceeded);
    CHECK(run.status.id() == "ingest.zip.bomb");
    CHECK(run.status.message().find("'bomb.json' inflates to more than 1000 times") !=
          std::string::npos);
    REQUIRE(run.entries.size() == 2);
    CHECK(run.entries[1].bytes.size() <= (2 << 20));  // Stopped soon after the first MiB.
  }
  SECTION("even when no reader wants the bytes but they must be inflated to find the end") {
    const std::string zip =
        BuildZip({{.name = "bomb.jpg", .data = zeros, .descriptor = true}}).bytes;
    const ZipRun run = ReadZipAll(zip, {.unclaimed_suffix = ".jpg"});
    CHECK(run.status.id() == "ingest.zip.bomb");
  }
  SECTION("below the ratio, a large entry is fine") {
    std::string repetitive;
    for (int i = 0; repetitive.size() < (3 << 20); ++i)
      repetitive += "{\"id\": " + std::to_string(i) + ", \"type\": \"Default\"},\n";
    const ZipRun run = ReadZipAll(BuildZip({{.name = "big.json", .data = repetitive}}).bytes);
    CHECK(run.status.ok());
    CHECK(run.entries.at(0).bytes == repetitive);
  }
}

TEST_CASE("too many entries is a limit", "[zip][limits]") {
  const uint64_t limit = ingest::kZipMaxEntries;
  REQUIRE(limit == 200'000);
  const auto make = [](uint64_t folders) {
    std::vector<TestEntry> entries(folders, TestEntry{.name = "d/", .data = "", .method = 0});
    entries.push_back({.name = "x.json", .data = "[]", .method = 0});
    return BuildZip(entries).bytes;
  };
  const ZipRun at_limit = ReadZip(make(limit - 1), 0);
  CHECK(at_limit.status.ok());
  CHECK(at_limit.entries == std::vector<Delivered>{{"x.json", "[]"}});
  const ZipRun over = ReadZip(make(limit), 4096);
  CHECK(over.status.code() == StatusCode::kLimitExceeded);
  CHECK(over.status.id() == "ingest.zip.too_many_entries");
  CHECK(over.status.message().find("more than 200000 entries") != std::string::npos);
}

TEST_CASE("the total inflated size is a limit", "[zip][limits]") {
  std::vector<TestEntry> entries;
  for (uint32_t k = 0; k < 4; ++k)
    entries.push_back({.name = "part" + std::to_string(k), .data = Text(1 << 20, k)});
  const ZipLimits limits{.max_inflated_bytes = 3 << 20};
  const ZipRun run = ReadZipAll(BuildZip(entries).bytes, {}, limits);
  CHECK(run.status.code() == StatusCode::kLimitExceeded);
  CHECK(run.status.id() == "ingest.zip.too_large");
  CHECK(run.status.message().find("more than 3 MiB") != std::string::npos);
  REQUIRE(run.entries.size() == 3);  // Three whole parts fit exactly; the fourth goes over.
  for (size_t k = 0; k < 3; ++k)
    CHECK(run.entries[k].bytes == entries[k].data);
  CHECK(ZipLimits{}.max_inflated_bytes == uint64_t{32} << 30);
}

TEST_CASE("an entry path longer than the limit fails", "[zip][limits]") {
  const std::string ok_name(ingest::kZipMaxNameBytes, 'n');
  const ZipRun ok = ReadZipAll(BuildZip({{.name = ok_name, .data = "[]"}}).bytes);
  CHECK(ok.status.ok());
  const ZipRun bad = ReadZipAll(BuildZip({{.name = ok_name + "n", .data = "[]"}}).bytes);
  CHECK(bad.status.code() == StatusCode::kLimitExceeded);
  CHECK(bad.status.id() == "ingest.zip.name_too_long");
}

}  // namespace
}  // namespace meshcheck::testing
