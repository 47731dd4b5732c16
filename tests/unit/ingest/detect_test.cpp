// Format sniffing: every real export is recognised as its format from its first bytes and name,
// never misnamed from a shorter prefix; everything else is named for what it looks like.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include "ingest/detect.h"
#include "reader_harness.h"
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

std::vector<std::filesystem::path> FilesUnder(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename() != "SOURCES.md")
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The format of a corpus file, from where SOURCES.md files it and its extension.
Format ExpectedFormat(const std::filesystem::path& path) {
  const std::string folder = path.parent_path().filename().string();
  const std::string ext = path.extension().string();
  if (ext == ".zip")
    return Format::kZip;
  if (folder == "discord")
    return ext == ".txt" ? Format::kDiscordText : Format::kDiscordJson;
  if (folder == "discourse")
    return Format::kDiscourseJson;
  if (folder == "mbox")
    return Format::kMbox;
  if (folder == "messenger")
    return Format::kMessengerJson;
  if (folder == "reddit")
    return Format::kRedditNdjson;
  if (folder == "telegram")
    return Format::kTelegramJson;
  if (folder == "whatsapp")
    return Format::kWhatsAppText;
  return Format::kAuto;
}

// As the session calls it: the whole input, or its first kSniffBytes, which count as enough.
Detection DetectWhole(std::string_view data, std::string_view name = "f") {
  const bool whole = data.size() <= meshcheck::ingest::kSniffBytes;
  return Detect(data.substr(0, meshcheck::ingest::kSniffBytes), name, true, whole);
}

// Any prefix given as incomplete: not known yet, or already right; never another format.
void CheckPrefixes(std::string_view data, std::string_view name, Format expected) {
  for (size_t n = 0; n <= data.size() && n <= meshcheck::ingest::kSniffBytes;
       n = n < 300 ? n + 1 : n * 2) {
    INFO("first " << n << " bytes");
    const Detection p = Detect(data.substr(0, n), name, false);
    CHECK(p.state != State::kUnknown);
    if (p.state == State::kKnown)
      CHECK(meshcheck::FormatName(p.format) == std::string(meshcheck::FormatName(expected)));
  }
}

}  // namespace

TEST_CASE("Detect: every corpus file is known as its format, from any prefix on") {
  int seen = 0;
  for (const auto& path : FilesUnder(CorpusDir())) {
    ++seen;
    INFO(path.string());
    const Format expected = ExpectedFormat(path);
    const std::string data = ReadFile(path);
    const std::string name = path.filename().string();
    const Detection d = DetectWhole(data, name);
    CHECK(d.state == State::kKnown);
    CHECK(meshcheck::FormatName(d.format) == std::string(meshcheck::FormatName(expected)));
    CheckPrefixes(data, name, expected);
    // A byte order mark in front changes nothing (some exports already have one).
    if (data.rfind("\xEF\xBB\xBF", 0) != 0)
      CHECK(DetectWhole("\xEF\xBB\xBF" + data, name).format == d.format);
  }
  CHECK(seen >= 30);
}

TEST_CASE("Detect: the files inside the corpus zips are known by name and content") {
  const auto root = meshcheck::testing::UnzippedCorpusDir();
  int seen = 0;
  for (const auto& path : FilesUnder(root)) {
    const std::string rel = std::filesystem::relative(path, root).generic_string();
    const std::string name = path.filename().string();
    Format expected = Format::kAuto;
    if (rel.rfind("discord/", 0) == 0 && path.extension() == ".csv")
      expected = Format::kDiscordCsv;
    const bool slack_roster = name == "users.json" || name == "channels.json";
    const bool slack_day = name.size() == 15 && name[4] == '-' && name[7] == '-';
    if (rel.rfind("slack/", 0) == 0 && (slack_roster || slack_day))
      expected = Format::kSlack;
    if (expected == Format::kAuto)
      continue;
    ++seen;
    INFO(rel);
    // Named as a zip entry or a dropped folder names it: with its folders.
    const std::string entry = rel.substr(rel.find('/', rel.find('/') + 1) + 1);
    const std::string data = ReadFile(path);
    const Detection d = DetectWhole(data, entry);
    CHECK(d.state == State::kKnown);
    CHECK(meshcheck::FormatName(d.format) == std::string(meshcheck::FormatName(expected)));
    if (seen % 25 == 1)
      CheckPrefixes(data, entry, expected);
  }
  CHECK(seen >= 300);
}

TEST_CASE("Detect: empty, blank, binary and web files") {
  CHECK(Detect("", "f", true).looks_like == "an empty file");
  CHECK(Detect("", "f", false).state == State::kNeedMore);
  CHECK(Detect(" \n\t\r\n", "f", true).looks_like == "an empty file (only blank space)");
  CHECK(Detect("\xEF\xBB\xBF", "f", true).looks_like == "an empty file (only blank space)");
  CHECK(Detect("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "f", true).looks_like == "a PDF document");
  CHECK(Detect(std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00", 8), "f.gz", true).looks_like ==
        "a gzip-compressed file");
  CHECK(Detect("PK\x03\x04\x14\x00", "f.zip", true).format == Format::kZip);
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
  CHECK(Detect("{ 12 }", "f", true).looks_like == "a plain-text file");    // Not JSON at all.
  CHECK(Detect("[1, 2, 3", "f", true).looks_like == "a plain-text file");  // Cut: not JSON.
  // A cut DCE export is one: its reader says where it was cut.
  CHECK(Detect("{\"guild\": {", "f", true).format == Format::kDiscordJson);
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
  CHECK(s.message().find("slack") != std::string::npos);
  CHECK(s.message().find("README") != std::string::npos);
}

// ---- InputReader: what the session pushes goes through sniffing whatever the chunks ---------

TEST_CASE("InputReader: a first chunk beyond kSniffBytes is sniffed on its first kSniffBytes") {
  // Text no reader claims, with a NUL byte past the sniffed bytes: in one chunk as in many, the
  // input is named from its first kSniffBytes (plain text), never from the byte beyond them.
  std::string text;
  while (text.size() < meshcheck::ingest::kSniffBytes + 1000)
    text += "just some notes and no chat here\n";
  text += '\0';
  text += "tail\n";
  const meshcheck::testing::ReadResult r =
      meshcheck::testing::ReadAllAs(Format::kAuto, text, "notes.txt");
  CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
  CHECK(r.status.id() == "ingest.unsupported_format");
}

TEST_CASE("InputReader: an export far larger than kSniffBytes reads whole as in chunks") {
  // A DCE document of about 200 KB: pushed whole, its reader gets the first chunk itself.
  std::string doc = R"({"guild": {"id": "1", "name": "G"},
    "channel": {"id": "2", "type": "GuildTextChat", "name": "c"}, "messages": [)";
  constexpr int kMessages = 1500;
  for (int i = 0; i < kMessages; ++i) {
    doc += std::string(i == 0 ? "" : ",") + R"({"id": ")" + std::to_string(1000 + i) +
           R"(", "type": "Default", "timestamp": "2024-01-0)" + std::to_string(1 + i % 9) +
           R"(T10:00:00+00:00", "content": "message number )" + std::to_string(i) +
           R"( with some text", "author": {"id": ")" + std::to_string(i % 7) +
           R"(", "name": "p", "isBot": false}})";
  }
  doc += "]}";
  REQUIRE(doc.size() > 2 * meshcheck::ingest::kSniffBytes);
  const meshcheck::testing::ReadResult r =
      meshcheck::testing::ReadAllAs(Format::kAuto, doc, "big.json");
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == kMessages);
  CHECK(r.sink.messages.front().id == "1000");
  CHECK(r.sink.messages.back().id == std::to_string(1000 + kMessages - 1));
  CHECK(r.sink.messages.back().author.key == std::to_string((kMessages - 1) % 7));
}
