// meshcheck::Session, the public API: call order, input and session errors, chunking, privacy.
#include <catch2/catch.hpp>

#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "meshcheck/session.h"
#include "test_files.h"

namespace {

using meshcheck::Format;
using meshcheck::InputInfo;
using meshcheck::Options;
using meshcheck::Session;
using meshcheck::Status;
using meshcheck::StatusCode;
using meshcheck::testing::Chunks;
using meshcheck::testing::CorpusFiles;
using meshcheck::testing::kChunkSizes;
using meshcheck::testing::ReadFile;
using Json = nlohmann::json;

struct Outcome {
  Status begin, push, end, finish;
  std::string report, summary, edges;
  meshcheck::NetworkCut drawn;
};

// Feeds `inputs` (name, bytes) through one session in chunks of `chunk` bytes (0 = whole).
Outcome Run(const std::vector<std::pair<std::string, std::string>>& inputs,
            size_t chunk,
            Options options = {},
            Format format = Format::kAuto) {
  Session s(std::move(options));
  Outcome o;
  for (const auto& [name, bytes] : inputs) {
    InputInfo info;
    info.name = name;
    info.size_hint = bytes.size();
    info.format = format;
    o.begin = s.BeginInput(info);
    o.push = Status::Ok();
    for (std::string_view piece : Chunks(bytes, chunk)) {
      const Status st = s.Push(piece);
      if (!st.ok() && o.push.ok())
        o.push = st;
    }
    o.end = s.EndInput();
  }
  o.finish = s.Finish();
  o.report = s.ReportJson();
  o.summary = s.SummaryText();
  o.edges = s.GraphEdgeList();
  o.drawn = s.DrawnNetwork();
  return o;
}

std::vector<std::filesystem::path> DiscordJsonFiles() {
  std::vector<std::filesystem::path> out;
  for (const auto& p : CorpusFiles(".json")) {
    if (p.parent_path().filename() == "discord")
      out.push_back(p);
  }
  return out;
}

// A DiscordChatExporter JSON export whose message texts, attachment names, embed fields and
// sticker names all hold `marker`, and whose people are named "Person <k> <name_marker>".
std::string MarkedExport(const std::string& marker, const std::string& name_marker) {
  using Doc = nlohmann::ordered_json;  // DiscordChatExporter writes "guild" first.
  Doc messages = Doc::array();
  for (int i = 0; i < 12; ++i) {
    const std::string who = std::to_string(i % 4);
    Doc m = {
        {"id", std::to_string(1000 + i)},
        {"type", i > 0 && i % 3 == 0 ? "Reply" : "Default"},
        {"timestamp", "2024-03-0" + std::to_string(1 + i % 9) + "T10:00:00.000+00:00"},
        {"content", marker + " said in message " + std::to_string(i)},
        {"author",
         {{"id", "55" + who}, {"name", "Person " + who + " " + name_marker}, {"isBot", false}}},
        {"attachments", {{{"id", "1"}, {"fileName", marker + ".png"}, {"url", marker}}}},
        {"embeds", {{{"title", marker}, {"description", marker}}}},
        {"stickers", {{{"id", "2"}, {"name", marker}}}},
        {"reactions", Doc::array()},
        {"mentions", Doc::array()},
    };
    if (i > 0 && i % 3 == 0)
      m["reference"] = {{"messageId", std::to_string(999 + i)}};
    messages.push_back(m);
  }
  const Doc doc = {
      {"guild", {{"id", "1"}, {"name", "Guild"}}},
      {"channel", {{"id", "2"}, {"type", "GuildTextChat"}, {"name", "general"}}},
      {"messages", messages},
      {"messageCount", messages.size()},
  };
  return doc.dump(2);
}

}  // namespace

TEST_CASE("API misuse is a sticky session error") {
  struct Case {
    const char* what;
    void (*misuse)(Session*);
  };
  const Case cases[] = {
      {"Push before BeginInput", [](Session* s) { s->Push("{}"); }},
      {"EndInput without BeginInput", [](Session* s) { s->EndInput(); }},
      {"BeginInput twice",
       [](Session* s) {
         s->BeginInput({"a.json", 0, Format::kAuto});
         s->BeginInput({"b.json", 0, Format::kAuto});
       }},
      {"Finish before EndInput",
       [](Session* s) {
         s->BeginInput({"a.json", 0, Format::kAuto});
         s->Finish();
       }},
      {"Finish twice",
       [](Session* s) {
         s->Finish();
         s->Finish();
       }},
      {"BeginInput after Finish",
       [](Session* s) {
         s->Finish();
         s->BeginInput({"a.json", 0, Format::kAuto});
       }},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Session s;
    c.misuse(&s);
    // Every later call returns the first misuse.
    const Status begin = s.BeginInput({"late.json", 0, Format::kAuto});
    CHECK(begin.code() == StatusCode::kInvalidArgument);
    CHECK(begin.id() == "session.misuse");
    CHECK(s.Push("x").ToString() == begin.ToString());
    CHECK(s.EndInput().ToString() == begin.ToString());
    CHECK(s.Finish().ToString() == begin.ToString());
  }
}

TEST_CASE("an unsupported input is an input error and the next input still works") {
  const auto files = DiscordJsonFiles();
  REQUIRE_FALSE(files.empty());
  const std::string good = ReadFile(files.back());
  Session s;
  REQUIRE(s.BeginInput({"list.txt", 0, Format::kAuto}).ok());
  // A text of 64 KiB is enough to tell it is no export: the error comes from Push.
  std::string list;
  while (list.size() < 70000)
    list += "eggs\nmilk\nflour\n";
  const Status bad = s.Push(list);
  CHECK(bad.code() == StatusCode::kUnsupportedFormat);
  CHECK(bad.id() == "ingest.unsupported_format");
  CHECK(bad.location().input == 0);
  CHECK(s.Push("more").ToString() == bad.ToString());  // Sticky for the input...
  CHECK(s.EndInput().ToString() == bad.ToString());
  CHECK(s.BeginInput({files.back().filename().string(), good.size(), Format::kAuto}).ok());
  CHECK(s.Push(good).ok());  // ...but the next input starts clean.
  CHECK(s.EndInput().ok());
  CHECK(s.Finish().ok());
  const Json report = Json::parse(s.ReportJson());
  REQUIRE(report["inputs"].size() == 2);
  CHECK(report["inputs"][0]["status"] == "error");
  CHECK(report["inputs"][0]["error"]["code"] == "unsupported_format");
  CHECK(report["inputs"][1]["status"] == "ok");
  CHECK(report["group"]["messages"].get<int>() > 0);
  CHECK(s.progress().inputs == 2);
  CHECK(s.progress().bytes == good.size() + list.size());  // "more" came after the error.
}

TEST_CASE("a short unsupported input is an input error at EndInput") {
  Session s;
  REQUIRE(s.BeginInput({"list.txt", 0, Format::kAuto}).ok());
  CHECK(s.Push("eggs\nmilk\nflour\n").ok());  // Too little to tell yet.
  const Status bad = s.EndInput();
  CHECK(bad.code() == StatusCode::kUnsupportedFormat);
  CHECK(bad.id() == "ingest.unsupported_format");
  CHECK(bad.message().find("list.txt is a plain-text file") != std::string::npos);
}

TEST_CASE("Finish reports the first input error when no input could be read") {
  const Outcome o = Run({{"a.txt", "hello"}, {"b.pdf", "%PDF-1.4"}}, 0);
  CHECK(o.finish.code() == StatusCode::kUnsupportedFormat);
  CHECK(o.finish.location().input == 0);
  // The report still lists both inputs and their errors (the page shows them).
  const Json report = Json::parse(o.report);
  CHECK(report["inputs"][1]["error"]["message"].get<std::string>().find("a PDF document") !=
        std::string::npos);

  Session none;
  const Status empty = none.Finish();
  CHECK(empty.code() == StatusCode::kInvalidArgument);
  CHECK(empty.id() == "session.no_input");
}

TEST_CASE("the report is only available after Finish") {
  Session s;
  CHECK(s.ReportJson().empty());
  CHECK(s.SummaryText().empty());
  CHECK(s.GraphEdgeList().empty());
  CHECK(s.DrawnNetwork() == meshcheck::NetworkCut{});
}

TEST_CASE("a JSON that is not DiscordChatExporter's, forced as discord-json, is refused clearly") {
  const Outcome o =
      Run({{"settings.json", R"({"theme": "dark", "size": [1, 2]})"}}, 0, {}, Format::kDiscordJson);
  const Status& error = o.push.ok() ? o.end : o.push;
  CHECK(error.code() == StatusCode::kUnsupportedFormat);
  CHECK(error.id() == "ingest.discord.not_dce");
  CHECK(error.message().find("not a DiscordChatExporter") != std::string::npos);
  CHECK(o.finish.ToString() == error.ToString());
  const Json report = Json::parse(o.report);
  CHECK(report["inputs"][0]["format"] == "discord-json");
}

TEST_CASE("every Discord corpus file gives the same report whatever the chunking") {
  const auto files = DiscordJsonFiles();
  REQUIRE(files.size() >= 3);
  for (const auto& path : files) {
    const std::string bytes = ReadFile(path);
    const Outcome whole = Run({{path.filename().string(), bytes}}, 0);
    INFO(path.filename().string());
    REQUIRE(whole.finish.ok());
    // The network drawn: everyone in the edge list's node and edge lines, and every tie (these
    // files are small enough to be drawn whole).
    std::set<std::string> people;
    std::istringstream lines(whole.edges);
    for (std::string tag, a, b; lines >> tag >> a;) {
      if (tag == "node" || tag == "edge")
        people.insert(a);
      if (tag == "edge" && lines >> b)
        people.insert(b);
      lines.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
    }
    CHECK(whole.drawn.people == people.size());
    CHECK(whole.drawn.member.size() == people.size());
    CHECK(whole.drawn.weight.size() == whole.drawn.ties);
    for (size_t chunk : kChunkSizes) {
      INFO("chunks of " << chunk);
      const Outcome split = Run({{path.filename().string(), bytes}}, chunk);
      CHECK(split.finish.ok());
      CHECK(split.report == whole.report);
      CHECK(split.summary == whole.summary);
      CHECK(split.edges == whole.edges);
      CHECK(split.drawn == whole.drawn);
    }
  }
}

TEST_CASE("no message text ever reaches the report, the summary or the edge list") {
  const std::string marker = "QX7-MARKER-TEXT-5519";
  const std::string name_marker = "QX7-NAME-3306";
  const std::string doc = MarkedExport(marker, name_marker);
  REQUIRE(doc.find(marker) != std::string::npos);
  for (bool pseudonymize : {true, false}) {
    INFO("pseudonymize " << pseudonymize);
    Options options;
    options.pseudonymize = pseudonymize;
    options.hosts = {"Person 0 " + name_marker};
    for (size_t chunk : kChunkSizes) {
      const Outcome o = Run({{"marked.json", doc}}, chunk, options);
      INFO(o.finish.ToString());
      REQUIRE(o.finish.ok());
      for (const std::string* out : {&o.report, &o.summary, &o.edges}) {
        CHECK(out->find(marker) == std::string::npos);
        CHECK(out->find("said in message") == std::string::npos);
        // Names appear only when asked for, and never in the edge list.
        const bool named = out->find(name_marker) != std::string::npos;
        CHECK(named == (!pseudonymize && out != &o.edges));
      }
      const Json report = Json::parse(o.report);
      CHECK(report["group"]["messages"] == 12);
      CHECK(report["measures"]["peer_reply_share"]["evidence"]["replies"] == 3);
      CHECK(report["hosts"]["source"] == "declared");
    }
  }
}

TEST_CASE("a workspace's channels each get a reading, and one can be analysed alone") {
  const auto zip = meshcheck::testing::CorpusDir() / "slack" / "rcwg-r-contributors-subset.zip";
  const std::vector<std::pair<std::string, std::string>> input = {
      {zip.filename().string(), ReadFile(zip)}};
  const Outcome whole = Run(input, 0);
  REQUIRE(whole.finish.ok());
  const Json w = Json::parse(whole.report);
  CHECK(w["scope"]["one_group"] == true);
  REQUIRE(w["groups"].size() == 4);
  uint64_t sum = 0;
  Json help;
  for (const Json& g : w["groups"]) {
    sum += g["messages"].get<uint64_t>();
    if (g["name"] == "core-dev-help")
      help = g;
  }
  CHECK(sum == w["group"]["messages"].get<uint64_t>());  // Every person's message, once.
  REQUIRE(help.is_object());

  Options only;
  only.groups = {"#Core-Dev-Help"};
  const Outcome part = Run(input, 4096, only);
  REQUIRE(part.finish.ok());
  const Json p = Json::parse(part.report);
  CHECK(p["group"]["messages"] == help["messages"]);
  CHECK(p["group"]["posters"] == help["posters"]);
  CHECK(p["verdict"]["label"] == help["label"]);
  CHECK(p["verdict"]["community_index"] == help["community_index"]);
  CHECK(p["groups"].empty());

  Options none;
  none.groups = {"no-such-channel"};
  const Outcome missing = Run(input, 0, none);
  CHECK(missing.finish.id() == "session.group_not_found");
  CHECK(missing.finish.message().find("general") != std::string::npos);
}

TEST_CASE("separate groups in one export get no overall verdict") {
  const auto path =
      meshcheck::testing::CorpusDir() / "reddit" / "pushshift-RC_2015-01-head-sample.ndjson";
  const Outcome o = Run({{path.filename().string(), ReadFile(path)}}, 0);
  REQUIRE(o.finish.ok());
  const Json r = Json::parse(o.report);
  CHECK(r["scope"]["one_group"] == false);
  CHECK(r["scope"]["separate_groups"].get<int>() > 1000);  // 1,163 subreddits (SOURCES.md).
  CHECK(r["verdict"]["label"] == "insufficient_data");
  CHECK(r["verdict"]["insufficient"][0].get<std::string>().find("separate groups") !=
        std::string::npos);
  CHECK(r["groups"].size() == 500);  // The largest, capped.
}

TEST_CASE("the members CSV lists every poster and defuses formulas in names") {
  // A WhatsApp chat whose people carry spreadsheet formulas and markup in their names.
  const std::vector<std::string> names = {
      "=HYPERLINK(\"http://x\")",     "+1 555 0100",      "-minus", "@admin",
      "<img src=x onerror=alert(1)>", "Plain, \"quoted\""};
  std::string chat;
  for (int day = 1; day <= 20; ++day) {
    for (size_t k = 0; k < names.size(); ++k) {
      chat += "1/" + std::to_string(day) + "/24, 10:0" + std::to_string(k) + " - " + names[k] +
              ": hello " + std::to_string(day) + "\n";
    }
  }
  Options revealed;
  revealed.pseudonymize = false;
  Session s(revealed);
  InputInfo info;
  info.name = "WhatsApp Chat with Friends.txt";
  REQUIRE(s.BeginInput(info).ok());
  REQUIRE(s.Push(chat).ok());
  REQUIRE(s.EndInput().ok());
  REQUIRE(s.Finish().ok());
  const std::string csv = s.MembersCsv();
  CHECK(csv.rfind("id,roles,messages,replies_to_members,replies_received,peer_answers,"
                  "people_answered,active_weeks,first_day,last_day\r\n",
                  0) == 0);
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\",") != std::string::npos);
  CHECK(csv.find("\n'+1 555 0100,") != std::string::npos);
  CHECK(csv.find("\n'-minus,") != std::string::npos);
  CHECK(csv.find("\n'@admin,") != std::string::npos);
  CHECK(csv.find("\n<img src=x onerror=alert(1)>,") != std::string::npos);
  CHECK(csv.find("\n\"Plain, \"\"quoted\"\"\",") != std::string::npos);
  size_t rows = 0;
  for (char c : csv)
    rows += c == '\n';
  CHECK(rows == 1 + names.size());
  // Every one of them posted 20 messages.
  CHECK(csv.find(",20,") != std::string::npos);

  Session pseudonymous;  // The default: pseudonyms, never names.
  REQUIRE(pseudonymous.BeginInput(info).ok());
  REQUIRE(pseudonymous.Push(chat).ok());
  REQUIRE(pseudonymous.EndInput().ok());
  REQUIRE(pseudonymous.Finish().ok());
  const std::string hidden = pseudonymous.MembersCsv();
  CHECK(hidden.find("admin") == std::string::npos);
  CHECK(hidden.find("\nmember-") != std::string::npos);
}

TEST_CASE("a relayed bot the export does not mark counts as a bot unless detection is off") {
  // The Discord CSV relays a Slack workspace through a gateway account; the relay's lines from
  // Slack's own bot ("[slack] <slackbot> ...") become the person "slackbot", unmarked.
  const auto path =
      meshcheck::testing::CorpusDir() / "discord" / "komodo-dce-csv-talk-trading-parts1-30.zip";
  const std::string bytes = ReadFile(path);
  const std::string part = ReadFile(meshcheck::testing::UnzippedCorpusDir() / "discord" /
                                    "komodo-dce-csv-talk-trading-parts1-30" / "community-lounge" /
                                    "talk-trading" / "3.csv");
  REQUIRE(part.find("\"[slack] <slackbot> ") != std::string::npos);
  Options off;
  off.detect_bots = false;
  const Outcome on_run = Run({{path.filename().string(), bytes}}, 0);
  const Outcome off_run = Run({{path.filename().string(), bytes}}, 0, off);
  REQUIRE(on_run.finish.ok());
  REQUIRE(off_run.finish.ok());
  const Json on = Json::parse(on_run.report);
  const Json without = Json::parse(off_run.report);
  CHECK(on["group"]["bots"].get<int>() == without["group"]["bots"].get<int>() + 1);
  bool said = false;
  for (const Json& d : on["diagnostics"])
    said |= d["id"] == "model.bots_detected" && d["count"] == 1 && d["severity"] == "info";
  CHECK(said);
  for (const Json& d : without["diagnostics"])
    CHECK(d["id"] != "model.bots_detected");
}
