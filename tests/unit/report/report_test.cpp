// report::RenderReport, RenderSummary and RenderEdgeList on hand-built datasets: determinism,
// privacy, the JSON shape the schema promises, and the text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "classify/verdict.h"
#include "dataset_builder.h"
#include "graph/interaction_graph.h"
#include "meshcheck/options.h"
#include "meshcheck/status.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measures.h"
#include "metrics/params.h"
#include "model/scope.h"
#include "report/network_cut.h"
#include "report/report.h"
#include "test_files.h"

namespace {

using meshcheck::Format;
using meshcheck::Options;
using meshcheck::model::ChannelKind;
using meshcheck::report::InputSummary;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::Msg;
using meshcheck::testing::Nameless;
using meshcheck::testing::Who;
using Json = nlohmann::json;

// Everything a report is rendered from, computed from a builder the way Session::Finish does.
struct Rendered {
  Options options;
  std::vector<InputSummary> inputs;
  meshcheck::metrics::GroupFacts facts;
  meshcheck::graph::InteractionGraph graph;
  meshcheck::metrics::HostSet hosts;
  meshcheck::metrics::Measures measures;
  meshcheck::classify::Verdict verdict;
  meshcheck::model::Scope scope;
  std::vector<meshcheck::report::UnitVerdict> units;  // One unit: none of its own.
  std::vector<meshcheck::report::Recommendation> recommendations;
  meshcheck::report::ReportInput in;

  Rendered(DatasetBuilder& b, Options o) : options(std::move(o)) {
    const auto& data = b.Finalize();
    InputSummary s;
    s.name = "export.json";
    s.format = Format::kDiscordJson;
    s.bytes = 1234;
    s.messages = data.messages().size();
    inputs.push_back(s);
    facts = meshcheck::metrics::ComputeFacts(data);
    graph = meshcheck::graph::InteractionGraph::Build(data, meshcheck::metrics::kInference);
    hosts = meshcheck::metrics::DetectHosts(data, facts, options.hosts);
    measures = meshcheck::metrics::ComputeMeasures(data, graph, facts, hosts);
    verdict = meshcheck::classify::Assess(data, facts, hosts, measures, {Format::kDiscordJson});
    in.options = &options;
    in.inputs = &inputs;
    in.diagnostics = &b.diagnostics();
    in.data = &data;
    in.facts = &facts;
    in.hosts = &hosts;
    in.measures = &measures;
    in.verdict = &verdict;
    scope = meshcheck::model::ScopeOf(data);
    in.scope = &scope;
    in.units = &units;
    in.recommendations = &recommendations;
  }
  std::string Report() const { return meshcheck::report::RenderReport(in); }
  std::string Summary() const { return meshcheck::report::RenderSummary(in); }
  std::string Edges() const { return meshcheck::report::RenderEdgeList(in, graph); }
};

// A small group whose host "Zorblax Quint" is declared; names carry a marker.
void SmallGroup(DatasetBuilder* b) {
  const auto host = Who("u1").Named("Zorblax Quint");
  b->Post(Msg("1", host, 0));
  b->Post(Msg("2", Who("u2").Named("Yllwen Marker"), 1).ReplyTo("1"));
  b->Post(Msg("3", host, 2).ReplyTo("2").Mention(Who("u3").Named("Xeph Marker")));
  b->Post(Msg("4", Who("u3").Named("Xeph Marker"), 3).ReplyTo("2").React(host));
  b->Post(Msg("5", Who("bot").Named("Feedbot").Bot(), 4).ReplyTo("4"));
  b->Reply("6", "u2", "9", 5);  // A reply to a message outside the export: a diagnostic.
}

Options Declared(bool pseudonymize) {
  Options o;
  o.hosts = {"zorblax quint"};
  o.pseudonymize = pseudonymize;
  return o;
}

std::set<std::string> Strings(const Json& array) {
  std::set<std::string> out;
  for (const auto& v : array)
    out.insert(v.get<std::string>());
  return out;
}

Json Schema() {
  const auto path =
      std::filesystem::path(MESHCHECK_SOURCE_DIR) / "core" / "schema" / "report.v1.schema.json";
  return Json::parse(meshcheck::testing::ReadFile(path));
}

}  // namespace

TEST_CASE("the report is deterministic byte for byte") {
  DatasetBuilder a;
  SmallGroup(&a);
  DatasetBuilder b;
  SmallGroup(&b);
  const Rendered ra(a, Declared(true));
  const Rendered rb(b, Declared(true));
  CHECK(ra.Report() == ra.Report());
  CHECK(ra.Report() == rb.Report());
  CHECK(ra.Summary() == rb.Summary());
  CHECK(ra.Edges() == rb.Edges());
  CHECK(ra.Report().back() == '\n');
}

TEST_CASE("the report has the documented top-level shape, in a fixed order") {
  DatasetBuilder b;
  SmallGroup(&b);
  const Json j = Json::parse(Rendered(b, Declared(true)).Report());
  std::vector<std::string> keys;
  for (const auto& item : j.items())
    keys.push_back(item.key());
  // nlohmann::json sorts keys; the writer's order is checked on the raw text below.
  const std::vector<std::string> order = {
      "schema",    "generator", "privacy",  "inputs",         "diagnostics",
      "group",     "hosts",     "measures", "response_times", "participation",
      "inference", "verdict",   "boundary", "placement",      "timeline",
      "scope",     "groups",    "members",  "recommendations"};
  CHECK(std::set<std::string>(keys.begin(), keys.end()) ==
        std::set<std::string>(order.begin(), order.end()));
  const std::string text = Rendered(b, Declared(true)).Report();
  size_t last = 0;
  for (const std::string& name : order) {
    const std::string key = "\n  \"" + name + "\": ";
    const size_t at = text.find(key);
    INFO(key);
    CHECK(at != std::string::npos);
    CHECK(at >= last);
    last = at;
  }
  CHECK(j["schema"] == "meshcheck.report/v1");
  CHECK(j["privacy"]["message_text"] == false);
}

TEST_CASE("members are pseudonyms by default and names only when asked") {
  DatasetBuilder a;
  SmallGroup(&a);
  const Rendered hidden(a, Declared(true));
  for (const std::string& out : {hidden.Report(), hidden.Summary(), hidden.Edges()}) {
    CHECK(out.find("Zorblax") == std::string::npos);
    CHECK(out.find("Marker") == std::string::npos);
    CHECK(out.find("Feedbot") == std::string::npos);
  }
  const Json j = Json::parse(hidden.Report());
  CHECK(j["privacy"]["pseudonymized"] == true);
  REQUIRE(j["hosts"]["members"].size() == 1);
  const std::string pseudonym = j["hosts"]["members"][0]["id"];
  CHECK(std::regex_match(pseudonym, std::regex("member-[0-9a-f]{8}")));
  CHECK(hidden.Summary().find("Host: " + pseudonym + ".") != std::string::npos);

  // The pseudonym depends on the member's key only: stable across datasets and runs.
  DatasetBuilder other;
  other.Say("x", "someone else", 0);
  other.Post(Msg("y", Who("u1").Named("Renamed"), 1));
  const Rendered o(other, Declared(true));
  CHECK(meshcheck::report::MemberLabel(o.in, other.MemberIndex("u1")) == pseudonym);
  CHECK(meshcheck::report::MemberLabel(o.in, other.MemberIndex("someone else")) != pseudonym);

  DatasetBuilder b;
  SmallGroup(&b);
  const Rendered named(b, Declared(false));
  const Json n = Json::parse(named.Report());
  CHECK(n["privacy"]["pseudonymized"] == false);
  CHECK(n["hosts"]["members"][0]["id"] == "Zorblax Quint");
  CHECK(named.Summary().find("Host: Zorblax Quint.") != std::string::npos);
  // The edge list never names anyone.
  CHECK(named.Edges().find("Zorblax") == std::string::npos);

  // A person known only by name is shown by that name, as the export spelt it last.
  DatasetBuilder c;
  c.Post(Msg("1", Nameless("Ann"), 0));
  c.Post(Msg("2", Nameless("ANN"), 1));
  Options o2;
  o2.pseudonymize = false;
  o2.hosts = {"ann"};
  const Rendered nameless(c, o2);
  CHECK(Json::parse(nameless.Report())["hosts"]["members"][0]["id"] == "ANN");
}

TEST_CASE("measures carry their value or null, their evidence, and why they are missing") {
  DatasetBuilder b;
  SmallGroup(&b);
  const Rendered r(b, Declared(true));
  const Json m = Json::parse(r.Report())["measures"];
  // Replies between people: 2 -> 1 (to host), 3 -> 2 (by host), 4 -> 2 (peer).
  const Json& prs = m["peer_reply_share"];
  CHECK(prs["available"] == true);
  CHECK(prs["value"].get<double>() == 1.0 / 3.0);  // Shortest round-trip form reads back exactly.
  CHECK(prs["evidence"] == Json::parse(R"({"replies": 3, "peer_replies": 1,
                                          "replies_to_host": 1, "replies_by_host": 1,
                                          "inferred_replies": 0})"));
  CHECK_FALSE(prs.contains("why_unavailable"));
  const Json& c = m["degree_centralization"];
  CHECK(c["available"] == false);
  CHECK(c["value"].is_null());
  CHECK(c["why_unavailable"] == "Too few connected people (fewer than 5 posters or no ties).");
  CHECK(c["evidence"]["nodes"] == 3);
  std::vector<std::string> names;
  for (const auto& item : m.items())
    names.push_back(item.key());
  CHECK(names.size() == 19);
}

TEST_CASE("inputs, errors and diagnostics are rendered as the schema describes") {
  DatasetBuilder b;
  SmallGroup(&b);
  Rendered r(b, Declared(true));
  InputSummary bad;
  bad.name = "notes.txt";
  bad.bytes = 10;
  bad.status =
      meshcheck::Status(meshcheck::StatusCode::kUnsupportedFormat, "ingest.unsupported_format",
                        "notes.txt is a plain-text file.", meshcheck::Location{1, 0, 0});
  r.inputs.push_back(bad);
  const Json j = Json::parse(r.Report());
  REQUIRE(j["inputs"].size() == 2);
  CHECK(j["inputs"][0] == Json::parse(R"({"name": "export.json", "format": "discord-json",
                                          "bytes": 1234, "messages": 6, "status": "ok"})"));
  CHECK(j["inputs"][1] == Json::parse(R"({"name": "notes.txt", "format": "auto", "bytes": 10,
      "messages": 0, "status": "error", "error": {"code": "unsupported_format",
      "id": "ingest.unsupported_format", "message": "notes.txt is a plain-text file.",
      "at": {"input": 1, "byte": 0, "line": 0}}})"));
  REQUIRE(j["diagnostics"].size() == 1);
  CHECK(j["diagnostics"][0]["id"] == "model.reply_target_outside");
  CHECK(j["diagnostics"][0]["severity"] == "info");
  CHECK(j["diagnostics"][0]["count"] == 1);
  const std::string summary = r.Summary();
  CHECK(summary.find("Input: notes.txt (auto, 10 bytes, 0 records) ERROR "
                     "ingest.unsupported_format at input 1, byte 0: notes.txt is a plain-text "
                     "file.") != std::string::npos);
  CHECK(summary.find("Note (model.reply_target_outside, 1 time): ") != std::string::npos);
}

TEST_CASE("the edge list lists people and their ties, never bots") {
  DatasetBuilder b;
  SmallGroup(&b);
  const Rendered r(b, Declared(true));
  // Members by first appearance: u1 0, u2 1, u3 2, bot 3. The bot's reply (5 -> 4) is gone.
  CHECK(r.Edges() ==
        "node\t0\t1\t2\n"
        "node\t1\t0\t2\n"
        "node\t2\t0\t1\n"
        "edge\t0\t1\t1\t0\t0\t0\n"  // 3 replies to 2.
        "edge\t0\t2\t0\t1\t1\t0\n"  // 3 mentions u3; u1 reacts to 4.
        "edge\t1\t0\t1\t0\t0\t0\n"  // 2 replies to 1.
        "edge\t2\t1\t1\t0\t0\t0\n"  // 4 replies to 2.
        "tie\t1\t2\t1\t1\n");       // u3 replied to u2 in one conversation.

  // A declared host who wrote nothing is a node with 0 messages.
  DatasetBuilder c;
  c.Post(Msg("1", Who("ann"), 0).Mention(Who("boss")));
  Options o;
  o.hosts = {"boss"};
  const Rendered rc(c, o);
  CHECK(rc.Edges() == "node\t0\t0\t1\nnode\t1\t1\t0\nedge\t0\t1\t0\t1\t0\t0\n");
}

TEST_CASE("the edge list in pieces: its size first, then whole lines that join to the text") {
  DatasetBuilder b;
  SmallGroup(&b);
  const Rendered r(b, Declared(true));
  const std::string whole = r.Edges();
  for (size_t piece_bytes : {size_t{1}, size_t{20}, meshcheck::report::kEdgeListPieceBytes}) {
    INFO("pieces of " << piece_bytes);
    std::vector<std::string> pieces;
    uint64_t total = 0;
    meshcheck::report::WriteEdgeList(
        r.in, r.graph,
        [&](uint64_t bytes) {
          CHECK(pieces.empty());
          total = bytes;
        },
        [&](std::string_view piece) { pieces.emplace_back(piece); }, piece_bytes);
    CHECK(total == whole.size());
    std::string joined;
    for (size_t i = 0; i < pieces.size(); ++i) {
      const std::string& piece = pieces[i];
      REQUIRE(!piece.empty());
      CHECK(piece.back() == '\n');  // Whole lines only...
      // ...ending at the first line end at or past piece_bytes (the last piece may fall short).
      const size_t before_last_line = piece.find_last_of('\n', piece.size() - 2) + 1;
      CHECK(before_last_line < piece_bytes);
      if (i + 1 < pieces.size())
        CHECK(piece.size() >= piece_bytes);
      joined += piece;
    }
    CHECK(joined == whole);
    const auto lines = static_cast<size_t>(std::count(whole.begin(), whole.end(), '\n'));
    CHECK(pieces.size() == (piece_bytes == 1 ? lines : piece_bytes == 20 ? 4 : 1));
  }
}

TEST_CASE("the summary reads as plain, correctly counted English") {
  DatasetBuilder b;
  b.Say("1", "ann", 0);
  b.Post(Msg("2", Who("feed").Bot(), 1));
  const std::string one = Rendered(b, Options()).Summary();
  CHECK(one.find("Group: 1 message by 1 person over 1 day; 1 bot message set aside.") !=
        std::string::npos);
  CHECK(one.find("Input: export.json (discord-json, 1234 bytes, 2 records)") != std::string::npos);
  CHECK(one.find("(s)") == std::string::npos);
  CHECK(one.find("besides the host") == std::string::npos);
  CHECK(one.rfind("Verdict: Insufficient data  (Community Index 0/100, confidence low)\n", 0) == 0);

  DatasetBuilder s;
  SmallGroup(&s);
  Options o = Declared(true);
  o.hosts.push_back("Nobody");
  const std::string many = Rendered(s, o).Summary();
  CHECK(many.find("Group: 5 messages by 3 people over 1 day; 1 bot message set aside.") !=
        std::string::npos);
  CHECK(many.find("Named by you. Nobody in the export matches \"Nobody\".") != std::string::npos);
}

TEST_CASE("the schema's enums are exactly the names the code writes") {
  const Json schema = Schema();
  const Json& props = schema["properties"];
  std::set<std::string> formats;
  formats.insert(meshcheck::FormatName(Format::kAuto));
  for (Format f : meshcheck::SupportedFormats())
    formats.insert(meshcheck::FormatName(f));
  CHECK(Strings(props["inputs"]["items"]["properties"]["format"]["enum"]) == formats);

  std::set<std::string> codes;
  for (int c = 1; c <= static_cast<int>(meshcheck::StatusCode::kInternal); ++c) {
    codes.insert(meshcheck::StatusCodeName(static_cast<meshcheck::StatusCode>(c)));
  }
  CHECK(Strings(props["inputs"]["items"]["properties"]["error"]["properties"]["code"]["enum"]) ==
        codes);

  using meshcheck::classify::Label;
  std::set<std::string> labels, titles;
  for (Label l : {Label::kInsufficientData, Label::kBroadcastAudience, Label::kEngagedAudience,
                  Label::kEmergingCommunity, Label::kCommunity}) {
    labels.insert(meshcheck::classify::LabelName(l));
    titles.insert(meshcheck::classify::LabelTitle(l));
  }
  const Json& verdict = props["verdict"]["properties"];
  CHECK(Strings(verdict["label"]["enum"]) == labels);
  CHECK(Strings(verdict["provisional_label"]["enum"]) == labels);
  CHECK(Strings(verdict["title"]["enum"]) == titles);
  using meshcheck::classify::Confidence;
  CHECK(Strings(verdict["confidence"]["enum"]) ==
        std::set<std::string>{meshcheck::classify::ConfidenceName(Confidence::kLow),
                              meshcheck::classify::ConfidenceName(Confidence::kMedium),
                              meshcheck::classify::ConfidenceName(Confidence::kHigh)});
  using meshcheck::metrics::HostSource;
  std::set<std::string> sources;
  for (HostSource s :
       {HostSource::kDeclared, HostSource::kExportSignal, HostSource::kData, HostSource::kNone}) {
    sources.insert(meshcheck::metrics::HostSourceName(s));
  }
  CHECK(Strings(props["hosts"]["properties"]["source"]["enum"]) == sources);

  // Every channel kind the model knows is written with a name the schema lists.
  DatasetBuilder b;
  for (int k = 0; k <= static_cast<int>(ChannelKind::kVoice); ++k) {
    const uint32_t c = b.Channel("c" + std::to_string(k), static_cast<ChannelKind>(k));
    b.Say("m" + std::to_string(k), "ann", k, c);
  }
  const Json report = Json::parse(Rendered(b, Options()).Report());
  std::set<std::string> kinds;
  for (const auto& c : report["group"]["channels"])
    kinds.insert(c["kind"]);
  const Json& channel = props["group"]["properties"]["channels"]["items"]["properties"];
  CHECK(Strings(channel["kind"]["enum"]) == kinds);
  CHECK(kinds.size() == static_cast<size_t>(ChannelKind::kVoice) + 1);

  // The index components, flags, quadrants and boundary enums are the code's names.
  const Json& vp = verdict;
  std::set<std::string> component_ids;
  for (const auto& c : meshcheck::classify::IndexComponents({}, false))
    component_ids.insert(c.id);
  CHECK(Strings(vp["components"]["items"]["properties"]["id"]["enum"]) == component_ids);
  std::set<std::string> flags;
  for (auto f : meshcheck::classify::kAllFlags)
    flags.insert(meshcheck::classify::FlagName(f));
  CHECK(Strings(vp["flags"]["items"]["properties"]["id"]["enum"]) == flags);
  using meshcheck::classify::Quadrant;
  std::set<std::string> quadrants, quadrant_titles;
  for (Quadrant q : {Quadrant::kAudience, Quadrant::kManagedGroup, Quadrant::kOpenCommunity,
                     Quadrant::kCloseKnitCommunity}) {
    quadrants.insert(meshcheck::classify::QuadrantName(q));
    quadrant_titles.insert(meshcheck::classify::QuadrantTitle(q));
  }
  const Json& placement = props["placement"]["properties"];
  auto without_null = [](const Json& e) {
    std::set<std::string> out;
    for (const auto& v : e) {
      if (!v.is_null())
        out.insert(v.get<std::string>());
    }
    return out;
  };
  CHECK(without_null(placement["quadrant"]["enum"]) == quadrants);
  CHECK(without_null(placement["title"]["enum"]) == quadrant_titles);
  CHECK(without_null(vp["uncertainty"]["properties"]["modal_label"]["enum"]) == labels);
  using meshcheck::classify::Access;
  using meshcheck::classify::Enumerability;
  const Json& boundary = props["boundary"]["properties"];
  CHECK(Strings(boundary["enumerability"]["enum"]) ==
        std::set<std::string>{meshcheck::classify::EnumerabilityName(Enumerability::kNone),
                              meshcheck::classify::EnumerabilityName(Enumerability::kPosters),
                              meshcheck::classify::EnumerabilityName(Enumerability::kRoster)});
  CHECK(Strings(boundary["access"]["enum"]) ==
        std::set<std::string>{meshcheck::classify::AccessName(Access::kUnknown),
                              meshcheck::classify::AccessName(Access::kNone),
                              meshcheck::classify::AccessName(Access::kPrivate)});
  std::set<std::string> boundary_ids;
  for (const auto& c : meshcheck::classify::ComputeBoundary({}, {}, {}).components)
    boundary_ids.insert(c.id);
  CHECK(Strings(boundary["components"]["items"]["properties"]["id"]["enum"]) == boundary_ids);

  // Every measure and its evidence, as written, is what the schema requires.
  const Json& measures = props["measures"]["properties"];
  for (const auto& [name, m] : report["measures"].items()) {
    INFO(name);
    REQUIRE(measures.contains(name));
    std::set<std::string> evidence;
    for (const auto& item : m["evidence"].items())
      evidence.insert(item.key());
    CHECK(Strings(measures[name]["properties"]["evidence"]["required"]) == evidence);
  }
}

TEST_CASE("inferred replies are marked per channel and counted in the report and the summary") {
  DatasetBuilder b;
  const uint32_t chat = b.UnlinkedChannel("whatsapp");
  b.Say("1", "ann", 0, chat);
  b.Say("2", "bob", 1, chat);
  b.Post(Msg("3", Who("cat"), 2).In(chat).Mention(Who("ann")));
  b.Say("4", "eve", 3);  // Channel 0 keeps its links.
  b.Reply("5", "dan", "4", 4);
  const Rendered r(b, Options());
  const Json j = Json::parse(r.Report());
  CHECK(j["group"]["channels"][0]["replies"] == "exported");
  CHECK(j["group"]["channels"][1]["replies"] == "inferred");
  const Json& inf = j["inference"];
  CHECK(inf["channels"] == 1);
  CHECK(inf["messages"] == 3);
  CHECK(inf["turns"] == 3);
  CHECK(inf["inferred_replies"] == 2);  // bob -> ann (window), cat -> ann (mention).
  CHECK(inf["by_mention"] == 1);
  CHECK(inf["concurrency"] == 1.0 / 3.0);  // cat's message follows ann and bob.
  CHECK(inf["window_minutes"] == 15);
  REQUIRE(inf["sensitivity"].size() == 4);
  CHECK(inf["sensitivity"][2]["window_minutes"] == 15);
  CHECK(inf["sensitivity"][2]["community_index"] == j["verdict"]["community_index"]);
  CHECK(j["measures"]["peer_reply_share"]["evidence"]["inferred_replies"] == 2);
  CHECK(j["measures"]["peer_reply_share"]["evidence"]["replies"] == 3);
  // The edge list marks them too: ann is member 0, bob 1, cat 2.
  CHECK(r.Edges().find("edge\t1\t0\t1\t0\t0\t1\n") != std::string::npos);
  CHECK(r.Edges().find("edge\t2\t0\t1\t1\t0\t1\n") != std::string::npos);
  const std::string summary = r.Summary();
  CHECK(summary.find("Inferred replies: 2 replies were inferred from turn-taking in 1 channel "
                     "without reply links (1 through @mentions); concurrency kappa 0.33; the "
                     "index is") != std::string::npos);
  CHECK(summary.find("  ~ 2 of 3 replies between people were inferred from turn-taking, because "
                     "the export keeps no reply links in 1 channel.") != std::string::npos);
}

// 41 messages from minute `start`, each replying to the one before, written in turn by eight
// people: enough for a month of its own to meet the data floors (C.2 item 1).
void BusyDay(DatasetBuilder* b, int64_t start, const std::string& prefix) {
  b->Post(Msg(prefix + "0", Who("p0"), start));
  for (int i = 1; i <= 40; ++i) {
    b->Reply(prefix + std::to_string(i), "p" + std::to_string(i % 8),
             prefix + std::to_string(i - 1), start + i * 30);
  }
}

TEST_CASE("the summary's timeline lists judged periods and collapses long unjudged runs") {
  constexpr int64_t kDay = 24 * 60;
  DatasetBuilder b;
  BusyDay(&b, 0, "jan");                      // 2024-01
  BusyDay(&b, 95 * kDay, "apr");              // 2024-04
  b.Post(Msg("aug", Who("p1"), 215 * kDay));  // 2024-08: one message.
  const Rendered r(b, Options{});
  const Json j = Json::parse(r.Report());
  const Json& periods = j["timeline"]["periods"];
  REQUIRE(j["timeline"]["unit"] == "month");
  REQUIRE(periods.size() == 8);
  for (size_t p = 0; p < periods.size(); ++p) {
    INFO("period " << periods[p]["start"]);
    CHECK(periods[p]["community_index"].is_null() == (p != 0 && p != 3));
  }
  // Two unjudged months stay listed; four in a row read as one range.
  const std::regex line(
      "Timeline \\(index per month\\): 2024-01 \\d+, 2024-02 n/a, 2024-03 n/a, 2024-04 \\d+, "
      "2024-05 to 2024-08 n/a\\.\n");
  CHECK(std::regex_search(r.Summary(), line));
}

TEST_CASE("boundary, placement, timeline and response times are rendered as the schema says") {
  DatasetBuilder b;
  SmallGroup(&b);
  b.Member(Who("u9").Named("Quiet Marker"));  // A roster: listed, never posts.
  const Rendered r(b, Declared(true));
  const Json j = Json::parse(r.Report());
  CHECK(j["group"]["roster"] == Json::parse(R"({"known": true, "listed": 1,
      "joined_or_left": 0, "size": 4, "silent_members": 1})"));
  const Json& bnd = j["boundary"];
  CHECK(bnd["enumerability"] == "roster");
  CHECK(bnd["access"] == "unknown");
  REQUIRE(bnd["components"].size() == 5);
  CHECK(bnd["components"][1]["available"] == false);
  const Json& p = j["placement"];
  CHECK(p["placed"] == true);
  CHECK(p["community_index"] == j["verdict"]["community_index"]);
  CHECK(p["boundary_index"] == bnd["boundary_index"]);
  CHECK(p["provisional"] == true);  // The verdict is insufficient_data.
  CHECK(!p["track"].empty());
  const Json& t = j["timeline"];
  CHECK(t["unit"] == "week");
  REQUIRE(t["periods"].size() == 1);
  CHECK(t["periods"][0]["start"] == "2024-01-01");
  CHECK(t["periods"][0]["messages_by_host"] == 2);
  CHECK(t["periods"][0]["messages_by_members"] == 3);
  CHECK(t["periods"][0]["active_posters"] == 3);
  CHECK(t["periods"][0]["community_index"].is_null());  // Too little to judge.
  CHECK(t["periods"][0]["components"]["PRS"].is_null());
  const Json& rt = j["response_times"];
  CHECK(rt["questions"] == 0);
  CHECK(rt["censored"] == 1);  // u2's "6" (its target is outside the export) is too recent.
  CHECK(rt["all"]["median_seconds"].is_null());
  CHECK(rt["unanswered_share"].is_null());
  const Json& u = j["verdict"]["uncertainty"];
  CHECK(u["method"] == "week_block_jackknife");
  CHECK(u["estimated"] == false);
  CHECK(u["interval"].is_null());
  const std::string summary = r.Summary();
  CHECK(summary.find("Uncertainty: not estimated (the history covers a single week).") !=
        std::string::npos);
  CHECK(summary.find("Boundary Index ") != std::string::npos);
  CHECK(summary.find("Map: ") != std::string::npos);
  CHECK(summary.find("Timeline: no single week has enough messages and replies for an index of "
                     "its own (1 week, 2024-01-01).") != std::string::npos);
  CHECK(summary.find("Replies to members: no member question old enough to judge.") !=
        std::string::npos);
}

namespace {

// CutNetwork as RenderEdgeList's lines say, read back from the text: people are node lines and
// the ends of edge lines; ties are unordered pairs of two people over both directions.
meshcheck::NetworkCut CutFromEdgeList(const std::string& text, size_t max_people, size_t max_ties) {
  struct Person {
    bool host = false;
    uint32_t messages = 0;
  };
  std::map<uint32_t, Person> people;
  std::map<std::pair<uint32_t, uint32_t>, double> ties;
  std::istringstream lines(text);
  for (std::string tag; lines >> tag;) {
    if (tag == "node") {
      uint32_t i = 0, host = 0, messages = 0;
      lines >> i >> host >> messages;
      people[i] = {host == 1, messages};
    } else if (tag == "edge") {
      uint32_t a = 0, b = 0;
      double replies = 0, mentions = 0, reactions = 0;
      lines >> a >> b >> replies >> mentions >> reactions;
      people.try_emplace(a);
      people.try_emplace(b);
      if (a != b)
        ties[{std::min(a, b), std::max(a, b)}] += replies + mentions + reactions;
    }
    lines.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
  }
  std::vector<uint32_t> order;
  for (const auto& [i, p] : people)
    order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const Person &px = people[x], &py = people[y];
    return px.host != py.host ? px.host : px.messages > py.messages;
  });
  order.resize(std::min(order.size(), max_people));
  meshcheck::NetworkCut cut;
  cut.people = static_cast<uint32_t>(people.size());
  cut.ties = ties.size();
  std::map<uint32_t, uint32_t> position;
  for (uint32_t k = 0; k < order.size(); ++k) {
    position[order[k]] = k;
    cut.member.push_back(order[k]);
    cut.host.push_back(people[order[k]].host ? 1 : 0);
    cut.messages.push_back(people[order[k]].messages);
  }
  std::vector<std::pair<double, std::pair<uint32_t, uint32_t>>> kept;
  for (const auto& [pair, weight] : ties) {
    if (position.count(pair.first) && position.count(pair.second))
      kept.push_back({-weight, pair});
  }
  std::sort(kept.begin(), kept.end());
  kept.resize(std::min(kept.size(), max_ties));
  for (const auto& [weight, pair] : kept) {
    cut.tie_a.push_back(position[pair.first]);
    cut.tie_b.push_back(position[pair.second]);
    cut.weight.push_back(-weight);
  }
  return cut;
}

meshcheck::NetworkCut Cut(const Rendered& r, size_t people, size_t ties) {
  return meshcheck::report::CutNetwork(*r.in.data, r.facts, r.hosts, r.graph.edges(), people, ties);
}

}  // namespace

TEST_CASE(
    "the network cut keeps the most active people and the heaviest ties, as the edge list says") {
  // Forty people (two of them declared hosts) and a bot; replies both ways, mentions and
  // reactions, drawn from a seeded generator.
  DatasetBuilder b;
  std::mt19937 random(7);
  auto someone = [&] { return Who("p" + std::to_string(random() % 40)); };
  for (int i = 0; i < 600; ++i) {
    auto post = Msg(std::to_string(i), someone(), i);
    if (i > 0 && random() % 3 > 0)
      post.ReplyTo(std::to_string(random() % i));
    if (random() % 4 == 0)
      post.Mention(someone());
    if (random() % 5 == 0)
      post.React(someone());
    b.Post(post);
  }
  b.Post(Msg("bot", Who("feed").Bot(), 700).ReplyTo("5").Mention(Who("p1")));
  Options o;
  o.hosts = {"p3", "p38"};
  const Rendered r(b, o);
  const std::string text = r.Edges();
  for (auto [people, ties] : {std::pair<size_t, size_t>{1000, 1000}, {12, 15}, {2, 1}, {1, 0}}) {
    INFO("at most " << people << " people and " << ties << " ties");
    const meshcheck::NetworkCut cut = Cut(r, people, ties);
    const meshcheck::NetworkCut want = CutFromEdgeList(text, people, ties);
    CHECK(cut.people == want.people);
    CHECK(cut.ties == want.ties);
    CHECK(cut.member == want.member);
    CHECK(cut.host == want.host);
    CHECK(cut.messages == want.messages);
    CHECK(cut.tie_a == want.tie_a);
    CHECK(cut.tie_b == want.tie_b);
    CHECK(cut.weight == want.weight);
    CHECK(cut.member.size() == std::min<size_t>(people, want.people));
    CHECK(cut.weight.size() <= ties);
  }
  const meshcheck::NetworkCut all = Cut(r, 1000, 1000);
  CHECK(all.people == 40);  // The bot is never in it.
  CHECK(all.host[0] == 1);
  CHECK(all.host[1] == 1);
  CHECK(all.host[2] == 0);
  CHECK(all.weight.size() == all.ties);
}
