// Facebook Messenger / Instagram JSON reader (FORMATS.md section 5): every corpus file in every
// chunking, checked against an independent reading through nlohmann::json, and crafted snippets
// for each rule of messenger_json.h.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/dataset.h"
#include "reader_harness.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

// A person with only a key and a name (no flags).
RecordedPerson Named(const std::string& key, const std::string& name) {
  RecordedPerson p;
  p.key = key;
  p.name = name;
  return p;
}

using model::ChannelKind;
using model::MessageKind;
using model::SystemAction;
using nlohmann::json;

ReadResult ReadAll(std::string_view data, std::string_view name = "message_1.json") {
  return ReadAllAs(Format::kMessengerJson, data, name);
}

// A thread file with `participants` (names) and `messages` (JSON objects joined by commas),
// then `tail` fields (each starting with a comma), as Facebook orders them.
std::string Thread(const std::vector<std::string>& participants,
                   const std::string& messages,
                   const std::string& tail = "") {
  std::string out = R"({"participants": [)";
  for (size_t i = 0; i < participants.size(); ++i)
    out += (i ? ", " : "") + std::string(R"({"name": ")") + participants[i] + "\"}";
  return out + R"(], "messages": [)" + messages + "]" + tail + "}";
}

std::string Msg(const std::string& sender,
                const std::string& content,
                const std::string& extra = "",
                const std::string& time = "1600000000000") {
  return R"({"sender_name": ")" + sender + R"(", "timestamp_ms": )" + time + R"(, "content": ")" +
         content + "\"" + extra + "}";
}

const RecordedMessage& Only(const ReadResult& r) {
  INFO(r.status.ToString());
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 1);
  return r.sink.messages[0];
}

// ---- The independent oracle.

// Code points of valid UTF-8, or false for any invalid, overlong or surrogate sequence.
bool DecodeUtf8(const std::string& s, std::vector<uint32_t>* out) {
  out->clear();
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size())
      return false;
    uint32_t cp = n == 1 ? b : b & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c >> 6) != 2)
        return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    const uint32_t min = n == 1 ? 0 : n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    out->push_back(cp);
    i += n;
  }
  return true;
}

// FORMATS.md 5: map each code point <= 0xFF to a byte, keep the result if it is valid UTF-8.
std::string Fix(const std::string& s) {
  std::vector<uint32_t> cps, check;
  REQUIRE(DecodeUtf8(s, &cps));
  std::string bytes;
  bool high = false;
  for (uint32_t cp : cps) {
    if (cp > 0xFF)
      return s;
    high |= cp > 0x7F;
    bytes.push_back(static_cast<char>(cp));
  }
  return high && DecodeUtf8(bytes, &check) ? bytes : s;
}

std::string Str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// The notices of the corpus files, read by eye: content -> event.
const std::map<std::string, SystemAction> kCorpusNotices = {
    {"Jane Doe joined the group.", SystemAction::kJoin},
    {"John Doe's poll has multiple updates.", SystemAction::kOther},
    {"This poll is no longer available.", SystemAction::kOther},
};

std::vector<RecordedMessage> ExpectedMessages(const json& doc) {
  std::vector<RecordedMessage> out;
  for (const json& m : doc["messages"]) {
    RecordedMessage r;
    r.author.name = Fix(Str(m, "sender_name"));
    r.time_ms = m["timestamp_ms"].get<int64_t>();
    r.has_time = true;
    const std::string content = Fix(Str(m, "content"));
    r.text_bytes = static_cast<uint32_t>(content.size());
    if (const auto notice = kCorpusNotices.find(content); notice != kCorpusNotices.end()) {
      r.kind = MessageKind::kSystem;
      r.action = notice->second;
    }
    for (const json& reaction : m.value("reactions", json::array())) {
      RecordedPerson p;
      p.name = Fix(Str(reaction, "actor"));
      r.reactors.push_back(p);
    }
    r.reaction_count = static_cast<uint32_t>(r.reactors.size());
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("Messenger: every corpus file reads the same in every chunking, as the rules say") {
  int seen = 0;
  for (const auto& path : CorpusFiles(".json")) {
    if (path.parent_path().filename() != "messenger")
      continue;
    ++seen;
    INFO(path.string());
    const std::string data = ReadFile(path);
    const ReadResult r = ReadAll(data, "export.json");
    REQUIRE(r.status.ok());
    const json doc = json::parse(data);
    std::vector<std::string> names;
    for (const json& p : doc.value("participants", json::array()))
      names.push_back(Fix(Str(p, "name")));
    REQUIRE(r.sink.members.size() == names.size());
    for (size_t i = 0; i < names.size(); ++i)
      CHECK(r.sink.members[i] == Named("", names[i]));
    std::sort(names.begin(), names.end());
    std::string key = names.empty() ? "messenger:file:export.json" : "messenger:participants";
    for (const std::string& n : names)
      key += ":" + n;
    REQUIRE(r.sink.channels.size() == 1);
    const RecordedChannel& c = r.sink.channels[0];
    CHECK(c.key == key);
    CHECK(c.group_key == key);
    CHECK(c.kind == (names.size() == 2  ? ChannelKind::kDirect
                     : names.size() > 2 ? ChannelKind::kGroupDirect
                                        : ChannelKind::kUnknown));
    CHECK_FALSE(c.replies_exported);
    const auto expected = ExpectedMessages(doc);
    REQUIRE(r.sink.messages.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      INFO("message " << i);
      CHECK(r.sink.messages[i] == expected[i]);
    }
    CHECK(r.diagnostics.entries().empty());
  }
  CHECK(seen == 3);
}

TEST_CASE("Messenger: corpus facts: mojibake names, a BOM, notices, thread paths") {
  const auto dir = CorpusDir() / "messenger";
  const std::string heart = "\xE2\x9D\xA4\xEF\xB8\x8F";  // U+2764 U+FE0F, "❤️".
  const ReadResult ig = ReadAll(ReadFile(dir / "chat-miner-instagram-group-mojibake.json"));
  REQUIRE(ig.status.ok());
  REQUIRE(ig.sink.members.size() == 4);
  CHECK(ig.sink.members[1].name == "J" + heart + "hn Doe");
  REQUIRE(ig.sink.messages.size() == 13);
  CHECK(ig.sink.messages[0].reactors[0].name == "J" + heart + "hn Doe");
  CHECK(ig.sink.messages[9].author.name == heart);  // An emoji-only name.
  CHECK(ig.sink.messages[10].author.name == "J" + heart + "hn Doe");
  CHECK(ig.sink.messages[7].action == SystemAction::kJoin);
  CHECK(ig.sink.messages[5].kind == MessageKind::kMessage);  // "... sent an attachment."
  CHECK(ig.sink.channels[0].kind == ChannelKind::kGroupDirect);
  // "Testing message with emoji: " (28 bytes) + the 6 bytes of the repaired heart.
  CHECK(ig.sink.messages[11].text_bytes == 28 + 6);
  // With its folders, the thread's key is its thread_path, as any message_N.json of it says.
  const ReadResult bom = ReadAll(ReadFile(dir / "chat-analytics-messenger-2A_7M.json"),
                                 "your_activity/messages/inbox/alice_aaaaaaaaaa/message_1.json");
  REQUIRE(bom.status.ok());
  CHECK(bom.sink.channels[0].key == "messenger:inbox/alice_aaaaaaaaaa");
  CHECK(bom.sink.messages.size() == 7);
  CHECK(bom.sink.channels[0].kind == ChannelKind::kDirect);
}

TEST_CASE("Messenger: message_N.json files of one thread are one channel, titled at the end") {
  const std::string part1 = Thread({"Ann", "Bob", "Cy"}, Msg("Ann", "3") + "," + Msg("Bob", "2"),
                                   R"(, "title": "Trip", "thread_type": "RegularGroup",
                                       "thread_path": "inbox/trip_99")");
  const std::string part2 = Thread({"Ann", "Bob", "Cy"}, Msg("Cy", "1"),
                                   R"(, "title": "Trip", "thread_path": "inbox/trip_99")");
  for (const auto& [name1, name2] : std::vector<std::pair<std::string, std::string>>{
           {"messages/inbox/trip_99/message_1.json", "messages/inbox/trip_99/message_2.json"},
           {"message_1.json", "message_2.json"}}) {
    for (size_t chunk : kChunkSizes) {
      INFO(name1 << ", chunks of " << chunk);
      base::Diagnostics diagnostics;
      model::Dataset data(&diagnostics);
      data.BeginInput(0);
      REQUIRE(Feed(Format::kMessengerJson, part1, chunk, &data, &diagnostics, name1).ok());
      data.BeginInput(1);
      REQUIRE(Feed(Format::kMessengerJson, part2, chunk, &data, &diagnostics, name2).ok());
      data.Finalize();
      REQUIRE(data.channels().size() == 1);
      CHECK(data.Text(data.channels()[0].name) == "Trip");
      CHECK(data.channels()[0].kind == ChannelKind::kGroupDirect);
      CHECK_FALSE(data.channels()[0].replies_exported);
      CHECK(data.messages().size() == 3);
      CHECK(data.members().size() == 3);
    }
  }
  // thread_path before the messages is used at once; so is thread_type.
  const ReadResult first = ReadAll(
      R"({"title": "T", "thread_path": "inbox/x_1", "thread_type": "RegularGroup",
          "participants": [{"name": "A"}, {"name": "B"}], "messages": [)" +
      Msg("A", "hi") + "]}");
  REQUIRE(first.sink.channels.size() == 1);
  CHECK(first.sink.channels[0].key == "messenger:inbox/x_1");
  CHECK(first.sink.channels[0].name == "T");
  CHECK(first.sink.channels[0].kind == ChannelKind::kGroupDirect);
}

TEST_CASE("Messenger: notices written as content are system events of their actor") {
  struct Case {
    const char* sender;
    const char* content;
    MessageKind kind;
    SystemAction action;
  };
  const Case cases[] = {
      {"Ann", "Ann joined the group.", MessageKind::kSystem, SystemAction::kJoin},
      {"Ann", "Ann added Bob to the group.", MessageKind::kSystem, SystemAction::kJoin},
      {"Ann", "You added Bob to the group.", MessageKind::kSystem, SystemAction::kJoin},
      {"Ann", "Ann left the group.", MessageKind::kSystem, SystemAction::kLeave},
      {"Ann", "Ann removed Bob from the group.", MessageKind::kSystem, SystemAction::kLeave},
      {"Ann", "Ann named the group Trip.", MessageKind::kSystem, SystemAction::kOther},
      {"Ann", "Ann changed the group photo.", MessageKind::kSystem, SystemAction::kOther},
      {"Ann", "Ann set the nickname for Bob to B.", MessageKind::kSystem, SystemAction::kOther},
      {"Ann", "Ann cleared her own nickname.", MessageKind::kSystem, SystemAction::kOther},
      {"Ann", "Ann's poll has multiple updates.", MessageKind::kSystem, SystemAction::kOther},
      {"Ann", "This poll is no longer available.", MessageKind::kSystem, SystemAction::kOther},
      // Not notices: someone else's name, a sentence that only mentions it, an attachment.
      {"Bob", "Ann left the group.", MessageKind::kMessage, SystemAction::kNone},
      {"Ann", "lol Ann left the group.", MessageKind::kMessage, SystemAction::kNone},
      {"Ann", "Ann sent an attachment.", MessageKind::kMessage, SystemAction::kNone},
      {"Ann", "Annie joined the group.", MessageKind::kMessage, SystemAction::kNone},
  };
  for (const Case& c : cases) {
    INFO(c.sender << ": " << c.content);
    const ReadResult r = ReadAll(Thread({"Ann", "Bob"}, Msg(c.sender, c.content)));
    CHECK(Only(r).kind == c.kind);
    CHECK(Only(r).action == c.action);
    CHECK(Only(r).author.name == c.sender);
  }
  // Older exports say it with `type`; calls are events too.
  const std::pair<const char*, SystemAction> types[] = {{"Subscribe", SystemAction::kJoin},
                                                        {"Unsubscribe", SystemAction::kLeave},
                                                        {"Call", SystemAction::kOther}};
  for (const auto& [type, action] : types) {
    INFO(type);
    const ReadResult r =
        ReadAll(Thread({"Ann"}, Msg("Ann", "x", R"(, "type": ")" + std::string(type) + "\"")));
    CHECK(Only(r).kind == MessageKind::kSystem);
    CHECK(Only(r).action == action);
  }
  const ReadResult call =
      ReadAll(Thread({"Ann"}, Msg("Ann", "Ann started a call.", R"(, "call_duration": 30)")));
  CHECK(Only(call).action == SystemAction::kOther);
  const ReadResult generic =
      ReadAll(Thread({"Ann"}, Msg("Ann", "hello", R"(, "type": "Generic")")));
  CHECK(Only(generic).kind == MessageKind::kMessage);
}

TEST_CASE("Messenger: unsent, deactivated and nameless senders; reactions") {
  const ReadResult unsent = ReadAll(Thread({"Ann"}, Msg("Ann", "oops", R"(, "is_unsent": true)")));
  CHECK(Only(unsent).text_bytes == 0);
  CHECK(Only(unsent).kind == MessageKind::kMessage);
  const ReadResult gone =
      ReadAll(Thread({"Ann", "Facebook user"},
                     Msg("Facebook user", "a") + "," + Msg("instagram user", "b") + "," +
                         R"({"timestamp_ms": 1, "content": "c", "reactions": [{"reaction": "x",
              "actor": "Facebook user"}, {"reaction": "y", "actor": "Ann"}]})"));
  REQUIRE(gone.sink.messages.size() == 3);
  for (const auto& m : gone.sink.messages)
    CHECK(m.author.is_deleted);
  CHECK(gone.sink.members.size() == 1);  // The deactivated participant is no member.
  CHECK(gone.sink.messages[2].reaction_count == 2);
  CHECK(gone.sink.messages[2].reactors[0].is_deleted);
  CHECK(gone.sink.messages[2].reactors[1].name == "Ann");
  // Deactivated accounts never merge; Ann is Ann by name.
  base::Diagnostics diagnostics;
  model::Dataset data(&diagnostics);
  data.BeginInput(0);
  REQUIRE(Feed(Format::kMessengerJson,
               Thread({}, Msg("Facebook user", "a") + "," + Msg("Facebook user", "b") + "," +
                              Msg("Ann", "c") + "," + Msg("Ann", "d")),
               7, &data, &diagnostics)
              .ok());
  data.Finalize();
  CHECK(data.members().size() == 3);
}

TEST_CASE("Messenger: timestamps are UTC milliseconds, whatever their JSON number form") {
  const ReadResult floaty = ReadAll(Thread({"A"}, Msg("A", "x", "", "1.6e12")));
  CHECK(Only(floaty).time_ms == 1600000000000);
  const ReadResult huge = ReadAll(Thread({"A"}, Msg("A", "x", "", "1e300")));
  CHECK_FALSE(Only(huge).has_time);
  const ReadResult negative = ReadAll(Thread({"A"}, Msg("A", "x", "", "-5")));
  CHECK(Only(negative).time_ms == -5);  // Kept; the Dataset keeps implausible times out.
  const ReadResult text = ReadAll(Thread({"A"}, Msg("A", "x", "", "\"1600000000000\"")));
  CHECK_FALSE(Only(text).has_time);
}

TEST_CASE("Messenger: what is not a Messenger export is refused; damage is located") {
  for (const std::string doc :
       {"[1]", R"({"participants": [{"name": "A"}]})", R"({"messages": {"a": 1}})", "\"x\""}) {
    INFO(doc);
    const ReadResult r = ReadAll(doc);
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status.id() == "ingest.messenger.not_messenger");
  }
  const std::string data =
      ReadFile(CorpusDir() / "messenger" / "chat-miner-instagram-group-mojibake.json");
  const size_t cut = data.find("\"Testing normal message.\"");
  const ReadResult cut_r = ReadAll(data.substr(0, cut));
  REQUIRE(cut_r.status.ok());
  CHECK(cut_r.sink.messages.size() == 12);
  CHECK(cut_r.diagnostics.Count("ingest.messenger.truncated") == 1);
  const ReadResult early = ReadAll(data.substr(0, data.find("\"reactions\"")));
  CHECK(early.status.id() == "ingest.json.truncated");
  // Invalid UTF-8 is replaced and counted; it is then no mojibake.
  const ReadResult bad = ReadAll(Thread({"A\xC3"}, Msg("A\xC3", "x")));
  CHECK(Only(bad).author.name == "A\xEF\xBF\xBD");
  CHECK(bad.diagnostics.Count("ingest.invalid_utf8") == 2);
  const ReadResult deep =
      ReadAll(Thread({"A"}, Msg("A", "x", R"(, "x": )" + std::string(400, '[') + "]")));
  CHECK(deep.status.id() == "ingest.json.too_deep");
  // Wrong shapes are skipped.
  const ReadResult shapes =
      ReadAll(Thread({"A"}, R"(1, [], {"sender_name": ["A"], "timestamp_ms": {"x": 1}, "content": 5,
                       "reactions": {"actor": "A"}},)" +
                                Msg("A", "ok")));
  REQUIRE(shapes.sink.messages.size() == 2);
  CHECK(shapes.sink.messages[0].author.is_deleted);
  CHECK_FALSE(shapes.sink.messages[0].has_time);
  CHECK(shapes.sink.messages[0].reaction_count == 0);
}
