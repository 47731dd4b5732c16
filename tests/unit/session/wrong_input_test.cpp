// Inputs that are no export (issue 8, item 6): each kind gets its own Status id and a message
// saying what the file is and what to give meshcheck instead, whether the bytes come whole or
// in chunks. (The CLI side: check_wrong_input_cli.py.)
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "meshcheck/session.h"
#include "test_files.h"

namespace {

using meshcheck::Format;
using meshcheck::InputInfo;
using meshcheck::Session;
using meshcheck::Status;
using meshcheck::StatusCode;
using meshcheck::testing::Chunks;
using meshcheck::testing::kChunkSizes;

// The input's error after reading `bytes` as `name` in chunks of `chunk` (0 = whole).
Status ReadAs(const std::string& name, std::string_view bytes, size_t chunk) {
  Session s;
  InputInfo info;
  info.name = name;
  info.size_hint = bytes.size();
  REQUIRE(s.BeginInput(info).ok());
  Status first;
  for (std::string_view piece : Chunks(bytes, chunk)) {
    const Status pushed = s.Push(piece);
    if (!pushed.ok()) {
      first = pushed;
      break;
    }
  }
  const Status end = s.EndInput();
  CHECK(end.ToString() == (first.ok() ? end : first).ToString());  // Sticky: the same error.
  return end;
}

struct WrongInput {
  std::string what;
  std::string name;
  std::string bytes;
  std::string id;
  std::vector<std::string> says;  // Phrases the message must hold.
};

std::string Repeat(std::string_view s, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i)
    out += s;
  return out;
}

std::vector<WrongInput> WrongInputs() {
  // Long enough that Detect decides before the end for some, short for others.
  const std::string html = "<!DOCTYPE html>\n<html><head><title>Chat</title></head><body>" +
                           Repeat("<div class=\"message\">hi</div>\n", 3000) + "</body></html>\n";
  return {
      {"an empty file", "chat.json", "", "ingest.empty", {"chat.json is an empty file"}},
      {"blank space only", "chat.txt", " \n\t\r\n", "ingest.empty", {"only blank space"}},
      {"a binary file",
       "chat.db",
       std::string("SQLite format 3\0\x10\x00\x01\x01", 21),
       "ingest.binary",
       {"chat.db is a binary file", "JSON, CSV or text"}},
      {"a PDF",
       "chat.pdf",
       "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
       "ingest.pdf",
       {"chat.pdf is a PDF document", "printed view"}},
      {"an HTML export",
       "messages.html",
       html,
       "ingest.html",
       {"messages.html is an HTML page", "export as JSON"}},
      {"a JSON of another shape",
       "settings.json",
       R"({"theme": "dark", "volume": 3})",
       "ingest.unknown_json_shape",
       {"whose first field is \"theme\"", "not shaped like any export"}},
      {"a JSON list of another shape",
       "list.json",
       R"([{"a": 1}, {"a": 2}])",
       "ingest.unknown_json_shape",
       {"list.json is a JSON list"}},
      {"an image",
       "photo.png",
       std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16),
       "ingest.image",
       {"photo.png is an image", "not its media"}},
      {"a gzip file",
       "chat.json.gz",
       std::string("\x1F\x8B\x08\0\0\0\0\0\0\x03", 10),
       "ingest.compressed",
       {"gzip-compressed", "gunzip"}},
      {"UTF-16 text",
       "chat.txt",
       std::string("\xFF\xFE[\0\"\0", 6),
       "ingest.utf16",
       {"UTF-16", "UTF-8"}},
      {"an XML document",
       "feed.xml",
       "<?xml version=\"1.0\"?>\n<rss><channel/></rss>\n",
       "ingest.xml",
       {"feed.xml is an XML document"}},
      {"plain text",
       "notes.txt",
       "Shopping list\n- milk\n- bread\n",
       "ingest.unsupported_format",
       {"notes.txt is a plain-text file", "generic CSV"}},
  };
}

TEST_CASE("each kind of wrong input has its own id and message, in every chunking") {
  for (const WrongInput& w : WrongInputs()) {
    for (size_t chunk : kChunkSizes) {
      INFO(w.what << " in chunks of " << chunk);
      const Status s = ReadAs(w.name, w.bytes, chunk);
      CHECK(s.code() == StatusCode::kUnsupportedFormat);
      CHECK(s.id() == w.id);
      for (const std::string& phrase : w.says)
        CHECK(s.message().find(phrase) != std::string::npos);
      CHECK(s.message().find("Supported: ") != std::string::npos);
      CHECK(s.location().input == 0);
    }
  }
}

TEST_CASE("a wrong input beside a real export: the report lists it with its own error") {
  const std::string good = meshcheck::testing::ReadFile(
      meshcheck::testing::CorpusDir() / "discord" / "dcef-example-guild-general.json");
  REQUIRE(!good.empty());
  Session s;
  REQUIRE(s.BeginInput({"chat.pdf", 0, Format::kAuto}).ok());
  CHECK(s.Push("%PDF-1.4\n").ok());  // Too little to tell: the error comes at EndInput.
  CHECK(s.EndInput().id() == "ingest.pdf");
  REQUIRE(s.BeginInput({"general.json", good.size(), Format::kAuto}).ok());
  CHECK(s.Push(good).ok());
  CHECK(s.EndInput().ok());
  REQUIRE(s.Finish().ok());
  const nlohmann::json report = nlohmann::json::parse(s.ReportJson());
  CHECK(report["inputs"][0]["error"]["id"] == "ingest.pdf");
  CHECK(report["inputs"][0]["error"]["code"] == "unsupported_format");
  CHECK(report["inputs"][1]["status"] == "ok");
  CHECK(s.SummaryText().find("ingest.pdf") != std::string::npos);
}

TEST_CASE("only wrong inputs: Finish returns the first one's error") {
  Session s;
  for (const char* name : {"a.pdf", "b.html"}) {
    REQUIRE(s.BeginInput({name, 0, Format::kAuto}).ok());
    (void)s.Push(std::string(name) == "a.pdf" ? "%PDF-1.4\n" : "<html><body>x</body></html>");
    CHECK(!s.EndInput().ok());
  }
  const Status finish = s.Finish();
  CHECK(finish.id() == "ingest.pdf");
  CHECK(finish.location().input == 0);
}

}  // namespace
