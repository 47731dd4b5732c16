// DiscordChatExporter JSON reader (FORMATS.md section 1): real exports in every chunking, checked
// against an independent reading of the same file through nlohmann::json, and crafted snippets
// for each rule of discord_json.h.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/time.h"
#include "ingest/reader.h"
#include "model/dataset.h"
#include "reader_harness.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

using model::ChannelKind;
using model::MessageKind;
using model::SystemAction;

ReadResult Read(std::string_view data, size_t chunk = 0) {
  return ReadAs(Format::kDiscordJson, data, chunk);
}

ReadResult ReadAll(std::string_view data) {
  return ReadAllAs(Format::kDiscordJson, data);
}

// A DCE document around `messages` (JSON objects joined by commas).
std::string Dce(const std::string& messages,
                const std::string& channel_type = "GuildTextChat",
                const std::string& guild_id = "100") {
  return R"({"guild": {"id": ")" + guild_id + R"(", "name": "Guild"},
  "channel": {"id": "200", "type": ")" +
         channel_type + R"(", "categoryId": "300", "category": "Cat", "name": "chan",
              "topic": null},
  "dateRange": {"after": null, "before": null},
  "messages": [)" +
         messages + R"(],
  "messageCount": 0})";
}

std::string Author(const std::string& id,
                   const std::string& name,
                   bool bot = false,
                   const std::string& discriminator = "1234",
                   const std::string& extra = "") {
  return R"({"id": ")" + id + R"(", "name": ")" + name + R"(", "discriminator": ")" +
         discriminator + R"(", "nickname": null, "isBot": )" + (bot ? "true" : "false") + extra +
         "}";
}

// A message with id, type and author, plus `extra` fields (each starting with a comma).
std::string Msg(const std::string& id,
                const std::string& type = "Default",
                const std::string& author = Author("1", "ann"),
                const std::string& extra = "",
                const std::string& timestamp = "\"2023-01-06T14:03:03.853+00:00\"") {
  return R"({"id": ")" + id + R"(", "type": ")" + type + R"(", "timestamp": )" + timestamp +
         R"(, "content": "hello", "author": )" + author + extra + "}";
}

const RecordedMessage& Only(const ReadResult& r) {
  INFO(r.status.ToString());
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 1);
  return r.sink.messages[0];
}

// ---- The independent oracle: FORMATS.md section 1 applied to nlohmann's DOM of the file.

std::string Str(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

RecordedPerson ExpectedPerson(const nlohmann::json& u) {
  RecordedPerson p;
  p.key = Str(u, "id");
  p.name = Str(u, "nickname").empty() ? Str(u, "name") : Str(u, "nickname");
  p.is_bot = u.value("isBot", false);
  p.is_deleted = !p.is_bot && Str(u, "name") == "Deleted User" && Str(u, "discriminator") == "0000";
  return p;
}

std::vector<RecordedMessage> ExpectedMessages(const nlohmann::json& doc) {
  const std::string channel_id = doc["channel"]["id"];
  const std::vector<std::string> system = {
      "GuildMemberJoin",   "RecipientAdd",      "RecipientRemove",      "Call",
      "ChannelNameChange", "ChannelIconChange", "ChannelPinnedMessage", "ThreadCreated"};
  std::vector<RecordedMessage> out;
  for (const auto& m : doc["messages"]) {
    RecordedMessage e;
    e.id = m["id"];
    const std::string type = m["type"];
    const bool is_system = std::find(system.begin(), system.end(), type) != system.end();
    e.kind = is_system ? MessageKind::kSystem : MessageKind::kMessage;
    e.action = !is_system                                            ? SystemAction::kNone
               : type == "GuildMemberJoin" || type == "RecipientAdd" ? SystemAction::kJoin
               : type == "RecipientRemove"                           ? SystemAction::kLeave
                                                                     : SystemAction::kOther;
    e.author = ExpectedPerson(m["author"]);
    const auto t = base::ParseIso8601(Str(m, "timestamp"));
    REQUIRE(t.has_value());
    e.time_ms = t->ms;
    e.has_time = true;
    if (m.contains("reference") && m["reference"].is_object()) {
      const auto& ref = m["reference"];
      const bool forward = Str(ref, "type") == "Forward";
      e.is_forward = forward;
      const std::string ref_channel = Str(ref, "channelId");
      if (!forward && !Str(ref, "messageId").empty() &&
          (ref_channel.empty() || ref_channel == channel_id)) {
        e.reply_to = Str(ref, "messageId");
      }
    }
    e.text_bytes = static_cast<uint32_t>(Str(m, "content").size());
    for (const auto& u : m.value("mentions", nlohmann::json::array())) {
      e.mentions.push_back(ExpectedPerson(u));
    }
    for (const auto& reaction : m.value("reactions", nlohmann::json::array())) {
      e.reaction_count += reaction.value("count", 0u);
      for (const auto& u : reaction.value("users", nlohmann::json::array())) {
        e.reactors.push_back(ExpectedPerson(u));
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

ChannelKind ExpectedKind(const std::string& type) {
  if (type == "GuildTextChat")
    return ChannelKind::kChat;
  if (type == "DirectGroupTextChat")
    return ChannelKind::kGroupDirect;
  return ChannelKind::kUnknown;
}

std::vector<std::filesystem::path> DiscordFiles() {
  std::vector<std::filesystem::path> out;
  for (const auto& path : CorpusFiles(".json")) {
    if (path.parent_path().filename() == "discord")
      out.push_back(path);
  }
  return out;
}

TEST_CASE("DCE: fields read from a chunk outlive the chunk's buffer, at every split") {
  // Strings without escapes are kept as views into the chunk until the message ends; a message
  // that ends in a later chunk must not see the earlier chunk's buffer overwritten.
  const std::string staff_roles = R"(, "roles": [{"id": "9", "name": "Moderator"}])";
  const std::string doc =
      Dce(Msg("11", "Reply", Author("21", "ann", false, "1234", staff_roles),
              R"(, "reference": {"messageId": "10", "channelId": "200", "guildId": "100"},
                 "reactions": [{"count": 1, "users": [)" +
                  Author("22", "bob") + R"(]}], "mentions": [)" + Author("23", "cat") + "]") +
          "," + Msg("12", "Default", Author("24", "dan", false, "1234", staff_roles)));
  const ReadResult whole = Read(doc);
  REQUIRE(whole.status.ok());
  REQUIRE(whole.sink.messages.size() == 2);
  CHECK(whole.sink.messages[0].reply_to == "10");
  CHECK(whole.sink.messages[0].author.is_host_hint);
  CHECK(whole.sink.messages[1].author.is_host_hint);  // The role name, remembered, still counts.
  for (size_t split = 1; split < doc.size(); ++split) {
    INFO("split at " << split);
    RecordingSink sink;
    base::Diagnostics diagnostics;
    ingest::ReaderContext context;
    context.sink = &sink;
    context.diagnostics = &diagnostics;
    const Options options;
    context.options = &options;
    auto reader = ingest::MakeReader(Format::kDiscordJson, context);
    REQUIRE(reader != nullptr);
    std::string buffer;  // One buffer for both chunks, as the CLI reuses its read buffer.
    buffer.reserve(doc.size());
    buffer.assign(doc, 0, split);
    REQUIRE(reader->Push(buffer).ok());
    std::fill(buffer.begin(), buffer.end(), '#');
    buffer.assign(doc, split);
    REQUIRE(reader->Push(buffer).ok());
    REQUIRE(reader->End().ok());
    CHECK(sink.messages == whole.sink.messages);
  }
}

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("DCE: every corpus export reads the same in every chunking, as FORMATS.md says") {
  const auto files = DiscordFiles();
  REQUIRE(files.size() >= 3);
  for (const auto& path : files) {
    INFO(path.string());
    const std::string data = ReadFile(path);
    const ReadResult r = ReadAll(data);
    REQUIRE(r.status.ok());
    const nlohmann::json doc = nlohmann::json::parse(data);
    REQUIRE(r.sink.channels.size() == 1);
    const RecordedChannel& c = r.sink.channels[0];
    CHECK(c.key == doc["channel"]["id"]);
    CHECK(c.name == doc["channel"]["name"]);
    CHECK(c.group_key == doc["guild"]["id"]);
    CHECK(c.group_name == doc["guild"]["name"]);
    CHECK(c.kind == ExpectedKind(doc["channel"]["type"]));
    const auto expected = ExpectedMessages(doc);
    REQUIRE(r.sink.messages.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      INFO("message " << i);
      CHECK(r.sink.messages[i] == expected[i]);
    }
    CHECK(r.diagnostics.entries().empty());
  }
}

TEST_CASE("DCE: corpus facts from SOURCES.md") {
  const auto dir = CorpusDir() / "discord";
  // dcef example: 35 messages, 4 authors, replies typed Default, joins and a thread start.
  const ReadResult dcef = ReadAll(ReadFile(dir / "dcef-example-guild-general.json"));
  REQUIRE(dcef.status.ok());
  CHECK(dcef.sink.messages.size() == 35);
  std::vector<std::string> authors;
  int replies = 0, joins = 0, threads = 0;
  for (const auto& m : dcef.sink.messages) {
    if (std::find(authors.begin(), authors.end(), m.author.key) == authors.end()) {
      authors.push_back(m.author.key);
    }
    replies += !m.reply_to.empty();
    joins += m.action == SystemAction::kJoin;
    threads += m.kind == MessageKind::kSystem && m.action == SystemAction::kOther;
  }
  CHECK(authors.size() == 4);
  CHECK(replies == 2);
  CHECK(joins == 3);
  CHECK(threads == 1);
  // Group DM: DirectGroupTextChat with renames, an icon change and a call.
  const ReadResult gc = ReadAll(ReadFile(dir / "chat-analytics-GC_3A_5M.json"));
  REQUIRE(gc.status.ok());
  CHECK(gc.sink.channels[0].kind == ChannelKind::kGroupDirect);
  CHECK(gc.sink.channels[0].group_key == "0");
}

TEST_CASE("DCE: deleted users stay apart and duplicate ids count once in the Dataset") {
  base::Diagnostics diagnostics;
  model::Dataset data(&diagnostics);
  data.BeginInput(0);
  const std::string sv = ReadFile(CorpusDir() / "discord" / "chat-analytics-SV_5A_5M.json");
  REQUIRE(Feed(Format::kDiscordJson, sv, 7, &data, &diagnostics).ok());
  data.Finalize();
  CHECK(data.messages().size() == 4);  // 5 in the file, one a repeated id.
  CHECK(data.duplicates() == 1);
  // Crafted: two messages by two deleted accounts sharing Discord's placeholder id.
  const std::string deleted = Author("456226577798135808", "Deleted User", false, "0000");
  const ReadResult r =
      ReadAll(Dce(Msg("1", "Default", deleted) + "," + Msg("2", "Default", deleted)));
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 2);
  CHECK(r.sink.messages[0].author.is_deleted);
  CHECK(r.sink.messages[1].author.is_deleted);
  base::Diagnostics d2;
  model::Dataset two(&d2);
  two.BeginInput(0);
  REQUIRE(Feed(Format::kDiscordJson,
               Dce(Msg("1", "Default", deleted) + "," + Msg("2", "Default", deleted)), 0, &two, &d2)
              .ok());
  two.Finalize();
  REQUIRE(two.members().size() == 2);
  CHECK(two.members()[0].is_deleted);
  CHECK(two.members()[1].is_deleted);
  // A bot called "Deleted User" is a bot, not a deleted account.
  const ReadResult bot = Read(Dce(Msg("1", "Default", Author("9", "Deleted User", true, "0000"))));
  CHECK_FALSE(Only(bot).author.is_deleted);
}

TEST_CASE("DCE: replies come from reference, never from the message type") {
  const std::string ref_default =
      R"(, "reference": {"type": "Default", "messageId": "1", "channelId": "200", "guildId": "100"})";
  const ReadResult r =
      ReadAll(Dce(Msg("1") + "," + Msg("2", "Default", Author("2", "bob"), ref_default)));
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 2);
  CHECK(r.sink.messages[1].reply_to == "1");
  CHECK_FALSE(r.sink.messages[1].is_forward);
  CHECK(r.sink.messages[1].kind == MessageKind::kMessage);
  // Older exports: a reference without a type is a reply too.
  const ReadResult untyped =
      ReadAll(Dce(Msg("5", "Reply", Author("2", "bob"), R"(, "reference": {"messageId": "4"})")));
  CHECK(Only(untyped).reply_to == "4");
  // "Reply" without a reference is not a reply.
  const ReadResult typed = ReadAll(Dce(Msg("2", "Reply")));
  CHECK(Only(typed).reply_to.empty());
  CHECK(Only(typed).kind == MessageKind::kMessage);
}

TEST_CASE("DCE: forwards, crossposts and thread starts are not replies") {
  const ReadResult forward = ReadAll(Dce(Msg(
      "2", "Default", Author("2", "bob"),
      R"(, "reference": {"type": "Forward", "messageId": "1", "channelId": "200", "guildId": "100"})")));
  CHECK(Only(forward).is_forward);
  CHECK(Only(forward).reply_to.empty());
  CHECK(Only(forward).kind == MessageKind::kMessage);
  // A crosspost from a followed announcement channel of another server.
  const ReadResult crosspost = ReadAll(Dce(Msg(
      "2", "Default", Author("7", "Other Server #news", true, "0000"),
      R"(, "reference": {"type": "Default", "messageId": "55", "channelId": "66", "guildId": "77"})")));
  CHECK(Only(crosspost).reply_to.empty());
  CHECK(Only(crosspost).is_forward);
  CHECK(Only(crosspost).author.is_bot);
  // A reference to another channel of the same server is not a reply, nor a forward.
  const ReadResult elsewhere = ReadAll(Dce(Msg(
      "2", "Default", Author("2", "bob"),
      R"(, "reference": {"type": "Default", "messageId": "55", "channelId": "66", "guildId": "100"})")));
  CHECK(Only(elsewhere).reply_to.empty());
  CHECK_FALSE(Only(elsewhere).is_forward);
  const ReadResult thread = ReadAll(Dce(Msg(
      "9", "ThreadCreated", Author("1", "ann"),
      R"(, "reference": {"type": "Default", "messageId": null, "channelId": "9", "guildId": "100"})")));
  CHECK(Only(thread).kind == MessageKind::kSystem);
  CHECK(Only(thread).action == SystemAction::kOther);
  CHECK(Only(thread).reply_to.empty());
}

TEST_CASE("DCE: system kinds") {
  struct Case {
    const char* type;
    MessageKind kind;
    SystemAction action;
  };
  const Case cases[] = {
      {"GuildMemberJoin", MessageKind::kSystem, SystemAction::kJoin},
      {"RecipientAdd", MessageKind::kSystem, SystemAction::kJoin},
      {"RecipientRemove", MessageKind::kSystem, SystemAction::kLeave},
      {"Call", MessageKind::kSystem, SystemAction::kOther},
      {"ChannelNameChange", MessageKind::kSystem, SystemAction::kOther},
      {"ChannelIconChange", MessageKind::kSystem, SystemAction::kOther},
      {"ChannelPinnedMessage", MessageKind::kSystem, SystemAction::kOther},
      {"Default", MessageKind::kMessage, SystemAction::kNone},
      {"Reply", MessageKind::kMessage, SystemAction::kNone},
      {"20", MessageKind::kMessage, SystemAction::kNone},  // An unnamed kind (slash command).
  };
  for (const Case& c : cases) {
    INFO(c.type);
    const ReadResult r = ReadAll(Dce(Msg("1", c.type)));
    CHECK(Only(r).kind == c.kind);
    CHECK(Only(r).action == c.action);
  }
}

TEST_CASE("DCE: bots, webhooks and staff roles") {
  const ReadResult bot = ReadAll(Dce(Msg("1", "Default", Author("5", "GitHub", true, "0000"))));
  CHECK(Only(bot).author.is_bot);
  CHECK(Only(bot).author.key == "5");
  const ReadResult human = ReadAll(Dce(Msg("1", "Default", Author("6", "ann"))));
  CHECK_FALSE(Only(human).author.is_bot);
  const std::string roles_staff =
      R"(, "roles": [{"id": "1", "name": "Members", "color": null, "position": 1},
                     {"id": "2", "name": "Server Moderator", "color": "#fff", "position": 5}])";
  const ReadResult staff =
      ReadAll(Dce(Msg("1", "Default", Author("6", "ann", false, "1234", roles_staff))));
  CHECK(Only(staff).author.is_host_hint);
  const std::string roles_plain = R"(, "roles": [{"id": "1", "name": "Moderately active"}])";
  const ReadResult plain =
      ReadAll(Dce(Msg("1", "Default", Author("6", "ann", false, "1234", roles_plain))));
  CHECK_FALSE(Only(plain).author.is_host_hint);
  // The nickname, when set, is the display name.
  const ReadResult nick = ReadAll(Dce(Msg(
      "1", "Default",
      R"({"id": "6", "name": "ann_1990", "discriminator": "0", "nickname": "Ann", "isBot": false})")));
  CHECK(Only(nick).author.name == "Ann");
}

TEST_CASE("DCE: reactions with and without users, and mentions") {
  const std::string with_users = R"(, "reactions": [
      {"emoji": {"id": null, "name": "👍", "code": "thumbsup"}, "count": 2,
       "users": [)" + Author("2", "bob") +
                                 "," + Author("3", "cat", true) + R"(]},
      {"emoji": {"id": "5", "name": "party"}, "count": 4}],
    "mentions": [)" + Author("4", "dan") +
                                 "," + Author("2", "bob") + "]";
  const ReadResult r = ReadAll(Dce(Msg("1", "Default", Author("1", "ann"), with_users)));
  const RecordedMessage& m = Only(r);
  CHECK(m.reaction_count == 6);
  REQUIRE(m.reactors.size() == 2);
  CHECK(m.reactors[0].key == "2");
  CHECK(m.reactors[1].key == "3");
  CHECK(m.reactors[1].is_bot);
  REQUIRE(m.mentions.size() == 2);
  CHECK(m.mentions[0].key == "4");
  CHECK(m.mentions[0].name == "dan");
  CHECK(m.mentions[1].key == "2");
  const ReadResult count_only =
      ReadAll(Dce(Msg("1", "Default", Author("1", "ann"),
                      R"(, "reactions": [{"emoji": {"name": "x"}, "count": 3}])")));
  CHECK(Only(count_only).reaction_count == 3);
  CHECK(Only(count_only).reactors.empty());
  // Absurd counts saturate instead of wrapping or overflowing a cast.
  const ReadResult huge = ReadAll(Dce(Msg("1", "Default", Author("1", "ann"),
                                          R"(, "reactions": [{"count": 4294967295},
                                                             {"count": 5}, {"count": 1e300}])")));
  CHECK(Only(huge).reaction_count == UINT32_MAX);
}

TEST_CASE("DCE: values out of place are ignored, whatever field came before them") {
  // Values with no key in arrays right after an element, whose last field would mean something
  // in the element, and containers where a field holds text or a container holds a field.
  const std::string odd_author = Author(
      "1", "ann", false, "1234", R"(, "roles": [{"id": "9", "name": "Member"}, "Moderator"])");
  const std::string odd_fields = R"(, "reactions": [{"count": 1}, 5, "x", true],
      "mentions": [{"id": "4", "name": "dan", "isBot": false}, true, "5"])";
  const std::string doc = Dce(Msg("1", "Default", odd_author, odd_fields) +
                              R"(, "stray", 7, true, null, ["x", {"id": "9"}], )" +
                              Msg("2", "Default", Author("2", "bob"),
                                  R"(, "reference": "10", "reactions": {"count": 3},
                                     "mentions": {"id": "5"}, "roles": [{"name": "Admin"}])"));
  const ReadResult r = ReadAll(doc);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 2);
  const RecordedMessage& first = r.sink.messages[0];
  CHECK(first.id == "1");
  CHECK_FALSE(first.author.is_host_hint);  // "Moderator" names no role: it is not in one.
  CHECK(first.reaction_count == 1);
  REQUIRE(first.mentions.size() == 1);
  CHECK(first.mentions[0].key == "4");
  CHECK_FALSE(first.mentions[0].is_bot);
  const RecordedMessage& second = r.sink.messages[1];
  CHECK(second.id == "2");
  CHECK(second.author.key == "2");
  CHECK_FALSE(second.author.is_host_hint);  // Roles belong to the author, not the message.
  CHECK(second.reply_to.empty());
  CHECK(second.reaction_count == 0);
  CHECK(second.mentions.empty());
  CHECK(r.diagnostics.entries().empty());
}

TEST_CASE("DCE: channel kinds, threads hang off their parent") {
  const ReadResult thread = ReadAll(Dce(Msg("1"), "GuildPublicThread"));
  REQUIRE(thread.status.ok());
  REQUIRE(thread.sink.channels.size() == 1);
  CHECK(thread.sink.channels[0].kind == ChannelKind::kThread);
  CHECK(thread.sink.channels[0].parent_key == "300");  // DCE's categoryId of a thread.
  const ReadResult news = ReadAll(Dce(Msg("1"), "GuildNews"));
  CHECK(news.sink.channels[0].kind == ChannelKind::kAnnouncement);
  CHECK(news.sink.channels[0].parent_key.empty());  // A category is not a parent channel.
  const ReadResult text = ReadAll(Dce(Msg("1"), "GuildTextChat"));
  CHECK(text.sink.channels[0].kind == ChannelKind::kChat);
  CHECK(text.sink.channels[0].key == "200");
  CHECK(text.sink.channels[0].name == "chan");
  CHECK(text.sink.channels[0].group_key == "100");
  CHECK(text.sink.channels[0].group_name == "Guild");
  CHECK(ReadAll(Dce(Msg("1"), "GuildPrivateThread")).sink.channels[0].kind == ChannelKind::kThread);
  CHECK(ReadAll(Dce(Msg("1"), "GuildForum")).sink.channels[0].kind == ChannelKind::kForum);
  CHECK(ReadAll(Dce(Msg("1"), "DirectTextChat")).sink.channels[0].kind == ChannelKind::kDirect);
  CHECK(ReadAll(Dce(Msg("1"), "GuildVoiceChat")).sink.channels[0].kind == ChannelKind::kVoice);
}

TEST_CASE("DCE: timestamps with offsets and variable fractions resolve to UTC") {
  // 2023-01-06T14:03:03Z is 1673013783 s since the epoch (date -u -d ... +%s).
  struct Case {
    const char* timestamp;
    int64_t ms;
  };
  const Case cases[] = {
      {"\"2023-01-06T16:03:03.853+02:00\"", 1673013783853},
      {"\"2023-01-06T09:03:03.853-05:00\"", 1673013783853},
      {"\"2023-01-06T14:03:03.2+00:00\"", 1673013783200},
      {"\"2023-01-06T14:03:03.02+00:00\"", 1673013783020},
      {"\"2023-01-06T14:03:03.0000000+00:00\"", 1673013783000},
      {"\"2023-01-06T14:03:03Z\"", 1673013783000},
  };
  for (const Case& c : cases) {
    INFO(c.timestamp);
    const ReadResult r = ReadAll(Dce(Msg("1", "Default", Author("1", "ann"), "", c.timestamp)));
    CHECK(Only(r).has_time);
    CHECK(Only(r).time_ms == c.ms);
    CHECK(r.diagnostics.entries().empty());
  }
}

TEST_CASE("DCE: a missing or unreadable timestamp falls back to the snowflake") {
  // Discord's API reference: snowflake 175928847299117063 was created at
  // 2016-04-30T11:18:25.796Z = 1462015105796 ms.
  for (const char* timestamp : {"null", "\"yesterday\"", "\"\""}) {
    INFO(timestamp);
    const ReadResult r =
        ReadAll(Dce(Msg("175928847299117063", "Default", Author("1", "ann"), "", timestamp)));
    CHECK(Only(r).has_time);
    CHECK(Only(r).time_ms == 1462015105796);
    CHECK(r.diagnostics.Count("ingest.discord.bad_timestamp") == 1);
  }
  const std::string no_field =
      R"({"id": "175928847299117063", "type": "Default", "author": {"id": "1", "name": "a"}})";
  const ReadResult r = ReadAll(Dce(no_field + "," + no_field));
  REQUIRE(r.sink.messages.size() == 2);
  CHECK(r.sink.messages[1].time_ms == 1462015105796);
  CHECK(r.diagnostics.Count("ingest.discord.bad_timestamp") == 2);
  // Located at the first bad message (the same in every chunking).
  const auto& first = r.diagnostics.entries().at("ingest.discord.bad_timestamp").first;
  CHECK(first.byte == Dce(no_field + "," + no_field).find(no_field));
  CHECK(first.line == 5);
  // No usable id either: the message has no time.
  const ReadResult none = ReadAll(Dce(Msg("abc", "Default", Author("1", "ann"), "", "null")));
  CHECK_FALSE(Only(none).has_time);
}

TEST_CASE("DCE: JSON that is not a DCE export is kUnsupportedFormat") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[1, 2]", "array"},
      {R"({"guild": {"id": "1"}, "channel": {"id": "2"}})", "\"messages\""},
      {R"({"name": "chat", "type": "personal_chat", "messages": [{"id": 1}]})", "\"channel\""},
      {R"({"messages": {"a": 1}})", "\"messages\""},
      {"\"just a string\"", "\"messages\""},
  };
  for (const auto& [doc, mention] : cases) {
    INFO(doc);
    const ReadResult r = ReadAll(doc);
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status.id() == "ingest.discord.not_dce");
    CHECK(r.status.message().find(mention) != std::string::npos);
    CHECK(r.status.message().find("DiscordChatExporter") != std::string::npos);
    CHECK(r.sink.messages.empty());
  }
  // Every other JSON of the corpus (Telegram, Messenger, Discourse) is refused the same way.
  for (const auto& path : CorpusFiles(".json")) {
    if (path.parent_path().filename() == "discord")
      continue;
    INFO(path.string());
    const ReadResult r = ReadAll(ReadFile(path));
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.sink.messages.empty());
  }
}

TEST_CASE("DCE: a file cut mid-message keeps the messages before the cut") {
  const std::string data = ReadFile(CorpusDir() / "discord" / "dcef-example-guild-general.json");
  const nlohmann::json doc = nlohmann::json::parse(data);
  const auto expected = ExpectedMessages(doc);
  // Cut inside the 11th message ("id" of the 11th message is found; cut 40 bytes later).
  const std::string eleventh = doc["messages"][10]["id"];
  const size_t cut = data.find(eleventh) + 40;
  const ReadResult r = ReadAll(data.substr(0, cut));
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 10);
  for (size_t i = 0; i < 10; ++i)
    CHECK(r.sink.messages[i] == expected[i]);
  CHECK(r.diagnostics.Count("ingest.discord.truncated") == 1);
  const auto& where = r.diagnostics.entries().at("ingest.discord.truncated").first;
  CHECK(where.byte == cut);
  // Cut before any message is complete: an error, not an empty success.
  const ReadResult early = ReadAll(data.substr(0, data.find(doc["messages"][0]["id"])));
  CHECK(early.status.code() == StatusCode::kParseError);
  CHECK(early.status.id() == "ingest.json.truncated");
}

TEST_CASE("DCE: a syntax error is kParseError at its byte and line") {
  std::string data = ReadFile(CorpusDir() / "discord" / "dcef-example-guild-general.json");
  const size_t at = data.find("\"isPinned\": false", data.size() / 2) + 10;  // The ':'.
  REQUIRE(data[at] == ':');
  data[at] = ';';
  const ReadResult r = ReadAll(data);
  CHECK(r.status.code() == StatusCode::kParseError);
  CHECK(r.status.id() == "ingest.json.syntax");
  CHECK(r.status.location().byte == at);
  CHECK(r.status.location().line ==
        1 + static_cast<uint64_t>(std::count(data.begin(), data.begin() + at, '\n')));
  CHECK(r.status.message().find("';'") != std::string::npos);
  CHECK_FALSE(r.sink.messages.empty());  // Read up to the damage, then stopped.
}

TEST_CASE("DCE: a cut at any byte of a message with skipped fields keeps the ones before") {
  // The reader skips avatarUrl, emoji, attachments and the like unread: a cut inside them is
  // still a cut, located at the end of the input.
  const std::string data = ReadFile(CorpusDir() / "discord" / "dcef-example-guild-general.json");
  const nlohmann::json doc = nlohmann::json::parse(data);
  const auto expected = ExpectedMessages(doc);
  const size_t begin = data.find(std::string(doc["messages"][3]["id"]));
  // The '}' that ends message 3: the last one before message 4's id.
  const size_t end = data.rfind('}', data.find(std::string(doc["messages"][4]["id"])));
  REQUIRE(data.find("\"avatarUrl\"", begin) < end);
  for (size_t cut = begin; cut <= end; ++cut) {
    INFO("cut at " << cut);
    const ReadResult r = Read(data.substr(0, cut));
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.messages.size() == 3);
    CHECK(r.sink.messages[2] == expected[2]);
    CHECK(r.diagnostics.entries().at("ingest.discord.truncated").first.byte == cut);
  }
}

TEST_CASE("DCE: a syntax error inside a skipped field is kParseError at its byte and line") {
  const std::string data = ReadFile(CorpusDir() / "discord" / "dcef-example-guild-general.json");
  struct Damage {
    const char* after;   // Inserted right after this text, found in the second half.
    const char* insert;  // Inside a skipped array, and inside a skipped string.
    const char* message;
  };
  for (const Damage& d :
       {Damage{"\"attachments\": [", "}", "unexpected '}', expected a value or ']'"},
        Damage{"\"avatarUrl\": \"", "\x01", "control character in a string"}}) {
    std::string bad = data;
    const size_t at = bad.find(d.after, bad.size() / 2) + std::strlen(d.after);
    bad.insert(at, d.insert);
    INFO(d.after);
    const ReadResult r = ReadAll(bad);
    CHECK(r.status.id() == "ingest.json.syntax");
    CHECK(r.status.location().byte == at);
    CHECK(r.status.location().line ==
          1 + static_cast<uint64_t>(std::count(bad.begin(), bad.begin() + at, '\n')));
    CHECK(r.status.message().find(d.message) != std::string::npos);
  }
}

TEST_CASE("DCE: one channel split in two partition files is one channel in the Dataset") {
  const std::string part1 = Dce(Msg("1") + "," + Msg("2", "Default", Author("2", "bob")) + "," +
                                Msg("3", "Default", Author("3", "cat")));
  const std::string part2 = Dce(Msg("3", "Default", Author("3", "cat")) + "," +
                                Msg("4", "Default", Author("2", "bob"),
                                    R"(, "reference": {"messageId": "1", "channelId": "200"})"));
  for (size_t chunk : kChunkSizes) {
    INFO("chunks of " << chunk);
    base::Diagnostics diagnostics;
    model::Dataset data(&diagnostics);
    data.BeginInput(0);
    REQUIRE(Feed(Format::kDiscordJson, part1, chunk, &data, &diagnostics).ok());
    data.BeginInput(1);
    REQUIRE(Feed(Format::kDiscordJson, part2, chunk, &data, &diagnostics).ok());
    data.Finalize();
    CHECK(data.channels().size() == 1);
    CHECK(data.messages().size() == 4);
    CHECK(data.duplicates() == 1);
    CHECK(data.members().size() == 3);
    CHECK(data.channels()[0].messages == 4);
    // The reply in part 2 found its target from part 1.
    int linked = 0;
    for (size_t i = 0; i < data.messages().size(); ++i)
      linked += data.parent(i) != model::kNone;
    CHECK(linked == 1);
  }
}
