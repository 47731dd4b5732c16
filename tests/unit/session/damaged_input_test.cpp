// Damaged input through the Session (issue 8, item 5): a truncated file gives a partial report
// with a diagnostic saying where it stopped; invalid UTF-8 is repaired and counted; absurd
// timestamps are counted and kept out of the timeline, and reversed order changes nothing;
// duplicate messages are counted once. Expected values are derived independently: from the
// documents built here and from the corpus file parsed by nlohmann.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "meshcheck/session.h"
#include "test_files.h"

namespace {

using meshcheck::InputInfo;
using meshcheck::Options;
using meshcheck::Session;
using meshcheck::Status;
using meshcheck::testing::Chunks;
using meshcheck::testing::kChunkSizes;
using Json = nlohmann::json;
// Keeps the export's key order: DiscordChatExporter writes "guild" first, and detection knows it.
using Export = nlohmann::ordered_json;

struct Run {
  Status end;
  Json report;
};

// Reads the inputs (name, bytes) in one session, each in chunks of `chunk` (0 = whole).
Run Analyse(const std::vector<std::pair<std::string, std::string>>& inputs,
            size_t chunk,
            Options options = {}) {
  Session s(std::move(options));
  Run run;
  for (const auto& [name, bytes] : inputs) {
    InputInfo info;
    info.name = name;
    info.size_hint = bytes.size();
    REQUIRE(s.BeginInput(info).ok());
    for (std::string_view piece : Chunks(bytes, chunk))
      REQUIRE(s.Push(piece).ok());
    run.end = s.EndInput();
  }
  REQUIRE(s.Finish().ok());
  run.report = Json::parse(s.ReportJson());
  return run;
}

// The report's diagnostic `id`, or null.
Json Diagnostic(const Json& report, const std::string& id) {
  for (const Json& d : report["diagnostics"]) {
    if (d["id"] == id)
      return d;
  }
  return nullptr;
}

Export DiscordExport() {
  return Export::parse(meshcheck::testing::ReadFile(meshcheck::testing::CorpusDir() / "discord" /
                                                    "dcef-example-guild-general.json"));
}

// A generic CSV (docs/generic-csv.md) of `rows` already formatted as "id,timestamp,author,
// reply_to".
std::string GenericCsv(const std::vector<std::string>& rows) {
  std::string out = "id,timestamp,author,reply_to,thread,channel,kind,text\n";
  for (const std::string& r : rows)
    out += r + ",,general,,hello\n";
  return out;
}

// 60 messages by 6 people, 37 minutes apart from 2024-03-01 09:00 UTC; every other one
// replies to the one before.
std::vector<std::string> OrderlyRows() {
  std::vector<std::string> rows;
  for (int i = 0; i < 60; ++i) {
    const int minutes = 9 * 60 + 37 * i;
    char when[40];
    std::snprintf(when, sizeof when, "2024-03-%02dT%02d:%02d:00Z", 1 + minutes / 1440,
                  minutes % 1440 / 60, minutes % 60);
    rows.push_back(std::to_string(i + 1) + "," + when + ",p" + std::to_string(i % 6) + "," +
                   (i % 2 ? std::to_string(i) : ""));
  }
  return rows;
}

TEST_CASE("a truncated export gives the messages before the cut and says where it stopped") {
  const Export full = DiscordExport();
  const size_t kept = full["messages"].size() / 2;
  REQUIRE(kept > 5);
  // The same export holding only its first `kept` messages, then the same text cut inside the
  // next message.
  Export head = full;
  head["messages"] = Export(std::vector<Export>(
      full["messages"].begin(), full["messages"].begin() + static_cast<long>(kept)));
  const std::string whole = head.dump(2);
  Export longer = head;
  longer["messages"].push_back(full["messages"][kept]);
  const std::string longer_text = longer.dump(2);
  // The texts agree up to the end of message kept - 1; cut 40 bytes into message `kept`.
  const size_t cut_at =
      std::mismatch(whole.begin(), whole.end(), longer_text.begin()).first - whole.begin();
  REQUIRE(longer_text.substr(cut_at, 1) == ",");
  const std::string cut = longer_text.substr(0, cut_at + 40);
  REQUIRE(cut.find("}", cut_at + 1) == std::string::npos);  // Still inside that message.
  const Run reference = Analyse({{"general.json", whole}}, 0);
  for (size_t chunk : kChunkSizes) {
    INFO("chunks of " << chunk);
    const Run r = Analyse({{"general.json", cut}}, chunk);
    CHECK(r.end.ok());
    CHECK(r.report["inputs"][0]["status"] == "ok");
    CHECK(r.report["group"]["messages"] == reference.report["group"]["messages"]);
    CHECK(r.report["inputs"][0]["messages"] == reference.report["inputs"][0]["messages"]);
    const Json d = Diagnostic(r.report, "ingest.discord.truncated");
    REQUIRE(!d.is_null());
    CHECK(d["first"]["byte"] == cut.size());  // Where it stopped: the end of what came.
    CHECK(d["first"]["input"] == 0);
  }
}

TEST_CASE("a damaged input's report does not depend on where the caller stopped pushing") {
  // A syntax error before the first message: an input error, at which callers stop pushing
  // (the CLI and the page do), so each chunk size stops after a different number of bytes.
  std::string text = DiscordExport().dump(2);
  const size_t key = text.find("\"guild\":");
  REQUIRE(key != std::string::npos);
  text[key + 7] = 'x';
  std::string reference;
  for (size_t chunk : kChunkSizes) {
    INFO("chunks of " << chunk);
    Session s;
    InputInfo info;
    info.name = "general.json";
    info.size_hint = text.size();
    REQUIRE(s.BeginInput(info).ok());
    for (std::string_view piece : Chunks(text, chunk)) {
      if (!s.Push(piece).ok())
        break;
    }
    const Status end = s.EndInput();
    CHECK(end.id() == "ingest.json.syntax");
    (void)s.Finish();
    const Json report = Json::parse(s.ReportJson());
    CHECK(report["inputs"][0]["status"] == "error");
    CHECK(report["inputs"][0]["bytes"] == text.size());
    if (chunk == 0)
      reference = s.ReportJson();
    else
      CHECK(s.ReportJson() == reference);
  }
}

TEST_CASE("invalid UTF-8 is repaired and counted, and the report stays valid UTF-8") {
  const Export doc = DiscordExport();
  // Three invalid sequences in the first author's name: a lone continuation byte, a 2-byte
  // sequence cut short, a byte that never occurs in UTF-8.
  std::string text = doc.dump();
  const std::string name = doc["messages"][0]["author"]["name"];
  const std::string field = "\"name\":\"" + name + "\"";
  const size_t at = text.find(field);
  REQUIRE(at != std::string::npos);
  text.replace(at, field.size(), "\"name\":\"" + name + "\x80x\xC3y\xFF\"");
  for (size_t chunk : kChunkSizes) {
    INFO("chunks of " << chunk);
    const Run r = Analyse({{"general.json", text}}, chunk);  // Json::parse: strict UTF-8.
    const Json d = Diagnostic(r.report, "ingest.invalid_utf8");
    REQUIRE(!d.is_null());
    CHECK(d["count"] == 3);
    CHECK(r.report["group"] == Analyse({{"general.json", doc.dump()}}, 0).report["group"]);
  }
}

TEST_CASE("absurd timestamps are counted and kept out of the timeline") {
  std::vector<std::string> rows = OrderlyRows();
  const Run clean = Analyse({{"chat.csv", GenericCsv(rows)}}, 0);
  rows.push_back("61,1970-01-01T00:00:00Z,p1,");
  rows.push_back("62,2200-06-01T00:00:00Z,p2,");
  for (size_t chunk : kChunkSizes) {
    INFO("chunks of " << chunk);
    const Run r = Analyse({{"chat.csv", GenericCsv(rows)}}, chunk);
    const Json d = Diagnostic(r.report, "model.implausible_time");
    REQUIRE(!d.is_null());
    CHECK(d["count"] == 2);
    CHECK(r.report["group"]["first_day"] == "2024-03-01");
    CHECK(r.report["group"]["first_day"] == clean.report["group"]["first_day"]);
    CHECK(r.report["group"]["last_day"] == clean.report["group"]["last_day"]);
    CHECK(r.report["group"]["span_days"] == clean.report["group"]["span_days"]);
    CHECK(r.report["timeline"] == clean.report["timeline"]);
    CHECK(r.report["group"]["messages"] == clean.report["group"]["messages"].get<int>() + 2);
  }
}

TEST_CASE("messages in reverse order give the same analysis") {
  std::vector<std::string> rows = OrderlyRows();
  const Run forward = Analyse({{"chat.csv", GenericCsv(rows)}}, 0);
  std::reverse(rows.begin(), rows.end());
  const Run backward = Analyse({{"chat.csv", GenericCsv(rows)}}, 0);
  CHECK(forward.report["group"] == backward.report["group"]);
  CHECK(forward.report["timeline"] == backward.report["timeline"]);
  CHECK(forward.report["measures"] == backward.report["measures"]);
  CHECK(forward.report["verdict"] == backward.report["verdict"]);
}

TEST_CASE("an export given twice counts each message once and says so") {
  const std::string text = DiscordExport().dump();
  const Run once = Analyse({{"general.json", text}}, 0);
  const Run twice = Analyse({{"general.json", text}, {"general-copy.json", text}}, 0);
  CHECK(twice.report["group"] == once.report["group"]);
  const Json d = Diagnostic(twice.report, "model.duplicate_message");
  REQUIRE(!d.is_null());
  // Every record of the second copy is a duplicate: as many as the first input read.
  CHECK(d["count"] == once.report["inputs"][0]["messages"]);
  CHECK(Diagnostic(once.report, "model.duplicate_message").is_null());
}

// Fuzzing regression (fuzz_session, first input: the empty file): with no dated message the
// roles measure subtracted days from "no time" (INT64_MIN), a signed overflow UBSan caught
// (metrics/roles.cc). The session must finish and say why nothing was read.
TEST_CASE("fuzz regression: a session with no dated message finishes without overflow") {
  Session s;
  REQUIRE(s.BeginInput({"empty.json", 0, meshcheck::Format::kAuto}).ok());
  CHECK(s.EndInput().id() == "ingest.empty");
  CHECK(s.Finish().id() == "ingest.empty");
  const Json report = Json::parse(s.ReportJson());
  CHECK(report["group"]["messages"] == 0);
  CHECK(report["group"]["first_day"].is_null());
}

}  // namespace
