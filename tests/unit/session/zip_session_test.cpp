// Zipped exports through the public Session with Format::kAuto: the input is read as a zip
// ("zip" in the report) and every file inside is read, skipped or reported. The file counts
// come from CMake's own extraction of the corpus zips (tests/CMakeLists.txt), the message counts
// from the corpus files (python: csv rows, Slack day-file array lengths).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "meshcheck/session.h"
#include "test_files.h"

namespace {

using meshcheck::Format;
using meshcheck::InputInfo;
using meshcheck::Session;
using meshcheck::testing::Chunks;
using meshcheck::testing::CorpusDir;
using meshcheck::testing::ReadFile;
using meshcheck::testing::UnzippedCorpusDir;
using Json = nlohmann::json;

struct ZipCase {
  const char* folder;
  const char* stem;
  uint64_t messages;  // Counted from the corpus files.
};

constexpr ZipCase kCases[] = {
    {"discord", "komodo-dce-csv-news-official", 500},  // 5 CSV partitions of 100 rows.
    {"slack", "houstondatavis-2016", 1382},            // 375 day files.
};

// Runs one zip through a session in 1 MiB chunks (as the CLI does) and returns the report.
Json RunZip(const ZipCase& c) {
  const std::string name = std::string(c.stem) + ".zip";
  const std::string bytes = ReadFile(CorpusDir() / c.folder / name);
  Session s;
  InputInfo info;
  info.name = name;
  info.size_hint = bytes.size();
  info.format = Format::kAuto;
  REQUIRE(s.BeginInput(info).ok());
  for (std::string_view piece : Chunks(bytes, 1 << 20))
    (void)s.Push(piece);
  (void)s.EndInput();
  (void)s.Finish();
  return Json::parse(s.ReportJson());
}

uint64_t FilesIn(const ZipCase& c) {
  uint64_t n = 0;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(UnzippedCorpusDir() / c.folder / c.stem))
    n += e.is_regular_file() ? 1 : 0;
  return n;
}

uint64_t DiagnosticCount(const Json& report, const std::string& id) {
  for (const Json& d : report["diagnostics"]) {
    if (d["id"] == id)
      return d["count"].get<uint64_t>();
  }
  return 0;
}

TEST_CASE("a zipped export given as auto is read as a zip, every file accounted for", "[zip]") {
  for (const ZipCase& c : kCases) {
    INFO(c.stem);
    const Json report = RunZip(c);
    REQUIRE(report["inputs"].size() == 1);
    CHECK(report["inputs"][0]["format"] == "zip");
    const uint64_t files = FilesIn(c);
    REQUIRE(files > 0);
    CHECK(DiagnosticCount(report, "ingest.zip.entries_read") +
              DiagnosticCount(report, "ingest.zip.skipped_entries") +
              DiagnosticCount(report, "ingest.zip.entry_failed") ==
          files);
    // Nothing wrong with the archive itself.
    for (const char* id : {"ingest.zip.truncated", "ingest.zip.bad_checksum",
                           "ingest.zip.encrypted_entry", "ingest.zip.nested_zip"})
      CHECK(DiagnosticCount(report, id) == 0);
    if (report["inputs"][0]["status"] == "error")
      CHECK(report["inputs"][0]["error"]["id"] == "ingest.zip.no_export");
  }
}

// Needs the DCE CSV and Slack readers (issue 3): every file of these exports is read.
TEST_CASE("zipped DCE CSV and Slack exports give all their messages", "[zip][readers]") {
  for (const ZipCase& c : kCases) {
    INFO(c.stem);
    const Json report = RunZip(c);
    REQUIRE(report["inputs"].size() == 1);
    CHECK(report["inputs"][0]["status"] == "ok");
    CHECK(report["inputs"][0]["messages"] == c.messages);
    CHECK(DiagnosticCount(report, "ingest.zip.entry_failed") == 0);
    CHECK(DiagnosticCount(report, "ingest.zip.entries_read") +
              DiagnosticCount(report, "ingest.zip.skipped_entries") ==
          FilesIn(c));
  }
}

}  // namespace
