// Telegram Desktop result.json reader (FORMATS.md section 3): every corpus export in every
// chunking, checked against an independent reading of the same file through nlohmann::json, and
// crafted snippets for each rule of telegram_json.h.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/time.h"
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

ReadResult ReadAll(std::string_view data) {
  return ReadAllAs(Format::kTelegramJson, data, "result.json");
}

// A single-chat export of `type` and `id` around `messages` (JSON objects joined by commas).
std::string Chat(const std::string& messages,
                 const std::string& type = "private_supergroup",
                 const std::string& id = "42",
                 const std::string& name = "\"Group\"") {
  return R"({"name": )" + name + R"(, "type": ")" + type + R"(", "id": )" + id +
         R"(, "messages": [)" + messages + "]}";
}

// A message by user `from`, with `extra` fields (each starting with a comma).
std::string Msg(int id, const std::string& from = "1", const std::string& extra = "") {
  return R"({"id": )" + std::to_string(id) +
         R"(, "type": "message", "date": "2024-05-01T10:00:00", "date_unixtime": "1714557600",
    "from": "User )" +
         from + R"(", "from_id": "user)" + from + R"(", "text": "hello")" + extra + "}";
}

std::string Service(int id, const std::string& action, const std::string& extra = "") {
  return R"({"id": )" + std::to_string(id) +
         R"(, "type": "service", "date_unixtime": "1714557600", "actor": "User 1",
    "actor_id": "user1", "action": ")" +
         action + R"(", "text": "")" + extra + "}";
}

const RecordedMessage& Only(const ReadResult& r) {
  INFO(r.status.ToString());
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 1);
  return r.sink.messages[0];
}

// ---- The independent oracle: FORMATS.md section 3 and the rules of telegram_json.h applied to
// nlohmann's DOM of the file.

std::string Str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// A peer id as the reader keys it: "user1" strings as they are, bare integers as user ids.
std::string PeerKey(const json& j, const char* key) {
  if (!j.contains(key))
    return {};
  if (j[key].is_number_integer())
    return "user" + std::to_string(j[key].get<int64_t>());
  return Str(j, key);
}

struct ExpectedChat {
  RecordedChannel channel;
  std::vector<RecordedMessage> messages;
  uint64_t naive = 0, unsupported = 0, no_actor = 0;
};

std::vector<const json*> ChatsOf(const json& doc) {
  std::vector<const json*> out;
  if (!doc.contains("chats") && !doc.contains("left_chats")) {
    out.push_back(&doc);
    return out;
  }
  for (const char* list : {"chats", "left_chats"}) {
    if (doc.contains(list)) {
      for (const json& chat : (*doc.find(list))["list"])
        out.push_back(&chat);
    }
  }
  return out;
}

ExpectedChat Expect(const json& chat, size_t index) {
  ExpectedChat e;
  const std::string type = Str(chat, "type");
  const std::string id = chat.contains("id") ? std::to_string(chat["id"].get<int64_t>()) : "";
  const std::string name = Str(chat, "name");
  std::string peer;
  if (type == "personal_chat" || type == "bot_chat" || type == "saved_messages")
    peer = "user" + id;
  if (type == "private_group")
    peer = "chat" + id;
  if (type.find("supergroup") != std::string::npos || type.find("channel") != std::string::npos)
    peer = "channel" + id;
  const bool direct = peer.rfind("user", 0) == 0;
  const bool broadcast = type == "private_channel" || type == "public_channel";
  e.channel.key = !peer.empty()   ? "telegram:" + peer
                  : !id.empty()   ? "telegram:" + id
                  : !name.empty() ? "telegram:name:" + name
                                  : "result.json#" + std::to_string(index);
  e.channel.name = name;
  e.channel.group_key = e.channel.key;
  e.channel.group_name = name;
  e.channel.kind = broadcast      ? ChannelKind::kAnnouncement
                   : direct       ? ChannelKind::kDirect
                   : type.empty() ? ChannelKind::kUnknown
                                  : ChannelKind::kChat;
  auto person = [&](const std::string& key, const std::string& person_name) {
    RecordedPerson p;
    p.key = key;
    p.name = person_name;
    p.is_deleted = key.empty() && person_name.empty();
    p.is_host_hint = broadcast || (!direct && !key.empty() && key == peer);
    return p;
  };
  std::set<std::string> topics;
  for (const json& m : chat["messages"]) {
    const std::string kind = Str(m, "type");
    if (kind == "unsupported") {
      ++e.unsupported;
      continue;
    }
    const bool service = kind == "service";
    if (service && !m.contains("actor") && !m.contains("actor_id")) {
      ++e.no_actor;
      continue;
    }
    RecordedMessage r;
    r.id = m.contains("id") ? std::to_string(m["id"].get<int64_t>()) : "";
    r.author = service ? person(PeerKey(m, "actor_id"), Str(m, "actor"))
                       : person(PeerKey(m, "from_id"), Str(m, "from"));
    if (service) {
      const std::string action = Str(m, "action");
      r.kind = MessageKind::kSystem;
      r.action = action == "invite_members" || action == "join_group_by_link" ||
                         action == "join_group_by_request"
                     ? SystemAction::kJoin
                 : action == "remove_members" ? SystemAction::kLeave
                                              : SystemAction::kOther;
      if (action == "topic_created")
        topics.insert(r.id);
    }
    if (m.contains("date_unixtime")) {
      r.time_ms = std::stoll(Str(m, "date_unixtime")) * 1000;
      r.has_time = true;
    } else if (m.contains("date")) {
      const auto t = base::ParseIso8601(Str(m, "date"));
      REQUIRE(t.has_value());
      r.time_ms = t->ms;
      r.has_time = true;
      ++e.naive;
    }
    if (m.contains("reply_to_message_id") &&
        (!m.contains("reply_to_peer_id") || Str(m, "reply_to_peer_id") == peer)) {
      const std::string target = std::to_string(m["reply_to_message_id"].get<int64_t>());
      (topics.count(target) ? r.thread : r.reply_to) = target;
    }
    r.is_forward = m.contains("forwarded_from") || m.contains("saved_from");
    auto text_of = [](const json& text, std::vector<RecordedPerson>* mentions) {
      if (text.is_string())
        return static_cast<uint32_t>(text.get<std::string>().size());
      uint32_t bytes = 0;
      for (const json& part : text) {
        if (part.is_string()) {
          bytes += static_cast<uint32_t>(part.get<std::string>().size());
          continue;
        }
        const std::string t = Str(part, "text");
        bytes += static_cast<uint32_t>(t.size());
        if (Str(part, "type") == "mention")
          mentions->push_back(Named("", t));
        if (Str(part, "type") == "mention_name")
          mentions->push_back(Named("user" + std::to_string(part["user_id"].get<int64_t>()), t));
      }
      return bytes;
    };
    std::vector<RecordedPerson> text_mentions, entity_mentions;
    const bool has_text = m.contains("text") && !m["text"].is_null();
    if (has_text)
      r.text_bytes = text_of(m["text"], &text_mentions);
    if (m.contains("text_entities")) {
      const uint32_t bytes = text_of(m["text_entities"], &entity_mentions);
      if (!has_text)
        r.text_bytes = bytes;
    }
    r.mentions = m.contains("text_entities") ? entity_mentions : text_mentions;
    for (const json& reaction : m.value("reactions", json::array())) {
      r.reaction_count += reaction.value("count", 0u);
      for (const json& who : reaction.value("recent", json::array()))
        r.reactors.push_back(person(PeerKey(who, "from_id"), Str(who, "from")));
    }
    e.messages.push_back(std::move(r));
  }
  return e;
}

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("Telegram: every corpus export reads the same in every chunking, as the rules say") {
  const auto files = CorpusFiles(".json");
  int seen = 0;
  for (const auto& path : files) {
    if (path.parent_path().filename() != "telegram")
      continue;
    ++seen;
    INFO(path.string());
    const std::string data = ReadFile(path);
    const ReadResult r = ReadAll(data);
    REQUIRE(r.status.ok());
    const json doc = json::parse(data);
    const auto chats = ChatsOf(doc);
    REQUIRE(r.sink.channels.size() == chats.size());
    std::vector<RecordedMessage> expected;
    uint64_t naive = 0, unsupported = 0, no_actor = 0;
    for (size_t i = 0; i < chats.size(); ++i) {
      ExpectedChat e = Expect(*chats[i], i + 1);
      CHECK(r.sink.channels[i] == e.channel);
      for (RecordedMessage& m : e.messages) {
        m.channel = static_cast<uint32_t>(i);
        expected.push_back(std::move(m));
      }
      naive += e.naive;
      unsupported += e.unsupported;
      no_actor += e.no_actor;
    }
    REQUIRE(r.sink.messages.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      INFO("message " << i);
      CHECK(r.sink.messages[i] == expected[i]);
    }
    CHECK(r.diagnostics.Count("ingest.telegram.naive_date") == naive);
    CHECK(r.diagnostics.Count("ingest.telegram.unsupported") == unsupported);
    CHECK(r.diagnostics.Count("ingest.telegram.no_actor") == no_actor);
    CHECK(r.diagnostics.Count("ingest.telegram.bad_date") == 0);
    CHECK(r.diagnostics.Count("ingest.invalid_utf8") == 0);
  }
  CHECK(seen == 7);
}

TEST_CASE("Telegram: corpus facts counted by hand from the files") {
  const auto dir = CorpusDir() / "telegram";
  // 2020 full export: 4 chats (personal_information, contacts... skipped), bare integer ids.
  const ReadResult full =
      ReadAll(ReadFile(dir / "frozenspider-full-export-2020-01-int-from_id.json"));
  REQUIRE(full.status.ok());
  REQUIRE(full.sink.channels.size() == 4);
  CHECK(full.sink.channels[0].key == "telegram:chat8123123123");
  CHECK(full.sink.channels[0].name == "ppppppp gggggg");
  CHECK(full.sink.channels[0].kind == ChannelKind::kChat);
  CHECK(full.sink.channels[2].name.empty());  // A personal chat with a deleted account.
  CHECK(full.sink.channels[2].kind == ChannelKind::kDirect);
  CHECK(full.sink.messages.size() == 31 + 12 + 5 + 2);
  int group_messages = 0, group_system = 0, replies = 0, forwards = 0;
  std::set<std::string> authors;
  for (const auto& m : full.sink.messages) {
    if (m.channel != 0)
      continue;
    ++group_messages;
    group_system += m.kind == MessageKind::kSystem;
    replies += !m.reply_to.empty();
    forwards += m.is_forward;
    if (m.kind == MessageKind::kMessage)
      authors.insert(m.author.key);
  }
  CHECK(group_messages == 31);
  CHECK(group_system == 5);  // create_group, edit_group_photo, remove_members, pin, invite.
  CHECK(replies == 1);
  CHECK(forwards == 10);
  CHECK(authors.size() == 7);
  CHECK(authors.count("user22222222") == 1);  // "from_id": 22222222 in the file.
  // Every message of 2020 has only a naive date.
  CHECK(full.diagnostics.Count("ingest.telegram.naive_date") == 50);
  const auto reply = std::find_if(full.sink.messages.begin(), full.sink.messages.end(),
                                  [](const RecordedMessage& m) { return m.id == "39740"; });
  REQUIRE(reply != full.sink.messages.end());
  CHECK(reply->reply_to == "39739");
  // Migrated supergroup: negative ids are kept as written.
  const ReadResult migrated =
      ReadAll(ReadFile(dir / "frozenspider-supergroup-2021-06-migrated-negative-ids.json"));
  REQUIRE(migrated.sink.messages.size() == 4);
  CHECK(migrated.sink.messages[0].id == "-999681092");
  CHECK(migrated.sink.messages[0].action == SystemAction::kJoin);
  CHECK(migrated.sink.messages[0].author.key == "user222222222");
  // 2025: a private group and a public channel whose post is the host's.
  const ReadResult both =
      ReadAll(ReadFile(dir / "frozenspider-2025-12-private-group-and-public-channel.json"));
  REQUIRE(both.sink.channels.size() == 2);
  CHECK(both.sink.channels[1].kind == ChannelKind::kAnnouncement);
  CHECK(both.sink.channels[1].key == "telegram:channel123456789");
  REQUIRE(both.sink.messages.size() == 6);
  CHECK(both.sink.messages[5].author.is_host_hint);
  CHECK_FALSE(both.sink.messages[2].author.is_host_hint);
  // Tkonverter: 87 objects, 1 unsupported stub, 13 actorless service messages.
  const ReadResult all = ReadAll(ReadFile(dir / "tkonverter-examples-result-allfields.json"));
  CHECK(all.sink.messages.size() == 73);
  CHECK(all.diagnostics.Count("ingest.telegram.unsupported") == 1);
  CHECK(all.diagnostics.Count("ingest.telegram.no_actor") == 13);
  const RecordedMessage& first = all.sink.messages[0];
  CHECK(first.reaction_count == 6);  // 2 fire + 1 custom emoji + 3 paid.
  REQUIRE(first.reactors.size() == 1);
  CHECK(first.reactors[0].key == "user10001");
  REQUIRE(first.mentions.size() == 1);  // "@alice", listed only in text_entities.
  CHECK(first.mentions[0].name == "@alice");
  // Message 2 replies to message 1 of another chat (reply_to_peer_id user777000): no link.
  CHECK(all.sink.messages[1].reply_to.empty());
  CHECK(all.sink.messages[1].is_forward);
  // A mixed file: dates only naive for the first three, only unixtime for the rest.
  const ReadResult dm = ReadAll(ReadFile(dir / "chat-analytics-DM_2A_7M.json"));
  CHECK(dm.diagnostics.Count("ingest.telegram.naive_date") == 3);
  CHECK(dm.sink.messages[3].time_ms == 1652135033000);
  // Minimal batch export: no ids, no chat type, names only.
  const ReadResult minimal = ReadAll(ReadFile(dir / "chat-miner-batch-export-minimal.json"));
  REQUIRE(minimal.sink.channels.size() == 1);
  CHECK(minimal.sink.channels[0].key == "telegram:name:Chatname");
  CHECK(minimal.sink.messages[1].author.key.empty());
  CHECK(minimal.sink.messages[1].author.name == "Author 2");
  CHECK(minimal.sink.messages[1].text_bytes == 5 + 21);  // "Link:" + "https://telegram.org/".
}

TEST_CASE("Telegram: a single-chat and a full export of one chat are one channel") {
  const std::string messages = Msg(1) + "," + Msg(2, "2", R"(, "reply_to_message_id": 1)");
  const std::string single = Chat(messages, "private_supergroup", "77");
  const std::string full = R"({"about": "x", "personal_information": {"user_id": 1},
      "contacts": {"about": "", "list": [{"user_id": 5, "first_name": "A"}]},
      "frequent_contacts": {"about": "", "list": [{"id": 9, "type": "user", "name": "B"}]},
      "chats": {"about": "", "list": [)" +
                           single + "]}}";
  for (size_t chunk : kChunkSizes) {
    INFO("chunks of " << chunk);
    base::Diagnostics diagnostics;
    model::Dataset data(&diagnostics);
    data.BeginInput(0);
    REQUIRE(Feed(Format::kTelegramJson, single, chunk, &data, &diagnostics).ok());
    data.BeginInput(1);
    REQUIRE(Feed(Format::kTelegramJson, full, chunk, &data, &diagnostics).ok());
    data.Finalize();
    CHECK(data.channels().size() == 1);
    CHECK(data.messages().size() == 2);
    CHECK(data.duplicates() == 2);
    CHECK(data.members().size() == 2);
  }
  const ReadResult r = ReadAll(full);
  REQUIRE(r.sink.channels.size() == 1);
  CHECK(r.sink.channels[0].key == "telegram:channel77");
  CHECK(r.sink.channels[0].group_key == "telegram:channel77");
  CHECK(r.sink.channels[0].group_name == "Group");
  CHECK(r.sink.members.empty());  // Contacts are not members of any chat.
  // Chats the account left are read too, each a channel of its own.
  const ReadResult left = ReadAll(R"({"about": "x", "chats": {"list": [)" + single +
                                  R"(]}, "left_chats": {"about": "", "list": [)" +
                                  Chat(Msg(5), "public_channel", "88") + "]}}");
  REQUIRE(left.sink.channels.size() == 2);
  CHECK(left.sink.channels[1].key == "telegram:channel88");
  REQUIRE(left.sink.messages.size() == 3);
  CHECK(left.sink.messages[2].channel == 1);
  CHECK(left.sink.messages[2].author.is_host_hint);
}

TEST_CASE("Telegram: chat types map to channel kinds and peers") {
  struct Case {
    const char* type;
    ChannelKind kind;
    const char* key;
  };
  const Case cases[] = {
      {"personal_chat", ChannelKind::kDirect, "telegram:user42"},
      {"bot_chat", ChannelKind::kDirect, "telegram:user42"},
      {"saved_messages", ChannelKind::kDirect, "telegram:user42"},
      {"private_group", ChannelKind::kChat, "telegram:chat42"},
      {"private_supergroup", ChannelKind::kChat, "telegram:channel42"},
      {"public_supergroup", ChannelKind::kChat, "telegram:channel42"},
      {"private_channel", ChannelKind::kAnnouncement, "telegram:channel42"},
      {"public_channel", ChannelKind::kAnnouncement, "telegram:channel42"},
      {"", ChannelKind::kUnknown, "telegram:42"},
  };
  for (const Case& c : cases) {
    INFO(c.type);
    const ReadResult r = ReadAll(Chat(Msg(1), c.type));
    REQUIRE(r.sink.channels.size() == 1);
    CHECK(r.sink.channels[0].kind == c.kind);
    CHECK(r.sink.channels[0].key == c.key);
  }
}

TEST_CASE("Telegram: hosts are a channel's posters and a group's own peer; bots are not guessed") {
  // A channel: the channel posts, and a signed admin too.
  const ReadResult channel =
      ReadAll(Chat(R"({"id": 1, "type": "message", "date_unixtime": "1714557600", "from": "News",
              "from_id": "channel42", "author": "Ann", "text": "post"},)" +
                       Msg(2, "7"),
                   "public_channel"));
  REQUIRE(channel.sink.messages.size() == 2);
  CHECK(channel.sink.messages[0].author.is_host_hint);
  CHECK(channel.sink.messages[0].author.key == "channel42");
  CHECK(channel.sink.messages[1].author.is_host_hint);
  // A supergroup: an anonymous admin posts as the group; members are not hosts.
  const ReadResult group = ReadAll(Chat(
      R"({"id": 1, "type": "message", "date_unixtime": "1714557600", "from": "Group",
          "from_id": "channel42", "text": "rules"},)" +
      Msg(2, "7", R"(, "via_bot": "@gif")")));
  REQUIRE(group.sink.messages.size() == 2);
  CHECK(group.sink.messages[0].author.is_host_hint);
  CHECK_FALSE(group.sink.messages[1].author.is_host_hint);
  CHECK_FALSE(group.sink.messages[1].author.is_bot);  // via_bot: still the sender's message.
  CHECK(group.sink.messages[1].author.key == "user7");
  // A personal chat's peer is the other person, not a host.
  const ReadResult dm = ReadAll(Chat(Msg(1, "42"), "personal_chat"));
  CHECK_FALSE(Only(dm).author.is_host_hint);
}

TEST_CASE("Telegram: service messages are system events of their actor") {
  struct Case {
    const char* action;
    SystemAction expected;
  };
  const Case cases[] = {
      {"invite_members", SystemAction::kJoin},        {"join_group_by_link", SystemAction::kJoin},
      {"join_group_by_request", SystemAction::kJoin}, {"remove_members", SystemAction::kLeave},
      {"pin_message", SystemAction::kOther},          {"create_group", SystemAction::kOther},
      {"migrate_from_group", SystemAction::kOther},   {"topic_created", SystemAction::kOther},
  };
  for (const Case& c : cases) {
    INFO(c.action);
    const ReadResult r = ReadAll(Chat(Service(1, c.action, R"(, "members": ["User 9"])")));
    CHECK(Only(r).kind == MessageKind::kSystem);
    CHECK(Only(r).action == c.expected);
    CHECK(Only(r).author.key == "user1");
    CHECK(Only(r).author.name == "User 1");
  }
  // Integer actor ids (2020) are user ids.
  const ReadResult old = ReadAll(Chat(
      R"({"id": 1, "type": "service", "date": "2016-11-09T00:26:24", "actor": "W",
          "actor_id": 22222222, "action": "create_group", "text": ""})"));
  CHECK(Only(old).author.key == "user22222222");
  // No actor: skipped and counted; unsupported media stubs too.
  const ReadResult skipped = ReadAll(Chat(
      R"({"id": 1, "type": "service", "date_unixtime": "1", "action": "send_payment", "text": ""},
         {"id": 2, "type": "unsupported"},)" +
      Msg(3)));
  REQUIRE(skipped.status.ok());
  REQUIRE(skipped.sink.messages.size() == 1);
  CHECK(skipped.sink.messages[0].id == "3");
  CHECK(skipped.diagnostics.Count("ingest.telegram.no_actor") == 1);
  CHECK(skipped.diagnostics.Count("ingest.telegram.unsupported") == 1);
}

TEST_CASE("Telegram: replies are local unless reply_to_peer_id names another chat") {
  const ReadResult r = ReadAll(
      Chat(Msg(1) + "," + Msg(2, "2", R"(, "reply_to_message_id": 1)") + "," +
           Msg(3, "2", R"(, "reply_to_message_id": 1, "reply_to_peer_id": "channel42")") + "," +
           Msg(4, "2", R"(, "reply_to_message_id": 1, "reply_to_peer_id": "channel999")")));
  REQUIRE(r.sink.messages.size() == 4);
  CHECK(r.sink.messages[1].reply_to == "1");
  CHECK(r.sink.messages[2].reply_to == "1");  // This very chat's peer.
  CHECK(r.sink.messages[3].reply_to.empty());
  CHECK(r.sink.messages[3].thread.empty());
}

TEST_CASE("Telegram: messages of a forum topic are in its thread, not replies to its creator") {
  const ReadResult r =
      ReadAll(Chat(Service(10, "topic_created", R"(, "title": "Help")") + "," +
                   Msg(11, "2", R"(, "reply_to_message_id": 10)") + "," +
                   Msg(12, "3", R"(, "reply_to_message_id": 11)") + "," + Msg(13, "3")));
  REQUIRE(r.sink.messages.size() == 4);
  CHECK(r.sink.messages[0].kind == MessageKind::kSystem);
  CHECK(r.sink.messages[1].thread == "10");
  CHECK(r.sink.messages[1].reply_to.empty());
  CHECK(r.sink.messages[2].reply_to == "11");  // A reply inside the topic stays a reply.
  CHECK(r.sink.messages[3].reply_to.empty());
  // Topics belong to their chat: the same id in the next chat of a full export is a message.
  const std::string two = R"({"chats": {"list": [)" +
                          Chat(Service(10, "topic_created"), "private_supergroup", "1") + "," +
                          Chat(Msg(10) + "," + Msg(11, "2", R"(, "reply_to_message_id": 10)"),
                               "private_supergroup", "2") +
                          "]}}";
  const ReadResult chats = ReadAll(two);
  REQUIRE(chats.sink.messages.size() == 3);
  CHECK(chats.sink.messages[2].reply_to == "10");
}

TEST_CASE("Telegram: text size, mentions, forwards and reactions") {
  const ReadResult r = ReadAll(Chat(
      R"({"id": 1, "type": "message", "date_unixtime": "1", "from": "A", "from_id": "user1",
      "forwarded_from": null,
      "text": ["hi ", {"type": "mention", "text": "@bob"}, " and ",
               {"type": "mention_name", "text": "Cat Smith", "user_id": 33},
               {"type": "bold", "text": "!"}],
      "reactions": [{"type": "emoji", "count": 3, "emoji": "x",
                     "recent": [{"from": "Dan", "from_id": "user4", "date": "2024-01-01T00:00:00"},
                                {"from": null, "from_id": "user5"}]},
                    {"type": "paid", "count": 4294967295}]})"));
  const RecordedMessage& m = Only(r);
  CHECK(m.is_forward);
  CHECK(m.text_bytes == 3 + 4 + 5 + 9 + 1);
  REQUIRE(m.mentions.size() == 2);
  CHECK(m.mentions[0].key.empty());
  CHECK(m.mentions[0].name == "@bob");
  CHECK(m.mentions[1].key == "user33");
  CHECK(m.mentions[1].name == "Cat Smith");
  CHECK(m.reaction_count == UINT32_MAX);  // Saturates.
  REQUIRE(m.reactors.size() == 2);
  CHECK(m.reactors[0].key == "user4");
  CHECK(m.reactors[1].key == "user5");
  CHECK(m.reactors[1].name.empty());
  CHECK_FALSE(m.reactors[1].is_deleted);  // A deleted account keeps its id.
  // saved_from is a forward too; a message naming nobody is a deleted account.
  const ReadResult saved = ReadAll(Chat(
      R"({"id": 1, "type": "message", "date_unixtime": "1", "from": null, "saved_from": "X",
          "text": ""})"));
  CHECK(Only(saved).is_forward);
  CHECK(Only(saved).author.is_deleted);
}

TEST_CASE("Telegram: dates prefer date_unixtime; naive and unreadable dates are counted") {
  // 2024-05-01T10:00:00Z is 1714557600 s (date -u -d 2024-05-01T10:00:00 +%s).
  const ReadResult both = ReadAll(Chat(
      R"({"id": 1, "type": "message", "date": "2024-05-01T12:00:00", "date_unixtime": "1714557600",
          "from": "A", "from_id": "user1", "text": ""})"));
  CHECK(Only(both).time_ms == 1714557600000);
  CHECK(both.diagnostics.entries().empty());
  const ReadResult naive = ReadAll(Chat(
      R"({"id": 1, "type": "message", "date": "2024-05-01T12:00:00", "from": "A",
          "from_id": "user1", "text": ""})"));
  CHECK(Only(naive).time_ms == 1714557600000 + 2 * base::kMsPerHour);
  CHECK(naive.diagnostics.Count("ingest.telegram.naive_date") == 1);
  for (const char* bad : {R"("date_unixtime": "soon")", R"("date": "yesterday")",
                          R"("date_unixtime": "99999999999999999999")"}) {
    INFO(bad);
    const ReadResult r = ReadAll(Chat(R"({"id": 1, "type": "message", )" + std::string(bad) +
                                      R"(, "from": "A", "from_id": "user1", "text": ""})"));
    CHECK_FALSE(Only(r).has_time);
    CHECK(r.diagnostics.Count("ingest.telegram.bad_date") == 1);
  }
  // Absurd but readable: kept for the Dataset to judge (it keeps 1980-2099 only).
  const ReadResult far = ReadAll(
      Chat(R"({"id": 1, "type": "message", "date_unixtime": "-86400", "from": "A", "text": ""})"));
  CHECK(Only(far).time_ms == -86400000);
  const ReadResult none = ReadAll(Chat(R"({"id": 1, "type": "message", "from": "A"})"));
  CHECK_FALSE(Only(none).has_time);
  CHECK(none.diagnostics.entries().empty());
}

TEST_CASE("Telegram: what is not a Telegram export is refused with a specific status") {
  const std::vector<std::string> not_telegram = {
      "[1, 2]", R"({"about": "x", "contacts": {"list": []}})", R"({"chats": {"list": []}})",
      R"({"messages": {"id": 1}})", "\"text\""};
  for (const std::string& doc : not_telegram) {
    INFO(doc);
    const ReadResult r = ReadAll(doc);
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status.id() == "ingest.telegram.not_telegram");
    CHECK(r.sink.messages.empty());
  }
  // Other formats' corpus files are refused too.
  for (const auto& path : CorpusFiles(".json")) {
    const std::string folder = path.parent_path().filename().string();
    if (folder == "telegram")
      continue;
    INFO(path.string());
    const ReadResult r = ReadAll(ReadFile(path));
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
  }
}

TEST_CASE("Telegram: damaged input: truncation, syntax, invalid UTF-8, depth, huge tokens") {
  const std::string data =
      ReadFile(CorpusDir() / "telegram" / "frozenspider-full-export-2020-01-int-from_id.json");
  // Cut inside message 5104 (the 9th of the first chat): 8 messages are kept.
  const size_t cut = data.find("\"id\": 5104") + 30;
  const ReadResult r = ReadAll(data.substr(0, cut));
  REQUIRE(r.status.ok());
  CHECK(r.sink.messages.size() == 8);
  CHECK(r.diagnostics.Count("ingest.telegram.truncated") == 1);
  CHECK(r.diagnostics.entries().at("ingest.telegram.truncated").first.byte == cut);
  // Cut before any message ends: an error.
  const ReadResult early = ReadAll(data.substr(0, data.find("\"id\": 4720")));
  CHECK(early.status.id() == "ingest.json.truncated");
  // A syntax error stops the reading at its byte.
  std::string broken = Chat(Msg(1) + "," + Msg(2));
  const size_t colon = broken.rfind("\"text\":") + 6;
  broken[colon] = ';';
  const ReadResult syntax = ReadAll(broken);
  CHECK(syntax.status.id() == "ingest.json.syntax");
  CHECK(syntax.status.location().byte == colon);
  CHECK(syntax.sink.messages.size() == 1);
  // Invalid UTF-8 in a name is replaced and counted.
  const ReadResult utf8 =
      ReadAll(Chat(R"({"id": 1, "type": "message", "date_unixtime": "1", "from": "A)" +
                   std::string("\xFF") + R"(", "from_id": "user1", "text": "x"})"));
  CHECK(Only(utf8).author.name == "A\xEF\xBF\xBD");
  CHECK(utf8.diagnostics.Count("ingest.invalid_utf8") == 1);
  // Absurd nesting inside a message is a limit, not a crash.
  const std::string deep =
      Chat(Msg(1, "1", R"(, "x": )" + std::string(300, '[') + std::string(300, ']')));
  const ReadResult depth = ReadAll(deep);
  CHECK(depth.status.code() == StatusCode::kLimitExceeded);
  CHECK(depth.status.id() == "ingest.json.too_deep");
  // Wrong shapes where objects are expected are skipped, not misread.
  const ReadResult shapes =
      ReadAll(Chat(R"(1, "x", [], )" + Msg(2) +
                   R"(, {"id": {"a": 1}, "type": ["service"], "from_id": [1], "text": {"t": 1},
          "reactions": {"count": 5}, "reply_to_message_id": "7"})"));
  REQUIRE(shapes.status.ok());
  REQUIRE(shapes.sink.messages.size() == 2);
  CHECK(shapes.sink.messages[0].id == "2");
  CHECK(shapes.sink.messages[1].id.empty());
  CHECK(shapes.sink.messages[1].kind == MessageKind::kMessage);
  CHECK(shapes.sink.messages[1].reaction_count == 0);
  CHECK(shapes.sink.messages[1].reply_to.empty());
  CHECK(shapes.sink.messages[1].author.is_deleted);
  // Another export's "messages" (DCE, Messenger) is refused at its first message.
  const ReadResult dce = ReadAll(
      R"({"messages": [{"id": "1", "type": "Default", "timestamp": "2020-01-01T00:00:00Z"}]})");
  CHECK(dce.status.id() == "ingest.telegram.not_telegram");
  CHECK(dce.status.location().byte == 14);
  CHECK(dce.sink.messages.empty());
}
