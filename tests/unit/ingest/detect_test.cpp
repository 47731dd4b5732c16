// Format sniffing: Discord exports are recognised from their first bytes, never misnamed from
// a shorter prefix; everything else is named for what it looks like.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "ingest/detect.h"
#include "test_files.h"

namespace {

using meshcheck::Format;
using meshcheck::StatusCode;
using meshcheck::ingest::Detect;
using meshcheck::ingest::Detection;
using meshcheck::ingest::UnsupportedInput;
using meshcheck::testing::CorpusDir;
using meshcheck::testing::ReadFile;
using State = Detection::State;

bool IsDiscordJson(const std::filesystem::path& path) {
  return path.extension() == ".json" && path.parent_path().filename() == "discord";
}

std::vector<std::filesystem::path> AllCorpusFiles() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(CorpusDir())) {
    if (e.is_regular_file())
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What a non-Discord corpus file must be called, from its extension and (for JSON) its first
// key as nlohmann reads it.
std::string ExpectedLooksLike(const std::filesystem::path& path, const std::string& data) {
  const std::string ext = path.extension().string();
  if (ext == ".zip")
    return "a zip archive";
  if (ext == ".mbox")
    return "a mailbox (mbox) file";
  if (ext == ".txt" || ext == ".md")
    return "a plain-text file";
  if (ext == ".json" || ext == ".ndjson") {
    const std::string first_line = data.substr(0, ext == ".ndjson" ? data.find('\n') : data.size());
    const auto doc = nlohmann::ordered_json::parse(first_line);
    return "a JSON document whose first field is \"" + doc.begin().key() + "\"";
  }
  return "?";
}

// As the session calls it: the whole input, or its first kSniffBytes, which count as enough.
Detection DetectWhole(std::string_view data) {
  return Detect(data.substr(0, meshcheck::ingest::kSniffBytes), "f", true);
}

}  // namespace

TEST_CASE("Detect: every Discord corpus JSON is DiscordChatExporter JSON") {
  int seen = 0;
  for (const auto& path : AllCorpusFiles()) {
    if (!IsDiscordJson(path))
      continue;
    ++seen;
    INFO(path.string());
    const std::string data = ReadFile(path);
    const Detection d = DetectWhole(data);
    CHECK(d.state == State::kKnown);
    CHECK(d.format == Format::kDiscordJson);
    // Any prefix given as incomplete: not known yet, or already right; never wrong.
    for (size_t n = 0; n <= std::min<size_t>(data.size(), 300); ++n) {
      INFO("first " << n << " bytes");
      const Detection p =
          Detect(std::string_view(data).substr(0, n), path.filename().string(), false);
      CHECK(p.state != State::kUnknown);
      if (p.state == State::kKnown)
        CHECK(p.format == Format::kDiscordJson);
    }
    CHECK(Detect(std::string_view(data).substr(0, 10), "x", false).state == State::kNeedMore);
    CHECK(Detect(std::string_view(data).substr(0, 100), "x", false).state == State::kKnown);
    // With a byte order mark in front.
    CHECK(DetectWhole("\xEF\xBB\xBF" + data).format == Format::kDiscordJson);
  }
  CHECK(seen >= 3);
}

TEST_CASE("Detect: every other corpus file is unknown and named for what it is") {
  int seen = 0;
  for (const auto& path : AllCorpusFiles()) {
    if (IsDiscordJson(path))
      continue;
    ++seen;
    INFO(path.string());
    const std::string data = ReadFile(path);
    const Detection d = DetectWhole(data);
    CHECK(d.state == State::kUnknown);
    CHECK(d.looks_like == ExpectedLooksLike(path, data));
    // No prefix ever passes for a format.
    for (size_t n : {size_t{1}, size_t{4}, size_t{10}, size_t{100}, size_t{600}}) {
      const Detection p = Detect(std::string_view(data).substr(0, n), "x", false);
      CHECK(p.state != State::kKnown);
      if (p.state == State::kUnknown)
        CHECK(p.looks_like == d.looks_like);
    }
  }
  CHECK(seen >= 25);
}

TEST_CASE("Detect: empty, blank, binary and web files") {
  CHECK(Detect("", "f", true).looks_like == "an empty file");
  CHECK(Detect("", "f", false).state == State::kNeedMore);
  CHECK(Detect(" \n\t\r\n", "f", true).looks_like == "an empty file (only blank space)");
  CHECK(Detect("\xEF\xBB\xBF", "f", true).looks_like == "an empty file (only blank space)");
  CHECK(Detect("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "f", true).looks_like == "a PDF document");
  CHECK(Detect(std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00", 8), "f.gz", true).looks_like ==
        "a gzip-compressed file");
  CHECK(Detect("PK\x03\x04\x14\x00", "f.zip", true).looks_like == "a zip archive");
  CHECK(Detect("\x89PNG\r\n\x1A\n", "f.png", true).looks_like == "an image");
  CHECK(Detect(std::string("ELF\x02\x01\x00\x00\x01", 8), "f", true).looks_like == "a binary file");
  CHECK(Detect(std::string("\xFF\xFE{\x00\"\x00", 6), "f", true).looks_like ==
        "a UTF-16 text file (meshcheck reads UTF-8)");
  const std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Discord</title></head><body></body></html>";
  CHECK(Detect(html, "f.html", true).looks_like == "an HTML page");
  CHECK(Detect("\n  <HTML><BODY>hi</BODY></HTML>", "f", true).looks_like == "an HTML page");
  // A short prefix of a page is not called plain text before enough of it is known.
  CHECK(Detect(html.substr(0, 5), "f.html", false).state == State::kNeedMore);
  CHECK(Detect("<?xml version=\"1.0\"?><a/>", "f", true).looks_like == "an XML document");
  CHECK(Detect("[{\"a\": 1}]", "f", true).looks_like == "a JSON list");
  CHECK(Detect("{\"messages\": []}", "f", true).looks_like ==
        "a JSON document whose first field is \"messages\"");
  CHECK(Detect("{ }", "f", true).looks_like == "a JSON document");
  CHECK(Detect("{ 12 }", "f", true).looks_like == "a plain-text file");  // Not JSON at all.
  CHECK(Detect("[01/02/2020, 10:00:00] Ann: hi", "f", true).looks_like == "a plain-text file");
  CHECK(Detect("{\"guild", "f", true).looks_like == "a JSON document");  // Cut and complete.
  CHECK(Detect("{\"guild", "f", false).state == State::kNeedMore);
  CHECK(Detect("hello", "f", true).looks_like == "a plain-text file");
}

TEST_CASE("Detect: a long first key is shortened on a UTF-8 boundary") {
  const std::string key = std::string(39, 'k') + "\xC3\xA9" + std::string(20, 'z');
  const Detection d = Detect("{\"" + key + "\": 1}", "f", true);
  CHECK(d.looks_like == "a JSON document whose first field is \"" + std::string(39, 'k') + "\"");
}

TEST_CASE("UnsupportedInput names the file, what it looks like and what to export") {
  Detection d;
  d.state = State::kUnknown;
  d.looks_like = "a PDF document";
  const auto s = UnsupportedInput(d, "chat.pdf", 2);
  CHECK(s.code() == StatusCode::kUnsupportedFormat);
  CHECK(s.id() == "ingest.unsupported_format");
  CHECK(s.location().input == 2);
  CHECK(s.message().find("chat.pdf is a PDF document") != std::string::npos);
  CHECK(s.message().find("discord-json") != std::string::npos);
  CHECK(s.message().find("DiscordChatExporter") != std::string::npos);
}
