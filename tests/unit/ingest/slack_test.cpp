// Slack workspace export reader (FORMATS.md section 2): every file of the corpus exports in every
// chunking, checked against an independent reading of the same file through nlohmann::json;
// whole exports read into a Dataset in a scrambled order; crafted snippets for each rule of
// slack.h; damaged input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "ingest/detect.h"
#include "model/dataset.h"
#include "reader_harness.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

using model::ChannelKind;
using model::MessageKind;
using model::SystemAction;
using Json = nlohmann::ordered_json;  // Keeps key order: mentions come in document order.

constexpr const char* kDayName = "export/general/2016-01-01.json";

ReadResult ReadAll(std::string_view data, std::string_view name = kDayName) {
  return ReadAllAs(Format::kSlack, data, name);
}

// A day file of `messages` (JSON objects joined by commas).
std::string Day(const std::string& messages) {
  return "[" + messages + "]";
}

// A message by `user` at `ts`, plus `extra` fields (each starting with a comma).
std::string Msg(const std::string& ts,
                const std::string& user = "U1",
                const std::string& extra = "") {
  std::string m = R"({"type": "message", "ts": ")" + ts + R"(", "text": "hello")";
  if (!user.empty())
    m += R"(, "user": ")" + user + R"(")";
  return m + extra + "}";
}

const RecordedMessage& Only(const ReadResult& r) {
  INFO(r.status.ToString());
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 1);
  return r.sink.messages[0];
}

RecordedPerson Key(const std::string& key) {
  RecordedPerson p;
  p.key = key;
  return p;
}

// ---- The independent oracle: slack.h's rules applied to nlohmann's DOM of a file.

std::string Str(const Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>()
                                                                : std::string();
}

bool Flag(const Json& j, const char* key) {
  return j.contains(key) && j[key].is_boolean() && j[key].get<bool>();
}

std::string BestName(const Json& names, const Json& profile) {
  for (const std::string& n : {Str(profile, "display_name"), Str(names, "real_name"),
                               Str(profile, "real_name"), Str(names, "name")}) {
    if (!n.empty())
      return n;
  }
  return "";
}

bool IsSystemSubtype(const std::string& s, SystemAction* action) {
  *action = SystemAction::kOther;
  if (s == "channel_join" || s == "group_join")
    *action = SystemAction::kJoin;
  else if (s == "channel_leave" || s == "group_leave")
    *action = SystemAction::kLeave;
  const std::set<std::string> other = {
      "bot_add",       "bot_remove",    "pinned_item",     "unpinned_item",   "reminder_add",
      "welcome_party", "huddle_thread", "message_changed", "message_deleted", "message_replied"};
  if (s.rfind("channel_", 0) == 0 || s.rfind("group_", 0) == 0 || other.count(s))
    return true;
  *action = SystemAction::kNone;
  return false;
}

RecordedPerson ExpectedAuthor(const Json& m, bool system) {
  RecordedPerson p;
  const std::string subtype = Str(m, "subtype"), user = Str(m, "user"),
                    username = Str(m, "username"), bot_id = Str(m, "bot_id");
  const std::string comment_user = m.contains("comment") ? Str(m["comment"], "user") : "";
  const std::string bot_name = m.contains("bot_profile") ? Str(m["bot_profile"], "name") : "";
  if (subtype == "tombstone" && (user.empty() || user == "USLACKBOT")) {
    p.is_deleted = true;
    return p;
  }
  if ((subtype == "bot_message" && !username.empty()) ||
      (user.empty() && comment_user.empty() && (!bot_id.empty() || !username.empty()))) {
    p.is_bot = true;
    p.key = (bot_id.empty() ? "bot" : bot_id) + (username.empty() ? "" : "/" + username);
    p.name = !username.empty() ? username : !bot_name.empty() ? bot_name : bot_id;
    return p;
  }
  p.key = user.empty() ? comment_user : user;
  p.is_bot = p.key == "USLACKBOT" || subtype == "bot_message" || (!bot_id.empty() && !system);
  const Json none = Json::object();
  const Json& profile = m.contains("user_profile") ? m["user_profile"] : none;
  // A user_profile's names: display_name, real_name, name (no separate profile.real_name).
  p.name = BestName(profile, profile);
  if (p.name.empty() && p.is_bot)
    p.name = bot_name;
  p.is_deleted = p.key.empty();
  return p;
}

bool ExpectedTime(const std::string& ts, int64_t* ms) {
  static const std::regex kTs(R"(^(\d{1,12})(?:\.(\d+))?$)");
  std::smatch match;
  if (!std::regex_match(ts, match, kTs))
    return false;
  const std::string frac = (match[2].str() + "000").substr(0, 3);
  *ms = std::stoll(match[1].str()) * 1000 + std::stoll(frac);
  return true;
}

void BlockMentions(const Json& j, std::vector<std::string>* out) {
  if (j.is_object()) {
    if (Str(j, "type") == "user" && !Str(j, "user_id").empty())
      out->push_back(Str(j, "user_id"));
    for (const auto& [k, v] : j.items())
      BlockMentions(v, out);
  } else if (j.is_array()) {
    for (const auto& v : j)
      BlockMentions(v, out);
  }
}

std::vector<RecordedPerson> ExpectedMentions(const Json& m) {
  static const std::regex kMention(R"(<@([A-Z0-9]+)[>|])");
  std::vector<std::string> ids;
  for (const auto& [k, v] : m.items()) {
    if (k == "text" && v.is_string()) {
      const std::string text = v.get<std::string>();
      for (auto it = std::sregex_iterator(text.begin(), text.end(), kMention);
           it != std::sregex_iterator(); ++it) {
        ids.push_back((*it)[1].str());
      }
    } else if (k == "blocks" && v.is_array()) {
      BlockMentions(v, &ids);
    }
  }
  std::vector<RecordedPerson> out;
  std::set<std::string> seen;
  for (const std::string& id : ids) {
    if (seen.insert(id).second)
      out.push_back(Key(id));
  }
  return out;
}

// One day file's thread messages: "<thread_ts> <user>" -> the latest ts (slack.h, Threads).
using ThreadMemory = std::map<std::string, std::string>;

// A thread reply's target: the latest earlier message in the thread of the first person it
// mentions (not its author), else the thread's root.
std::string ExpectedTarget(const RecordedMessage& e, const ThreadMemory& memory) {
  for (const RecordedPerson& p : e.mentions) {
    const auto it = memory.find(e.thread + " " + p.key);
    if (p.key != e.author.key && it != memory.end())
      return it->second;
  }
  return e.thread;
}

RecordedMessage ExpectedMessage(const Json& m, uint32_t channel, ThreadMemory* memory) {
  RecordedMessage e;
  e.channel = channel;
  const bool system = IsSystemSubtype(Str(m, "subtype"), &e.action);
  e.kind = system ? MessageKind::kSystem : MessageKind::kMessage;
  e.author = ExpectedAuthor(m, system);
  const std::string ts = Str(m, "ts");
  e.has_time = ExpectedTime(ts, &e.time_ms);
  if (e.has_time)
    e.id = ts;
  e.thread = Str(m, "thread_ts");
  e.text_bytes = static_cast<uint32_t>(Str(m, "text").size());
  if (!system)
    e.mentions = ExpectedMentions(m);
  if (!e.thread.empty() && !system) {
    if (e.thread != ts)
      e.reply_to = ExpectedTarget(e, *memory);
    if (e.has_time && !e.author.key.empty())
      (*memory)[e.thread + " " + e.author.key] = ts;
  }
  for (const auto& reaction : m.value("reactions", Json::array())) {
    const Json users = reaction.value("users", Json::array());
    e.reaction_count +=
        std::max<uint32_t>(reaction.value("count", 0u), static_cast<uint32_t>(users.size()));
    for (const auto& u : users)
      e.reactors.push_back(Key(u.get<std::string>()));
  }
  return e;
}

RecordedPerson ExpectedUser(const Json& u) {
  RecordedPerson p;
  p.key = Str(u, "id");
  p.name = BestName(u, u.contains("profile") ? u["profile"] : Json::object());
  p.is_bot = Flag(u, "is_bot") || Flag(u, "is_app_user") || p.key == "USLACKBOT";
  p.is_host_hint = Flag(u, "is_owner") || Flag(u, "is_primary_owner") || Flag(u, "is_admin");
  return p;
}

ChannelKind ListKind(const std::string& base) {
  return base == "mpims.json" ? ChannelKind::kGroupDirect
         : base == "dms.json" ? ChannelKind::kDirect
                              : ChannelKind::kChat;
}

struct Expected {
  std::vector<RecordedChannel> channels;
  std::vector<RecordedMessage> messages;
  std::vector<RecordedPerson> members;
  const char* diagnostic = nullptr;  // The one diagnostic the file raises, if any.
};

bool IsDayName(const std::string& base) {
  static const std::regex kDay(R"(^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\.json$)");
  return std::regex_match(base, kDay);
}

// What the reader must produce for a corpus file named `rel` (its path inside the export).
Expected ExpectedOf(const std::string& rel, const std::string& data) {
  Expected e;
  const std::filesystem::path path(rel);
  const std::string base = path.filename().string();
  const std::string folder = path.parent_path().filename().string();
  if (base == "integration_logs.json")
    return e;
  const Json doc = Json::parse(data);
  if (base == "users.json") {
    for (const auto& u : doc)
      e.members.push_back(ExpectedUser(u));
  } else if (base == "channels.json" || base == "groups.json" || base == "mpims.json" ||
             base == "dms.json") {
    for (const auto& c : doc) {
      RecordedChannel channel;
      channel.key = channel.name = Str(c, "name").empty() ? Str(c, "id") : Str(c, "name");
      channel.kind = ListKind(base);
      e.channels.push_back(channel);
      for (const auto& id : c.value("members", Json::array()))
        e.members.push_back(Key(id.get<std::string>()));
    }
  } else if (IsDayName(base) && doc.is_array()) {
    RecordedChannel channel;
    channel.key = channel.name = folder;
    e.channels.push_back(channel);
    ThreadMemory memory;
    for (const auto& m : doc)
      e.messages.push_back(ExpectedMessage(m, 0, &memory));
  } else {
    e.diagnostic = "ingest.slack.skipped_file";
  }
  return e;
}

struct ExportFile {
  std::filesystem::path path;
  std::string name;  // As a dropped folder names it: "<export>/<channel>/<day>.json".
};

// Every file of every corpus Slack export, sorted.
std::vector<ExportFile> ExportFiles(const std::string& only_export = "") {
  const auto root = UnzippedCorpusDir() / "slack";
  std::vector<ExportFile> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (!e.is_regular_file())
      continue;
    const std::string rel = std::filesystem::relative(e.path(), root).generic_string();
    if (only_export.empty() || rel.rfind(only_export + "/", 0) == 0)
      out.push_back({e.path(), rel});
  }
  std::sort(out.begin(), out.end(),
            [](const ExportFile& a, const ExportFile& b) { return a.name < b.name; });
  return out;
}

// All messages of one channel folder of an export, read whole, in file order.
std::vector<RecordedMessage> ChannelMessages(const std::string& export_name,
                                             const std::string& channel) {
  std::vector<RecordedMessage> out;
  for (const ExportFile& f : ExportFiles(export_name)) {
    if (f.path.parent_path().filename() != channel)
      continue;
    const ReadResult r = ReadAs(Format::kSlack, ReadFile(f.path), 0, f.name);
    REQUIRE(r.status.ok());
    out.insert(out.end(), r.sink.messages.begin(), r.sink.messages.end());
  }
  return out;
}

// The SOURCES.md author of a message: its user id, or its bot id for relayed bot messages.
std::string SourcesAuthor(const RecordedMessage& m) {
  return m.author.key.substr(0, m.author.key.find('/'));
}

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("Slack: every corpus export file reads the same in every chunking, as FORMATS.md says",
          "[slack]") {
  const auto files = ExportFiles();
  REQUIRE(files.size() > 1000);  // 394 + 681 + 9 files (SOURCES.md).
  size_t messages = 0, members = 0, channels = 0;
  for (const ExportFile& f : files) {
    INFO(f.name);
    const std::string data = ReadFile(f.path);
    const Expected expected = ExpectedOf(f.name, data);
    for (Format format : {Format::kSlack, Format::kAuto}) {
      const ReadResult r = ReadAllAs(format, data, f.name);
      REQUIRE(r.status.ok());
      CHECK(r.sink.channels == expected.channels);
      CHECK(r.sink.members == expected.members);
      REQUIRE(r.sink.messages.size() == expected.messages.size());
      for (size_t i = 0; i < expected.messages.size(); ++i) {
        INFO("message " << i);
        CHECK(r.sink.messages[i] == expected.messages[i]);
      }
      CHECK(r.diagnostics.entries().size() == (expected.diagnostic ? 1u : 0u));
      if (expected.diagnostic)
        CHECK(r.diagnostics.Count(expected.diagnostic) == 1);
    }
    messages += expected.messages.size();
    members += expected.members.size();
    channels += expected.channels.size();
  }
  CHECK(messages == 1382 + 1801 + 16);  // Counted with python (json.load of every day file).
  CHECK(channels > 16 + 20 + 1);        // channels.json entries plus one per day file.
  CHECK(members > 71 + 1150 + 10);
}

TEST_CASE("Slack: corpus facts from SOURCES.md", "[slack]") {
  struct Case {
    const char* export_name;
    const char* channel;
    size_t messages;  // Not system messages.
    size_t authors;   // Users and bots, a relay bot counted once (SOURCES.md's count).
    size_t replies;   // Thread replies.
    int top_percent;  // Share of the most active author.
  };
  // rcwg: as SOURCES.md. houstondatavis general: SOURCES.md counts 401 messages with a `user`;
  // the reader also gives its 2 file_comments (no `user`) to their `comment.user` (python).
  const Case cases[] = {
      {"rcwg-r-contributors-subset", "general", 940, 102, 656, 19},
      {"rcwg-r-contributors-subset", "core-dev-help", 166, 26, 120, 13},
      {"rcwg-r-contributors-subset", "events", 422, 54, 123, 54},
      {"rcwg-r-contributors-subset", "weblate-updates", 62, 2, 0, 98},
      {"houstondatavis-2016", "general", 403, 25, 0, 31},
      {"houstondatavis-2016", "tools", 62, 3, 0, 82},
  };
  for (const Case& c : cases) {
    INFO(c.export_name << " " << c.channel);
    std::map<std::string, size_t> by_author;
    size_t messages = 0, replies = 0;
    for (const RecordedMessage& m : ChannelMessages(c.export_name, c.channel)) {
      if (m.kind != MessageKind::kMessage)
        continue;
      ++messages;
      ++by_author[SourcesAuthor(m)];
      replies += !m.reply_to.empty();
    }
    CHECK(messages == c.messages);
    CHECK(by_author.size() == c.authors);
    CHECK(replies == c.replies);
    size_t top = 0;
    for (const auto& [author, n] : by_author)
      top = std::max(top, n);
    CHECK(static_cast<int>(100.0 * static_cast<double>(top) / static_cast<double>(messages) +
                           0.5) == c.top_percent);
  }
  // weblate-updates is a feed of the integration's bot user.
  size_t weblate = 0;
  for (const RecordedMessage& m : ChannelMessages("rcwg-r-contributors-subset", "weblate-updates"))
    weblate += m.author.key == "U07RAS1T878" && m.author.is_bot;
  CHECK(weblate == 61);
  // houstondatavis predates threads: no reply anywhere.
  for (const ExportFile& f : ExportFiles("houstondatavis-2016")) {
    const ReadResult r = ReadAs(Format::kSlack, ReadFile(f.path), 0, f.name);
    for (const RecordedMessage& m : r.sink.messages)
      CHECK(m.thread.empty());
  }
}

TEST_CASE("Slack: a whole export read in a scrambled order, users.json last", "[slack]") {
  for (const char* name :
       {"houstondatavis-2016", "rcwg-r-contributors-subset", "slackdump-fixture-source_export"}) {
    INFO(name);
    std::vector<ExportFile> files = ExportFiles(name);
    std::shuffle(files.begin(), files.end(), std::mt19937(7));
    std::stable_partition(files.begin(), files.end(),
                          [](const ExportFile& f) { return f.path.filename() != "users.json"; });
    REQUIRE(files.back().path.filename() == "users.json");
    base::Diagnostics diagnostics;
    model::Dataset data(&diagnostics);
    for (size_t i = 0; i < files.size(); ++i) {
      data.BeginInput(static_cast<int32_t>(i));
      REQUIRE(Feed(Format::kAuto, ReadFile(files[i].path), 4096, &data, &diagnostics, files[i].name)
                  .ok());
    }
    data.Finalize();
    const auto root = UnzippedCorpusDir() / "slack" / name;
    const Json users = Json::parse(ReadFile(root / "users.json"));
    const Json channel_list = Json::parse(ReadFile(root / "channels.json"));

    // No orphan channels: every channel is one of channels.json, so day files met it.
    CHECK(data.channels().size() == channel_list.size());
    for (const model::Channel& c : data.channels())
      CHECK(c.kind == ChannelKind::kChat);

    // Names resolved from users.json for everyone it lists; staff flagged.
    std::map<std::string, RecordedPerson> listed;
    for (const auto& u : users)
      listed[Str(u, "id")] = ExpectedUser(u);
    size_t checked = 0;
    for (const model::Member& m : data.members()) {
      const auto it = listed.find(std::string(data.Text(m.key)));
      if (it == listed.end())
        continue;
      ++checked;
      INFO(it->first);
      CHECK(m.listed);
      CHECK(m.is_host_hint == it->second.is_host_hint);
      CHECK(m.is_bot == it->second.is_bot);
      if (!it->second.name.empty())
        CHECK(data.Text(m.name) == it->second.name);  // users.json came last: its name holds.
    }
    CHECK(checked == listed.size());

    // Threads linked: every reply whose parent is in the export found it (python: replies whose
    // thread_ts is a ts of their channel).
    std::map<std::string, std::set<std::string>> ts_by_channel;
    size_t replies_in_export = 0;
    std::vector<std::pair<std::string, std::string>> replies;
    for (const ExportFile& f : files) {
      if (!IsDayName(f.path.filename().string()))
        continue;
      const std::string channel = f.path.parent_path().filename().string();
      for (const auto& m : Json::parse(ReadFile(f.path))) {
        ts_by_channel[channel].insert(Str(m, "ts"));
        if (!Str(m, "thread_ts").empty() && Str(m, "thread_ts") != Str(m, "ts"))
          replies.emplace_back(channel, Str(m, "thread_ts"));
      }
    }
    for (const auto& [channel, parent] : replies)
      replies_in_export += ts_by_channel[channel].count(parent);
    // A reply's explicit target, when it names one, is a message of its own thread.
    size_t linked = 0;
    for (uint32_t i = 0; i < data.messages().size(); ++i) {
      const uint32_t parent = data.parent(i);
      linked += data.thread(i) != model::kNone && data.thread(i) != i;
      CHECK((parent == model::kNone || parent == data.thread(i) ||
             data.thread(parent) == data.thread(i)));
    }
    CHECK(linked == replies_in_export);
    CHECK(data.duplicates() == 0);
  }
}

TEST_CASE("Slack: a relay bot posting under a person's name stays apart from that person",
          "[slack]") {
  // rcwg: the Matrix bridge B07KW7ZQJSJ posts as "Ella Kaye", who also has a Slack account.
  base::Diagnostics diagnostics;
  model::Dataset data(&diagnostics);
  int32_t input = 0;
  for (const ExportFile& f : ExportFiles("rcwg-r-contributors-subset")) {
    if (f.path.parent_path().filename() != "general" && f.path.filename() != "users.json")
      continue;
    data.BeginInput(input++);
    REQUIRE(Feed(Format::kAuto, ReadFile(f.path), 0, &data, &diagnostics, f.name).ok());
  }
  data.Finalize();
  int relay = 0, person = 0;
  for (const model::Member& m : data.members()) {
    if (data.Text(m.name) != "Ella Kaye")
      continue;
    if (data.Text(m.key) == "B07KW7ZQJSJ/Ella Kaye") {
      ++relay;
      CHECK(m.is_bot);
    } else {
      ++person;
      CHECK(data.Text(m.key).substr(0, 1) == "U");
      CHECK_FALSE(m.is_bot);
    }
  }
  CHECK(relay == 1);
  CHECK(person == 1);
}

TEST_CASE("Slack: threads, broadcasts and replies", "[slack]") {
  const ReadResult r = ReadAll(
      Day(Msg("100.000001", "U1", R"(, "thread_ts": "100.000001", "reply_count": 2)") + "," +
          Msg("101.000002", "U2", R"(, "thread_ts": "100.000001", "parent_user_id": "U1")") + "," +
          Msg("102.000003", "U3",
              R"(, "subtype": "thread_broadcast", "thread_ts": "100.000001",
             "root": {"user": "U9", "ts": "100.000001", "text": "<@U8>",
                      "reactions": [{"name": "x", "users": ["U7"], "count": 1}]})") +
          "," + Msg("103.000004", "U4")));
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 4);
  const auto& m = r.sink.messages;
  CHECK(m[0].thread == "100.000001");
  CHECK(m[0].reply_to.empty());
  CHECK(m[1].thread == "100.000001");
  CHECK(m[1].reply_to == "100.000001");
  CHECK(m[2].reply_to == "100.000001");
  CHECK(m[2].kind == MessageKind::kMessage);
  CHECK(m[2].author.key == "U3");  // Not the root's author: nested objects are not messages.
  CHECK(m[2].mentions.empty());
  CHECK(m[2].reaction_count == 0);
  CHECK(m[3].thread.empty());
  CHECK(m[3].reply_to.empty());
  CHECK(r.diagnostics.entries().empty());
}

TEST_CASE("Slack: timestamps are the message ids and their time", "[slack]") {
  struct Case {
    const char* ts;
    int64_t ms;
  };
  // 1455551220 s = 2016-02-15T15:47:00Z (date -u -d @1455551220).
  const Case cases[] = {
      {"1455551220.000002", 1455551220000},
      {"1455551220.999999", 1455551220999},
      {"1455551220.5", 1455551220500},
      {"1455551220", 1455551220000},
      {"0000000000.000001", 0},
      {"99999999999.000000", 99999999999000},  // Absurd (year 5138) but readable.
  };
  for (const Case& c : cases) {
    INFO(c.ts);
    const ReadResult r = ReadAll(Day(Msg(c.ts)));
    CHECK(Only(r).id == c.ts);
    CHECK(Only(r).has_time);
    CHECK(Only(r).time_ms == c.ms);
    CHECK(r.diagnostics.entries().empty());
  }
  for (const char* bad : {"", "abc", "1455551220.00a", "-1455551220.1", "1.2.3", " 1455551220",
                          "9999999999999.000000"}) {
    INFO(bad);
    const ReadResult r = ReadAll(Day(Msg(bad)));
    CHECK_FALSE(Only(r).has_time);
    CHECK(Only(r).id.empty());
    CHECK(r.diagnostics.Count("ingest.slack.bad_ts") == 1);
  }
  // A number or no ts at all: the same.
  const ReadResult number =
      ReadAll(Day(R"({"type": "message", "ts": 1455551220.5, "user": "U1"})"));
  CHECK_FALSE(Only(number).has_time);
  const std::string none = R"({"type": "message", "user": "U1"})";
  const ReadResult two = ReadAll(Day(none + "," + none));
  REQUIRE(two.sink.messages.size() == 2);
  CHECK(two.diagnostics.Count("ingest.slack.bad_ts") == 2);
  const auto& first = two.diagnostics.entries().at("ingest.slack.bad_ts").first;
  CHECK(first.byte == 1);  // The first message's '{'.
  // An absurd time reaches the Dataset, which keeps it out of the timeline.
  base::Diagnostics diagnostics;
  model::Dataset data(&diagnostics);
  data.BeginInput(0);
  REQUIRE(
      Feed(Format::kSlack, Day(Msg("99999999999.000000")), 0, &data, &diagnostics, kDayName).ok());
  data.Finalize();
  CHECK(data.messages()[0].time_ms() == model::kNoTime);
  CHECK(diagnostics.Count("model.implausible_time") == 1);
}

TEST_CASE("Slack: authors, user profiles, bots and relays", "[slack]") {
  // The user_profile's display name, else its real name, else its name.
  const ReadResult named = ReadAll(
      Day(Msg("1.0", "U1",
              R"(, "user_profile": {"name": "ann", "real_name": "Ann Lee", "display_name": ""})")));
  CHECK(Only(named).author == RecordedPerson{"U1", "Ann Lee", false, false, false});
  const ReadResult display = ReadAll(Day(Msg(
      "1.0", "U1",
      R"(, "user_profile": {"name": "ann", "real_name": "Ann Lee", "display_name": "Annie"})")));
  CHECK(Only(display).author.name == "Annie");
  const ReadResult bare = ReadAll(Day(Msg("1.0", "U1")));
  CHECK(Only(bare).author == RecordedPerson{"U1", "", false, false, false});
  // A bridge relaying a human: a bot keyed by bot and name, never the person's key.
  const ReadResult relay = ReadAll(Day(
      Msg("1.0", "", R"(, "subtype": "bot_message", "bot_id": "B7", "username": "Ella Kaye")")));
  CHECK(Only(relay).author == RecordedPerson{"B7/Ella Kaye", "Ella Kaye", true, false, false});
  CHECK(Only(relay).kind == MessageKind::kMessage);
  // Even when the relayed message carries a user.
  const ReadResult relay_user = ReadAll(Day(
      Msg("1.0", "U5", R"(, "subtype": "bot_message", "bot_id": "B7", "username": "Ella Kaye")")));
  CHECK(Only(relay_user).author.key == "B7/Ella Kaye");
  // A bot without a name: keyed and named by its bot id, or its profile's name.
  const ReadResult bot =
      ReadAll(Day(Msg("1.0", "", R"(, "subtype": "bot_message", "bot_id": "B2")")));
  CHECK(Only(bot).author == RecordedPerson{"B2", "B2", true, false, false});
  const ReadResult profiled = ReadAll(
      Day(Msg("1.0", "", R"(, "bot_id": "B2", "bot_profile": {"id": "B2", "name": "Eventbot"})")));
  CHECK(Only(profiled).author == RecordedPerson{"B2", "Eventbot", true, false, false});
  // A bot user (integration): its user id, flagged a bot by its bot_id.
  const ReadResult integration = ReadAll(
      Day(Msg("1.0", "U7", R"(, "bot_id": "B3", "bot_profile": {"name": "Weblate notifier"})")));
  CHECK(Only(integration).author == RecordedPerson{"U7", "Weblate notifier", true, false, false});
  // bot_add names the bot it added, but its author is the person who added it.
  const ReadResult bot_add =
      ReadAll(Day(Msg("1.0", "U1", R"(, "subtype": "bot_add", "bot_id": "B3")")));
  CHECK_FALSE(Only(bot_add).author.is_bot);
  CHECK(Only(bot_add).kind == MessageKind::kSystem);
  // Slackbot is a bot although Slack does not flag it.
  const ReadResult slackbot = ReadAll(Day(Msg("1.0", "USLACKBOT")));
  CHECK(Only(slackbot).author.is_bot);
  // Old file comments carry their author in comment.user (houstondatavis).
  const ReadResult comment = ReadAll(Day(
      Msg("1.0", "",
          R"(, "subtype": "file_comment", "file": {"user": "U9"}, "comment": {"user": "U4"})")));
  CHECK(Only(comment).author == RecordedPerson{"U4", "", false, false, false});
  CHECK(Only(comment).kind == MessageKind::kMessage);
  // No author at all: an unknown (deleted-like) account, counted.
  const ReadResult nobody = ReadAll(Day(Msg("1.0", "")));
  CHECK(Only(nobody).author.is_deleted);
  CHECK(nobody.diagnostics.Count("ingest.slack.no_author") == 1);
}

TEST_CASE("Slack: a deleted thread parent keeps its replies", "[slack]") {
  const std::string day = Day(
      Msg("10.000001", "USLACKBOT",
          R"(, "subtype": "tombstone", "hidden": true, "thread_ts": "10.000001")") +
      "," + Msg("11.000001", "U2", R"(, "thread_ts": "10.000001", "parent_user_id": "USLACKBOT")") +
      "," + Msg("12.000001", "U5", R"(, "subtype": "tombstone", "thread_ts": "12.000001")"));
  const ReadResult r = ReadAll(day);
  REQUIRE(r.sink.messages.size() == 3);
  CHECK(r.sink.messages[0].author == RecordedPerson{"", "", false, true, false});
  CHECK(r.sink.messages[0].kind == MessageKind::kMessage);
  CHECK(r.sink.messages[2].author.key == "U5");  // slackdump keeps the author.
  CHECK(r.diagnostics.entries().empty());
  base::Diagnostics diagnostics;
  model::Dataset data(&diagnostics);
  data.BeginInput(0);
  REQUIRE(Feed(Format::kSlack, day, 0, &data, &diagnostics, kDayName).ok());
  data.Finalize();
  CHECK(data.parent(1) == 0);
  CHECK(data.members()[data.messages()[0].author].is_deleted);
}

TEST_CASE("Slack: a thread reply's target is the person it names, else the thread's root",
          "[slack]") {
  // Thread 100 opened by U1; U2 and U3 answer; U1 answers U2 by name, then names U3 in blocks;
  // U4 names U9 (not in the thread), itself and U1 (whose latest message is 105). Thread 107,
  // opened by U5: U2 names U1, who wrote only in thread 100, then U5.
  const auto in_thread = [](const std::string& thread, const std::string& ts,
                            const std::string& user, const std::string& text,
                            const std::string& extra = "") {
    return R"({"type": "message", "ts": ")" + ts + R"(", "user": ")" + user + R"(", "text": ")" +
           text + R"(", "thread_ts": ")" + thread + R"(")" + extra + "}";
  };
  const auto reply = [&](const std::string& ts, const std::string& user, const std::string& text,
                         const std::string& extra = "") {
    return in_thread("100.000001", ts, user, text, R"(, "parent_user_id": "U1")" + extra);
  };
  const std::string blocks_u3 =
      R"(, "blocks": [{"type": "rich_text", "elements": [{"type": "user", "user_id": "U3"}]}])";
  const ReadResult r = ReadAll(
      Day(Msg("100.000001", "U1", R"(, "thread_ts": "100.000001")") + "," +
          reply("101.000001", "U2", "question") + "," + reply("102.000001", "U3", "me too") + "," +
          reply("103.000001", "U2", "more") + "," + reply("104.000001", "U1", "<@U2> answer") +
          "," + reply("105.000001", "U1", "and you", blocks_u3) + "," +
          reply("106.000001", "U4", "<@U9> <@U4> <@U1|al> thanks") + "," +
          Msg("107.000001", "U5", R"(, "thread_ts": "107.000001")") + "," +
          in_thread("107.000001", "108.000001", "U2", "<@U1>") + "," +
          in_thread("107.000001", "109.000001", "U2", "<@U5>")));
  REQUIRE(r.status.ok());
  const auto& m = r.sink.messages;
  REQUIRE(m.size() == 10);
  CHECK(m[0].reply_to.empty());
  CHECK(m[1].reply_to == "100.000001");  // Names nobody: the root.
  CHECK(m[4].reply_to == "103.000001");  // U2's latest message before it.
  CHECK(m[5].reply_to == "102.000001");  // Named in blocks.
  CHECK(m[6].reply_to == "105.000001");
  CHECK(m[8].reply_to == "107.000001");  // U1 wrote only in the other thread: the root.
  CHECK(m[9].reply_to == "107.000001");  // U5's root itself.
  for (size_t i = 0; i < 7; ++i)
    CHECK(m[i].thread == "100.000001");

  // The thread's earlier messages in another day file are not known: the root.
  const ReadResult later = ReadAll(Day(reply("200.000001", "U2", "<@U1> still there?") + "," +
                                       reply("201.000001", "U3", "<@U2>") + "," +
                                       reply("202.000001", "U2", "<@U2> me")));
  REQUIRE(later.sink.messages.size() == 3);
  CHECK(later.sink.messages[0].reply_to == "100.000001");
  CHECK(later.sink.messages[1].reply_to == "200.000001");
  CHECK(later.sink.messages[2].reply_to == "100.000001");  // Naming oneself names nobody.

  // In a Dataset the named message is the parent: the host U1, answering U2 in its own thread,
  // replies to U2, not to itself.
  base::Diagnostics diagnostics;
  model::Dataset data(&diagnostics);
  data.BeginInput(0);
  REQUIRE(Feed(Format::kSlack,
               Day(Msg("100.000001", "U1", R"(, "thread_ts": "100.000001")") + "," +
                   reply("101.000001", "U2", "question") + "," +
                   reply("104.000001", "U1", "<@U2> answer")),
               0, &data, &diagnostics, kDayName)
              .ok());
  data.Finalize();
  REQUIRE(data.messages().size() == 3);
  CHECK(data.parent(1) == 0);
  CHECK(data.parent(2) == 1);
  CHECK(data.thread(2) == 0);
}

TEST_CASE("Slack: system subtypes", "[slack]") {
  struct Case {
    const char* subtype;
    MessageKind kind;
    SystemAction action;
  };
  const Case cases[] = {
      {"channel_join", MessageKind::kSystem, SystemAction::kJoin},
      {"group_join", MessageKind::kSystem, SystemAction::kJoin},
      {"channel_leave", MessageKind::kSystem, SystemAction::kLeave},
      {"group_leave", MessageKind::kSystem, SystemAction::kLeave},
      {"channel_topic", MessageKind::kSystem, SystemAction::kOther},
      {"channel_purpose", MessageKind::kSystem, SystemAction::kOther},
      {"channel_name", MessageKind::kSystem, SystemAction::kOther},
      {"channel_archive", MessageKind::kSystem, SystemAction::kOther},
      {"channel_canvas_updated", MessageKind::kSystem, SystemAction::kOther},
      {"channel_tab_added", MessageKind::kSystem, SystemAction::kOther},
      {"bot_add", MessageKind::kSystem, SystemAction::kOther},
      {"pinned_item", MessageKind::kSystem, SystemAction::kOther},
      {"reminder_add", MessageKind::kSystem, SystemAction::kOther},
      {"welcome_party", MessageKind::kSystem, SystemAction::kOther},
      {"file_share", MessageKind::kMessage, SystemAction::kNone},
      {"me_message", MessageKind::kMessage, SystemAction::kNone},
      {"thread_broadcast", MessageKind::kMessage, SystemAction::kNone},
      {"slackbot_response", MessageKind::kMessage, SystemAction::kNone},
  };
  for (const Case& c : cases) {
    INFO(c.subtype);
    const ReadResult r = ReadAll(Day(Msg("1.0", "U1",
                                         std::string(R"(, "subtype": ")") + c.subtype +
                                             R"(", "text": "<@U1|ann> has joined the channel")")));
    CHECK(Only(r).kind == c.kind);
    CHECK(Only(r).action == c.action);
    // Slack writes the actor into a system message's text: no mention.
    CHECK(Only(r).mentions.size() == (c.kind == MessageKind::kSystem ? 0u : 1u));
  }
}

TEST_CASE("Slack: mentions in text and blocks, each person once", "[slack]") {
  const std::string blocks = R"(, "blocks": [{"type": "rich_text", "elements": [
      {"type": "rich_text_section", "elements": [
        {"type": "user", "user_id": "U2"}, {"type": "text", "text": " hi "},
        {"user_id": "U9", "type": "user", "style": {"bold": true}},
        {"type": "usergroup", "usergroup_id": "S1"}, {"type": "broadcast", "range": "here"}]}]}])";
  const ReadResult r = ReadAll(Day(R"({"type": "message", "ts": "1.0", "user": "U1",
              "text": "<@U2> and <@U3|carl> and <@U2> <!here> <#C1|general> <@u4> <@> <@U5")" +
                                   blocks + "}"));
  const std::vector<RecordedPerson> want = {Key("U2"), Key("U3"), Key("U9")};
  CHECK(Only(r).mentions == want);
  // Blocks before text: their order first; nothing counted twice.
  const ReadResult first = ReadAll(Day(R"({"type": "message", "ts": "1.0", "user": "U1")" + blocks +
                                       R"(, "text": "<@U3> <@U9>"})"));
  const std::vector<RecordedPerson> want_first = {Key("U2"), Key("U9"), Key("U3")};
  CHECK(Only(first).mentions == want_first);
  // Attachments quote other messages: their mentions are not this message's.
  const ReadResult quoted = ReadAll(Day(Msg(
      "1.0", "U1",
      R"(, "attachments": [{"text": "<@U6>", "blocks": [{"type": "user", "user_id": "U6"}]}])")));
  CHECK(Only(quoted).mentions.empty());
}

TEST_CASE("Slack: reactions with their users", "[slack]") {
  const ReadResult r = ReadAll(Day(Msg("1.0", "U1", R"(, "reactions": [
      {"name": "+1", "users": ["U2", "U3"], "count": 2},
      {"name": "tada", "users": ["U2"], "count": 5},
      {"name": "eyes", "users": ["U4"]}])")));
  CHECK(Only(r).reaction_count == 8);  // 2 + 5 (users cut short) + 1 (count missing).
  const std::vector<RecordedPerson> want = {Key("U2"), Key("U3"), Key("U2"), Key("U4")};
  CHECK(Only(r).reactors == want);
  const ReadResult huge = ReadAll(Day(Msg(
      "1.0", "U1",
      R"(, "reactions": [{"count": 4294967295}, {"count": 5}, {"count": 1e300}, {"count": -3}])")));
  CHECK(Only(huge).reaction_count == UINT32_MAX);
}

TEST_CASE("Slack: users.json is the roster", "[slack]") {
  const std::string users = R"([
    {"id": "U1", "name": "ann", "real_name": "Ann Lee", "deleted": false, "is_admin": true,
     "is_owner": false, "is_bot": false, "profile": {"display_name": "", "real_name": "Ann L"}},
    {"id": "U2", "name": "bob", "deleted": false, "is_owner": true, "is_primary_owner": true,
     "profile": {"display_name": "Bobby", "real_name": "Bob"}},
    {"id": "U3", "name": "gone", "deleted": true, "profile": {"real_name": "Gone Person"},
     "enterprise_user": {"id": "E1", "name": "nested"}},
    {"id": "U4", "name": "github", "deleted": false, "is_bot": true, "profile": {"bot_id": "B1"}},
    {"id": "U5", "name": "app", "is_bot": false, "is_app_user": true},
    {"id": "USLACKBOT", "name": "slackbot", "is_bot": false},
    {"id": "U6", "name": "cat", "is_restricted": true}])";
  const ReadResult r = ReadAll(users, "export/users.json");
  REQUIRE(r.status.ok());
  CHECK(r.sink.messages.empty());
  CHECK(r.sink.channels.empty());
  const std::vector<RecordedPerson> want = {
      {"U1", "Ann Lee", false, false, true},      {"U2", "Bobby", false, false, true},
      {"U3", "Gone Person", false, false, false}, {"U4", "github", true, false, false},
      {"U5", "app", true, false, false},          {"USLACKBOT", "slackbot", true, false, false},
      {"U6", "cat", false, false, false}};
  CHECK(r.sink.members == want);
  CHECK(r.diagnostics.entries().empty());
}

TEST_CASE("Slack: channel lists declare channels and their members", "[slack]") {
  const std::string channels = R"([
    {"id": "C1", "name": "general", "created": 1433558319, "creator": "U1", "is_general": true,
     "members": ["U1", "U2"], "topic": {"value": "t", "creator": "U1", "last_set": 0},
     "purpose": {"value": "p", "creator": "U1", "last_set": 0}, "pins": [{"id": "1", "user": "U9"}]},
    {"id": "C2", "name": "random", "members": []}])";
  const ReadResult r = ReadAll(channels, "export/channels.json");
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.channels.size() == 2);
  CHECK(r.sink.channels[0] ==
        RecordedChannel{"general", "general", "", "", "", ChannelKind::kChat, true});
  CHECK(r.sink.channels[1].key == "random");
  const std::vector<RecordedPerson> want = {Key("U1"), Key("U2")};
  CHECK(r.sink.members == want);
  // Private channels, group DMs and DMs (a DM has no name: its id is its folder).
  CHECK(ReadAll(R"([{"id": "G1", "name": "secret", "members": ["U1"]}])", "groups.json")
            .sink.channels[0]
            .kind == ChannelKind::kChat);
  const ReadResult mpims =
      ReadAll(R"([{"id": "G2", "name": "mpdm-a--b--c-1", "members": ["U1"]}])", "mpims.json");
  CHECK(mpims.sink.channels[0].kind == ChannelKind::kGroupDirect);
  CHECK(mpims.sink.channels[0].key == "mpdm-a--b--c-1");
  const ReadResult dms =
      ReadAll(R"([{"id": "D1", "created": 1, "members": ["U1", "U2"]}])", "dms.json");
  CHECK(dms.sink.channels[0] ==
        RecordedChannel{"D1", "D1", "", "", "", ChannelKind::kDirect, true});
  CHECK(dms.sink.members.size() == 2);
  // A day file and channels.json meet on one channel in the Dataset, whatever the order.
  for (bool list_first : {true, false}) {
    base::Diagnostics diagnostics;
    model::Dataset data(&diagnostics);
    const std::string day = Day(Msg("1.0", "U1"));
    for (int i = 0; i < 2; ++i) {
      data.BeginInput(i);
      const bool list = (i == 0) == list_first;
      REQUIRE(Feed(Format::kAuto, list ? channels : day, 7, &data, &diagnostics,
                   list ? "export/channels.json" : kDayName)
                  .ok());
    }
    data.Finalize();
    CHECK(data.channels().size() == 2);
    CHECK(data.Text(data.channels()[data.channel_of(0)].key) == "general");
    CHECK(data.channels()[data.channel_of(0)].kind == ChannelKind::kChat);
  }
}

TEST_CASE("Slack: the sniffer claims export files by name and shape, nothing else", "[slack]") {
  using ingest::Detect;
  auto slack = [](std::string_view text, std::string_view name, bool complete = true) {
    const auto d = Detect(text, name, complete);
    return d.state == ingest::Detection::State::kKnown && d.format == Format::kSlack;
  };
  const std::string day = Day(Msg("1.0"));
  CHECK(slack(day, "export/general/2016-01-01.json"));
  CHECK(slack(day, "general/2016-01-01.json"));
  CHECK(slack("[]", "general/2016-01-01.json"));
  CHECK_FALSE(slack(day, "2016-01-01.json"));          // No channel folder.
  CHECK_FALSE(slack(day, "general/2016-13-01.json"));  // No such month.
  CHECK_FALSE(slack(day, "general/messages.json"));    // Not a day file name.
  CHECK_FALSE(slack(R"([{"type": "x", "id": 1}])", "logs/2016-01-01.json"));  // No "ts".
  CHECK_FALSE(slack(R"({"ts": "1.0"})", "general/2016-01-01.json"));          // Not a list.
  CHECK(slack(R"([{"id": "U1", "name": "a", "profile": {}}])", "users.json"));
  CHECK_FALSE(slack(R"([{"id": "U1", "username": "a"}])", "users.json"));
  CHECK(slack(R"([{"id": "C1", "name": "general", "created": 1}])", "channels.json"));
  CHECK(slack("[]", "dms.json"));
  CHECK(slack("[ ]", "export/mpims.json"));
  CHECK_FALSE(slack("[]", "dms.json", false));  // An incomplete head is not sure yet.
  CHECK_FALSE(slack(R"([{"title": "x"}])", "channels.json"));
  CHECK(slack(R"([{"user_id": "U1", "change_type": "added"}])", "integration_logs.json"));
  CHECK(slack("[]", "canvases.json"));
  CHECK(slack(R"([{"id": "F1"}])", "general/canvas_in_the_conversation.json"));
  CHECK_FALSE(slack(R"([{"id": "F1"}])", "canvas_in_the_conversation.json"));
  // A growing head of a day file is never taken for another format.
  for (size_t n = 1; n < day.size(); ++n) {
    const auto d = Detect(std::string_view(day).substr(0, n), kDayName, false);
    CHECK((d.state == ingest::Detection::State::kNeedMore || d.format == Format::kSlack));
  }
}

TEST_CASE("Slack: a file larger than the first chunk is known, as the CLI pushes it", "[slack]") {
  // rcwg users.json is 2 MB; the CLI pushes 1 MiB chunks, so Detect sees a cut document.
  const std::string users =
      ReadFile(UnzippedCorpusDir() / "slack" / "rcwg-r-contributors-subset" / "users.json");
  REQUIRE(users.size() > (1u << 20));
  const auto d =
      ingest::Detect(std::string_view(users).substr(0, 1 << 20), "export/users.json", true);
  CHECK(d.format == Format::kSlack);
  const ReadResult r = ReadAs(Format::kAuto, users, 1 << 20, "export/users.json");
  CHECK(r.status.ok());
  CHECK(r.sink.members.size() == Json::parse(users).size());
  // A damaged day file is still claimed, so its reader says where the damage is.
  const std::string day = Day(Msg("1.000001") + "," + Msg("2.000002"));
  const ReadResult cut = ReadAs(Format::kAuto, day.substr(0, day.size() - 10), 0, kDayName);
  CHECK(cut.status.ok());
  CHECK(cut.sink.messages.size() == 1);
  CHECK(cut.diagnostics.Count("ingest.slack.truncated") == 1);
}

TEST_CASE("Slack: files that are not day files are skipped and counted, not errors", "[slack]") {
  const std::string canvas = R"([{"id": "F06VBAX1Q2X", "user": "USLACKBOT", "ts": "1.0"}])";
  const ReadResult r = ReadAll(canvas, "export/general/canvas_in_the_conversation.json");
  CHECK(r.status.ok());
  CHECK(r.sink.messages.empty());
  CHECK(r.sink.channels.empty());
  CHECK(r.diagnostics.Count("ingest.slack.skipped_file") == 1);
  // A day file or roster holding an object or a single value.
  for (const char* doc : {R"({"id": "F1", "title": "canvas", "messages": [{"ts": "1.0"}]})", "42",
                          "\"text\"", "null"}) {
    for (const char* name : {kDayName, "users.json", "channels.json"}) {
      INFO(doc << " as " << name);
      const ReadResult o = ReadAll(doc, name);
      CHECK(o.status.ok());
      CHECK(o.sink.messages.empty());
      CHECK(o.sink.members.empty());
      CHECK(o.diagnostics.Count("ingest.slack.not_a_list") == 1);
    }
  }
  // Known files without messages are read as nothing, silently.
  const ReadResult logs =
      ReadAll(R"([{"user_id": "U1", "change_type": "added"}])", "export/integration_logs.json");
  CHECK(logs.status.ok());
  CHECK(logs.diagnostics.entries().empty());
  // Elements of a day file that are not objects are ignored.
  const ReadResult mixed = ReadAll(Day(R"(1, "x", [2], null, )" + Msg("1.0")));
  CHECK(Only(mixed).author.key == "U1");
}

TEST_CASE("Slack: a day file without a folder still reads, named by its path", "[slack]") {
  const ReadResult r = ReadAll(Day(Msg("1.0")), "2016-01-01.json");
  REQUIRE(r.sink.channels.size() == 1);
  CHECK(r.sink.channels[0].key == "2016-01-01.json");
  CHECK(Only(r).author.key == "U1");
  CHECK(r.diagnostics.Count("ingest.slack.no_folder") == 1);
}

TEST_CASE("Slack: damaged day files", "[slack]") {
  const std::string day = Day(Msg("1.000001") + "," + Msg("2.000002") + "," + Msg("3.000003"));
  // Cut inside the third message: the first two are kept, the cut is counted at its byte.
  const size_t cut = day.find("3.000003");
  const ReadResult r = ReadAll(day.substr(0, cut));
  REQUIRE(r.status.ok());
  CHECK(r.sink.messages.size() == 2);
  CHECK(r.diagnostics.Count("ingest.slack.truncated") == 1);
  CHECK(r.diagnostics.entries().at("ingest.slack.truncated").first.byte == cut);
  // Cut before any message is complete: an error.
  const ReadResult early = ReadAll(day.substr(0, 20));
  CHECK(early.status.code() == StatusCode::kParseError);
  CHECK(early.status.id() == "ingest.json.truncated");
  CHECK(early.status.message().find("Slack") != std::string::npos);
  // A syntax error stops the file at its byte.
  std::string broken = day;
  const size_t at = broken.find(',', broken.find("2.000002"));
  broken[at] = ';';
  const ReadResult bad = ReadAll(broken);
  CHECK(bad.status.code() == StatusCode::kParseError);
  CHECK(bad.status.id() == "ingest.json.syntax");
  CHECK(bad.status.location().byte == at);
  // Invalid UTF-8 is repaired and counted; text sizes count the repaired text.
  const ReadResult utf8 =
      ReadAll(Day("{\"ts\": \"1.0\", \"user\": \"U1\", \"text\": \"a\xFF\xC3z\"}"));
  CHECK(Only(utf8).text_bytes == 1 + 3 + 3 + 1);  // Two U+FFFD of 3 bytes each.
  CHECK(utf8.diagnostics.Count("ingest.invalid_utf8") == 2);
  // A huge text: its size, and the mentions in it.
  std::string text(3 << 20, 'x');
  text.replace(1 << 20, 6, "<@U42>");
  const ReadResult huge = ReadAll(Day(R"({"ts": "1.0", "user": "U1", "text": ")" + text + R"("})"));
  CHECK(Only(huge).text_bytes == text.size());
  CHECK(Only(huge).mentions == std::vector<RecordedPerson>{Key("U42")});
  // Mentions: one person a million times is one mention; more than 1000 people are capped.
  std::string same;
  for (int i = 0; i < 1000000; ++i)
    same += "<@U7>";
  const ReadResult repeated =
      ReadAs(Format::kSlack, Day(R"({"ts": "1.0", "user": "U1", "text": ")" + same + R"("})"), 0,
             kDayName);
  CHECK(Only(repeated).mentions == std::vector<RecordedPerson>{Key("U7")});
  std::string many;
  for (int i = 0; i < 1500; ++i)
    many += "<@U" + std::to_string(i) + ">";
  const ReadResult crowd =
      ReadAll(Day(R"({"ts": "1.0", "user": "U1", "text": ")" + many + R"("}, )" + Msg("2.0")));
  REQUIRE(crowd.sink.messages.size() == 2);
  CHECK(crowd.sink.messages[0].mentions.size() == 1000);
  CHECK(crowd.sink.messages[0].mentions.back().key == "U999");
  CHECK(crowd.diagnostics.Count("ingest.slack.too_many_mentions") == 1);
}
