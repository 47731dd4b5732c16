// Discourse topic JSON reader (FORMATS.md section 8): every corpus topic in every chunking,
// checked against an independent reading through nlohmann::json, the counts SOURCES.md gives,
// and crafted snippets for each rule of discourse_json.h.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/strings.h"
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
using nlohmann::ordered_json;

ReadResult ReadAll(std::string_view data) {
  return ReadAllAs(Format::kDiscourseJson, data, "topic.json");
}

// A post: number, username, `extra` fields (each starting with a comma).
std::string Post(int number, const std::string& user, const std::string& extra = "") {
  return R"({"id": )" + std::to_string(1000 + number) + R"(, "username": ")" + user +
         R"(", "name": "N", "created_at": "2020-02-05T12:17:53.978Z", "cooked": "<p>hi</p>",
    "post_number": )" +
         std::to_string(number) +
         R"(, "post_type": 1, "reply_to_post_number": null, "user_id": 7, "topic_id": 9,
    "actions_summary": [], "staff": false, "admin": false, "moderator": false)" +
         extra + "}";
}

// A topic whose root fields come before (`first`) or after the posts.
std::string Topic(const std::string& posts, bool first = true, const std::string& root = "") {
  const std::string fields =
      R"("id": 9, "title": "Hello", "category_id": 4, "posts_count": 0)" + root;
  const std::string stream = R"("post_stream": {"posts": [)" + posts + "]}";
  return "{" + (first ? fields + ", " + stream : stream + ", " + fields) + "}";
}

const RecordedMessage& Only(const ReadResult& r) {
  INFO(r.status.ToString());
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 1);
  return r.sink.messages[0];
}

// ---- The independent oracle: the rules of discourse_json.h on nlohmann's DOM of the file.

std::string Str(const ordered_json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

bool Flag(const ordered_json& j, const char* key) {
  return j.contains(key) && j[key].is_boolean() && j[key].get<bool>();
}

std::vector<RecordedMessage> ExpectedPosts(const ordered_json& doc) {
  const auto& posts = doc["post_stream"]["posts"];
  const std::regex tag("<[^>]*>");
  const std::regex mention("class=\"mention\"[^>]*>@([^<]+)<");
  const std::regex quote("<aside class=\"quote[^>]*>");
  const std::regex data_post(" data-post=\"([^\"]*)\"");
  const std::regex data_topic(" data-topic=\"([^\"]*)\"");
  std::vector<RecordedMessage> out;
  for (const auto& p : posts) {
    RecordedMessage r;
    r.id = std::to_string(p["post_number"].get<int>());
    const std::string user = Str(p, "username");
    r.author.key = base::AsciiLowered(user);
    r.author.name = user;
    r.author.is_bot = user == "system" || user == "discobot" || p["user_id"].get<int>() < 0;
    r.author.is_host_hint = Flag(p, "staff") || Flag(p, "admin") || Flag(p, "moderator");
    const int type = p["post_type"].get<int>();
    if (type >= 2 && type <= 4) {
      r.kind = MessageKind::kSystem;
      r.action = SystemAction::kOther;
    }
    const auto t = base::ParseIso8601(Str(p, "created_at"));
    REQUIRE(t.has_value());
    r.time_ms = t->ms;
    r.has_time = true;
    const std::string cooked = Str(p, "cooked");
    std::smatch m;
    if (!p["reply_to_post_number"].is_null()) {
      r.reply_to = std::to_string(p["reply_to_post_number"].get<int>());
    } else if (std::regex_search(cooked, m, quote)) {
      const std::string aside = m.str(0);
      std::smatch post, topic;
      const bool has_post = std::regex_search(aside, post, data_post);
      const bool here = !std::regex_search(aside, topic, data_topic) ||
                        topic.str(1) == std::to_string(p["topic_id"].get<int>());
      if (has_post && here && post.str(1) != r.id)
        r.reply_to = post.str(1);
    }
    r.text_bytes = static_cast<uint32_t>(std::regex_replace(cooked, tag, "").size());
    for (auto it = std::sregex_iterator(cooked.begin(), cooked.end(), mention);
         it != std::sregex_iterator(); ++it) {
      r.mentions.push_back(Named(base::AsciiLowered((*it).str(1)), (*it).str(1)));
    }
    for (const auto& a : p["actions_summary"]) {
      if (a["id"] == 2)
        r.reaction_count += a["count"].get<uint32_t>();
    }
    out.push_back(std::move(r));
  }
  return out;
}

// Whether `key` comes before "post_stream" in the root object.
bool Before(const ordered_json& doc, const char* key) {
  for (const auto& [k, v] : doc.items()) {
    if (k == key)
      return true;
    if (k == "post_stream")
      return false;
  }
  return false;
}

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("Discourse: every corpus topic reads the same in every chunking, as the rules say") {
  int seen = 0;
  for (const auto& path : CorpusFiles(".json")) {
    if (path.parent_path().filename() != "discourse")
      continue;
    ++seen;
    INFO(path.string());
    const std::string data = ReadFile(path);
    const ReadResult r = ReadAll(data);
    REQUIRE(r.status.ok());
    const ordered_json doc = ordered_json::parse(data);
    REQUIRE(r.sink.channels.size() == 1);
    const RecordedChannel& c = r.sink.channels[0];
    CHECK(c.key == "discourse:topic:" + std::to_string(doc["id"].get<int>()));
    CHECK(c.kind == ChannelKind::kChat);
    // The first declaration knows what came before the posts (the Dataset gets the rest).
    CHECK(c.name == (Before(doc, "title") ? Str(doc, "title") : ""));
    CHECK(c.parent_key ==
          (Before(doc, "category_id")
               ? "discourse:category:" + std::to_string(doc["category_id"].get<int>())
               : ""));
    const auto expected = ExpectedPosts(doc);
    REQUIRE(r.sink.messages.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      INFO("post " << i);
      CHECK(r.sink.messages[i] == expected[i]);
    }
    const uint64_t missing = doc["posts_count"].get<uint64_t>() - expected.size();
    CHECK(r.diagnostics.Count("ingest.discourse.partial") == missing);
    CHECK(r.diagnostics.entries().size() == (missing > 0 ? 1u : 0u));
  }
  CHECK(seen == 3);
}

TEST_CASE("Discourse: SOURCES.md's counts, recounted from the files") {
  // Counted with python from post_stream.posts: posts, distinct usernames, explicit
  // reply_to_post_number links, and those between two people other than the opener.
  struct Case {
    const char* file;
    size_t posts, users, links, peer_links, system, likes, partial;
  };
  const Case cases[] = {
      {"urho3d-to-rbfx-and-not-to-rbfx-5864.json", 340, 27, 257, 106, 3, 232, 0},
      {"urho3d-dishonourable-discharge-devlog-4892.json", 175, 8, 81, 0, 0, 65, 0},
      {"perceval-ublock-support-topic-1148.json", 20, 10, 9, 3, 0, 7, 2},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const ReadResult r = ReadAll(ReadFile(CorpusDir() / "discourse" / c.file));
    REQUIRE(r.status.ok());
    CHECK(r.sink.messages.size() == c.posts);
    std::set<std::string> users;
    std::map<std::string, std::string> author_of;
    size_t system = 0, likes = 0;
    for (const auto& m : r.sink.messages) {
      users.insert(m.author.key);
      author_of[m.id] = m.author.key;
      system += m.kind == MessageKind::kSystem;
      likes += m.reaction_count;
    }
    const std::string op = r.sink.messages[0].author.key;
    // Explicit links only: the reader also follows quotes when reply_to_post_number is null.
    const std::string data = ReadFile(CorpusDir() / "discourse" / c.file);
    const auto doc = ordered_json::parse(data);
    size_t links = 0, peer = 0;
    for (const auto& p : doc["post_stream"]["posts"]) {
      if (p["reply_to_post_number"].is_null())
        continue;
      ++links;
      const std::string from = author_of[std::to_string(p["post_number"].get<int>())];
      const auto to = author_of.find(std::to_string(p["reply_to_post_number"].get<int>()));
      peer += to != author_of.end() && from != op && to->second != op;
    }
    CHECK(users.size() == c.users);
    CHECK(links == c.links);
    CHECK(peer == c.peer_links);
    CHECK(system == c.system);
    CHECK(likes == c.likes);
    CHECK(r.diagnostics.Count("ingest.discourse.partial") == c.partial);
  }
}

TEST_CASE("Discourse: title and category after the posts reach the Dataset") {
  const std::string late =
      ReadFile(CorpusDir() / "discourse" / "urho3d-to-rbfx-and-not-to-rbfx-5864.json");
  for (size_t chunk : {size_t{0}, size_t{7}, size_t{4096}}) {
    base::Diagnostics diagnostics;
    model::Dataset data(&diagnostics);
    data.BeginInput(0);
    REQUIRE(Feed(Format::kDiscourseJson, late, chunk, &data, &diagnostics).ok());
    data.Finalize();
    REQUIRE(data.channels().size() == 1);
    CHECK(data.Text(data.channels()[0].name) == "To rbfx and not to rbfx");
    CHECK(data.Text(data.channels()[0].parent_key) == "discourse:category:16");
    CHECK(data.members().size() == 27 + 4);  // 27 posters, 4 more only @mentioned.
  }
}

TEST_CASE("Discourse: null reply_to_post_number is a contribution to the topic, not to the OP") {
  const ReadResult r = ReadAll(Topic(Post(1, "Ann") + "," + Post(2, "Bob") + "," +
                                     Post(3, "Cy", R"(, "reply_to_post_number": 2)") + "," +
                                     Post(4, "Dan", R"(, "reply_to_post_number": 1)")));
  REQUIRE(r.sink.messages.size() == 4);
  for (const auto& m : r.sink.messages)
    CHECK(m.thread.empty());
  CHECK(r.sink.messages[1].reply_to.empty());
  CHECK(r.sink.messages[2].reply_to == "2");
  CHECK(r.sink.messages[3].reply_to == "1");            // Explicitly answering the opener.
  CHECK_FALSE(r.sink.messages[0].author.is_host_hint);  // Opening a topic makes no host.
}

TEST_CASE("Discourse: a quote of this topic answers the quoted post") {
  const auto cooked = [](const std::string& aside) {
    return R"(, "cooked": "<aside class=\")" + aside + R"(><p>q</p></aside><p>yes</p>")";
  };
  const ReadResult r = ReadAll(Topic(
      Post(1, "Ann") + "," + Post(2, "Bob") + "," +
      Post(3, "Cy",
           cooked(R"(quote no-group\" data-username=\"Bob\" data-post=\"2\" data-topic=\"9\")")) +
      "," + Post(4, "Dan", cooked(R"(quote\" data-post=\"5\" data-topic=\"77\")")) + "," +
      Post(5, "Eve", cooked(R"(quote\" data-post=\"2\")") + R"(, "reply_to_post_number": 1)") +
      "," + Post(6, "Fay", cooked(R"(quote\" data-post=\"6\" data-topic=\"9\")"))));
  REQUIRE(r.sink.messages.size() == 6);
  CHECK(r.sink.messages[2].reply_to == "2");
  CHECK(r.sink.messages[2].text_bytes == 4);   // "q" + "yes": text outside the tags.
  CHECK(r.sink.messages[3].reply_to.empty());  // A quote of another topic.
  CHECK(r.sink.messages[4].reply_to == "1");   // The explicit link wins.
  CHECK(r.sink.messages[5].reply_to.empty());  // Quoting itself.
}

TEST_CASE("Discourse: hosts, bots, system posts, likes and mentions") {
  const ReadResult r = ReadAll(Topic(
      Post(1, "Ann") + "," + Post(2, "Mod", R"(, "moderator": true)") + "," +
      Post(3, "Boss", R"(, "admin": true, "staff": true)") + "," +
      Post(4, "system", R"(, "post_type": 3, "action_code": "closed.enabled", "user_id": -1)") +
      "," + Post(5, "discobot", R"(, "user_id": -2)") + "," +
      Post(6, "Bob", R"(, "post_type": 4)") + "," + Post(7, "Ann", R"(, "post_type": 2)") + "," +
      Post(8, "Cy",
           R"(, "actions_summary": [{"id": 2, "count": 5}, {"id": 3, "count": 9},
                                              {"id": 2, "count": 1}],
        "cooked": "<p><a class=\"mention\" href=\"/u/ann\">@Ann</a> and )"
           R"(<a class=\"mention-group notify\" href=\"/g/x\">@x</a></p>")")));
  REQUIRE(r.sink.messages.size() == 8);
  const auto& m = r.sink.messages;
  CHECK_FALSE(m[0].author.is_host_hint);  // The opener.
  CHECK(m[1].author.is_host_hint);
  CHECK(m[2].author.is_host_hint);
  CHECK_FALSE(m[7].author.is_host_hint);
  CHECK(m[3].author.is_bot);
  CHECK(m[3].kind == MessageKind::kSystem);
  CHECK(m[4].author.is_bot);
  CHECK(m[4].kind == MessageKind::kMessage);
  CHECK(m[5].kind == MessageKind::kSystem);  // A whisper.
  CHECK(m[6].kind == MessageKind::kSystem);
  CHECK(m[7].reaction_count == 6);
  REQUIRE(m[7].mentions.size() == 1);
  CHECK(m[7].mentions[0].key == "ann");
  CHECK(m[7].mentions[0].name == "Ann");
  CHECK(m[1].author.key == "mod");
  CHECK(m[1].author.name == "Mod");
  // `raw`, when the export has it, is the text.
  const ReadResult raw = ReadAll(Topic(Post(1, "Ann", R"(, "raw": "**hi** there")")));
  CHECK(Only(raw).text_bytes == 12);
}

TEST_CASE("Discourse: the channel, partial topics, post_stream before the root fields") {
  const ReadResult before = ReadAll(Topic(Post(1, "Ann"), true, R"(, "posts_count": 3)"));
  REQUIRE(before.sink.channels.size() == 1);
  CHECK(before.sink.channels[0] == RecordedChannel{"discourse:topic:9", "Hello", "", "",
                                                   "discourse:category:4", ChannelKind::kChat,
                                                   true});
  CHECK(before.diagnostics.Count("ingest.discourse.partial") == 2);
  const ReadResult after = ReadAll(Topic(Post(1, "Ann"), false));
  CHECK(after.sink.channels[0].key == "discourse:topic:9");  // From the posts' topic_id.
  CHECK(after.diagnostics.entries().empty());
  // Without posts_count, post_stream.stream lists all posts.
  const ReadResult stream = ReadAll(R"({"post_stream": {"posts": [)" + Post(1, "Ann") +
                                    R"(], "stream": [1001, 1002, 1003]}})");
  CHECK(stream.diagnostics.Count("ingest.discourse.partial") == 2);
  // No topic id anywhere: the file names the topic.
  const ReadResult nameless = ReadAll(R"({"post_stream": {"posts": [{"post_number": 1,
      "username": "a", "created_at": "2020-01-01T00:00:00Z"}]}})");
  CHECK(nameless.sink.channels[0].key == "discourse:file:topic.json");
}

TEST_CASE("Discourse: bad input is refused or counted, never misread") {
  for (const std::string doc :
       {"[]", R"({"id": 1, "title": "x"})", R"({"post_stream": {"stream": [1]}})", "1"}) {
    INFO(doc);
    const ReadResult r = ReadAll(doc);
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status.id() == "ingest.discourse.not_topic");
  }
  const std::string data =
      ReadFile(CorpusDir() / "discourse" / "perceval-ublock-support-topic-1148.json");
  const auto doc = ordered_json::parse(data);
  // Cut inside the 6th post.
  const size_t cut =
      data.find("\"id\": " + std::to_string(doc["post_stream"]["posts"][5]["id"].get<int>()));
  REQUIRE(cut != std::string::npos);
  const ReadResult r = ReadAll(data.substr(0, cut + 20));
  REQUIRE(r.status.ok());
  CHECK(r.sink.messages.size() == 5);
  CHECK(r.diagnostics.Count("ingest.discourse.truncated") == 1);
  // A bad timestamp leaves the post undated; absurd numbers do not overflow.
  const ReadResult odd = ReadAll(Topic(
      R"({"post_number": 1, "username": "a", "created_at": "not a date", "post_type": 1e300,
          "reply_to_post_number": 1.5, "user_id": -1e300,
          "actions_summary": [{"id": 2, "count": 1e300}, "x", [1]]})"));
  CHECK_FALSE(Only(odd).has_time);
  CHECK(Only(odd).kind == MessageKind::kMessage);
  CHECK(Only(odd).reply_to.empty());
  CHECK(Only(odd).reaction_count == UINT32_MAX);
  const ReadResult deep =
      ReadAll(Topic(Post(1, "a", R"(, "x": )" + std::string(300, '[') + std::string(300, ']'))));
  CHECK(deep.status.id() == "ingest.json.too_deep");
  const ReadResult utf8 = ReadAll(Topic(Post(1, "a\xF0\x9F")));
  CHECK(Only(utf8).author.name == "a\xEF\xBF\xBD");
  CHECK(utf8.diagnostics.Count("ingest.invalid_utf8") == 1);
}
