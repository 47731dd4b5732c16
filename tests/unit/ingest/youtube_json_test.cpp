// YouTube Data API commentThreads JSON reader (FORMATS.md section 9). No real response is in the
// corpus: the fixtures follow the commentThreads and comments resources of the API reference
// (developers.google.com/youtube/v3/docs/commentThreads, .../comments), field for field.
#include <catch2/catch.hpp>

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

ReadResult ReadAll(std::string_view data) {
  return ReadAllAs(Format::kYouTubeJson, data, "comments.json");
}

// A comment resource as the API returns it (part=snippet).
std::string Comment(const std::string& id,
                    const std::string& author,
                    const std::string& author_channel,
                    const std::string& text,
                    const std::string& extra = "",
                    int likes = 0) {
  return R"({"kind": "youtube#comment", "etag": "e)" + id + R"(", "id": ")" + id +
         R"(", "snippet": {"channelId": "UCowner", "videoId": "vid1",
      "textDisplay": ")" +
         text + R"(", "textOriginal": ")" + text + R"(", "authorDisplayName": ")" + author +
         R"(", "authorProfileImageUrl": "https://yt3.ggpht.com/x",
      "authorChannelUrl": "http://www.youtube.com/@)" +
         author.substr(1) + R"(", "authorChannelId": {"value": ")" + author_channel +
         R"("}, "canRate": true, "viewerRating": "none", "likeCount": )" + std::to_string(likes) +
         R"(, "publishedAt": "2024-03-01T10:00:00Z", "updatedAt": "2024-03-01T10:00:00Z")" + extra +
         "}}";
}

// A commentThread resource (part=snippet,replies) around a top-level comment and replies.
std::string Thread(const std::string& top, const std::vector<std::string>& replies = {}) {
  std::string out = R"({"kind": "youtube#commentThread", "etag": "t", "id": "thread",
    "snippet": {"channelId": "UCowner", "videoId": "vid1", "topLevelComment": )" +
                    top + R"(, "canReply": true, "totalReplyCount": )" +
                    std::to_string(replies.size()) + R"(, "isPublic": true})";
  if (!replies.empty()) {
    out += R"(, "replies": {"comments": [)";
    for (size_t i = 0; i < replies.size(); ++i)
      out += (i ? "," : "") + replies[i];
    out += "]}";
  }
  return out + "}";
}

// A commentThreads.list response.
std::string Response(const std::vector<std::string>& threads, const std::string& token = "") {
  std::string out = R"({"kind": "youtube#commentThreadListResponse", "etag": "r",)";
  if (!token.empty())
    out += R"( "nextPageToken": ")" + token + "\",";
  out += R"( "pageInfo": {"totalResults": )" + std::to_string(threads.size()) +
         R"(, "resultsPerPage": 20}, "items": [)";
  for (size_t i = 0; i < threads.size(); ++i)
    out += (i ? "," : "") + threads[i];
  return out + "]}";
}

std::string Reply(const std::string& id,
                  const std::string& author,
                  const std::string& channel,
                  const std::string& text,
                  const std::string& parent = "Ugw1") {
  return Comment(id, author, channel, text, R"(, "parentId": ")" + parent + "\"");
}

// One thread: Ann asks, the owner and Bob reply, Bob answers Ann with "@ann" (a reply to a
// reply, flattened by YouTube), Cy answers someone who never wrote here.
const std::string kThread =
    Thread(Comment("Ugw1", "@ann", "UCann", "How was this made?", "", 7),
           {Reply("Ugw1.a", "@owner", "UCowner", "With care."),
            Reply("Ugw1.b", "@bob", "UCbob", "@ann it is <b>open</b> source"),
            Reply("Ugw1.c", "@cy", "UCcy", "@zed. agreed")});

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("YouTube JSON: a commentThreads response becomes the video's comments") {
  const ReadResult r = ReadAll(Response({kThread}, "NEXT"));
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.channels.size() == 1);
  CHECK(r.sink.channels[0] == RecordedChannel{"youtube:video:vid1", "vid1",
                                              "youtube:channel:UCowner", "", "",
                                              ChannelKind::kForum, true});
  REQUIRE(r.sink.messages.size() == 4);
  const auto& top = r.sink.messages[0];
  CHECK(top.id == "Ugw1");
  CHECK(top.author == Named("UCann", "@ann"));
  CHECK(top.reply_to.empty());
  CHECK(top.thread.empty());
  CHECK(top.reaction_count == 7);
  CHECK(top.text_bytes == 18);
  CHECK(top.has_time);
  CHECK(top.time_ms == 1709287200000);  // date -u -d 2024-03-01T10:00:00Z +%s, in ms.
  CHECK(top.kind == MessageKind::kMessage);
  const auto& owner = r.sink.messages[1];
  CHECK(owner.author.is_host_hint);  // authorChannelId == channelId: the video's owner.
  CHECK(owner.reply_to == "Ugw1");
  CHECK(owner.thread == "Ugw1");
  CHECK_FALSE(top.author.is_host_hint);
  const auto& bob = r.sink.messages[2];
  CHECK(bob.reply_to == "Ugw1");  // The API's one level: the parent is the top comment.
  REQUIRE(bob.mentions.size() == 1);
  CHECK(bob.mentions[0] == Named("UCann", "@ann"));  // Resolved within the thread.
  CHECK(bob.text_bytes == 29);                       // textOriginal, as written.
  const auto& cy = r.sink.messages[3];
  REQUIRE(cy.mentions.size() == 1);
  CHECK(cy.mentions[0] == Named("", "@zed"));  // Nobody of that name wrote here.
  CHECK(r.diagnostics.entries().empty());
}

TEST_CASE("YouTube JSON: textDisplay alone is measured without its HTML; authors may be gone") {
  const std::string display_only = Thread(
      R"({"kind": "youtube#comment", "id": "Ugx9", "snippet": {"channelId": "UCowner",
          "videoId": "vid1", "textDisplay": "<a href=\"http://www.youtube.com/@ann\">@ann</a> so <b>true</b>",
          "authorDisplayName": "", "likeCount": 0, "publishedAt": "2024-03-01T10:00:00Z"}})");
  const ReadResult r = ReadAll(Response({display_only}));
  REQUIRE(r.sink.messages.size() == 1);
  CHECK(r.sink.messages[0].text_bytes == 4 + 4 + 4);  // "@ann", " so ", "true".
  CHECK(r.sink.messages[0].author.is_deleted);
  REQUIRE(r.sink.messages[0].mentions.size() == 1);
  CHECK(r.sink.messages[0].mentions[0].name == "@ann");
  // An old flattened authorChannelId string is read too.
  const ReadResult flat = ReadAll(Response({Thread(
      R"({"id": "Ugx8", "snippet": {"videoId": "vid1", "channelId": "UCowner",
          "authorDisplayName": "Owner", "authorChannelId": "UCowner", "textOriginal": "x",
          "publishedAt": "2024-03-01T10:00:00Z"}})")}));
  REQUIRE(flat.sink.messages.size() == 1);
  CHECK(flat.sink.messages[0].author.key == "UCowner");
  CHECK(flat.sink.messages[0].author.is_host_hint);
}

TEST_CASE("YouTube JSON: pages concatenated or listed, several videos, channel discussions") {
  const std::string page1 = Response({kThread}, "P2");
  const std::string other_video = Thread(R"({"id": "Ugz2", "snippet": {"channelId": "UCowner",
      "videoId": "vid2", "authorDisplayName": "@dan", "authorChannelId": {"value": "UCdan"},
      "textOriginal": "hi", "publishedAt": "2024-03-02T10:00:00Z"}})");
  std::string discussion = other_video;
  discussion.replace(discussion.find("\"videoId\": \"vid1\", "), 19, "");
  discussion.replace(discussion.find("\"videoId\": \"vid2\","), 18, "");
  const std::string page2 = Response({other_video, discussion});
  for (const std::string& doc :
       {page1 + "\n" + page2, "[" + page1 + ",\n" + page2 + "]", page1 + page2 + "\n"}) {
    INFO(doc.substr(0, 1));
    const ReadResult r = ReadAll(doc);
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.channels.size() == 3);
    CHECK(r.sink.channels[0].key == "youtube:video:vid1");
    CHECK(r.sink.channels[1].key == "youtube:video:vid2");
    CHECK(r.sink.channels[2].key == "youtube:channel:UCowner:comments");
    CHECK(r.sink.channels[2].group_key == "youtube:channel:UCowner");
    REQUIRE(r.sink.messages.size() == 6);
    CHECK(r.sink.messages[4].channel == 1);
    CHECK(r.sink.messages[5].channel == 2);
  }
  // A bare commentThread (one item saved on its own) reads as well.
  const ReadResult bare = ReadAll(kThread);
  CHECK(bare.sink.messages.size() == 4);
  // The same page twice (a re-run fetch) counts once in the Dataset.
  base::Diagnostics diagnostics;
  model::Dataset data(&diagnostics);
  data.BeginInput(0);
  REQUIRE(Feed(Format::kYouTubeJson, page1 + page1, 7, &data, &diagnostics).ok());
  data.Finalize();
  CHECK(data.messages().size() == 4);
  CHECK(data.duplicates() == 4);
  CHECK(data.members().size() == 4 + 1);  // Ann, the owner, Bob, Cy and the mentioned "@zed".
}

TEST_CASE("YouTube JSON: what is not a commentThreads response is refused; damage is located") {
  for (const std::string doc : {R"({"kind": "youtube#videoListResponse", "pageInfo": {}})",
                                "[1, 2]", "\"x\"", R"({"items": {"a": 1}})"}) {
    INFO(doc);
    const ReadResult r = ReadAll(doc);
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status.id() == "ingest.youtube.not_comment_threads");
  }
  // An empty page is a valid answer: a video without comments.
  const ReadResult empty = ReadAll(Response({}));
  CHECK(empty.status.ok());
  CHECK(empty.sink.messages.empty());
  // Cut inside the third reply: the comments before it are kept.
  const std::string doc = Response({kThread});
  const size_t cut = doc.find("Ugw1.c") + 3;
  const ReadResult r = ReadAll(doc.substr(0, cut));
  REQUIRE(r.status.ok());
  CHECK(r.sink.messages.size() == 3);
  CHECK(r.diagnostics.Count("ingest.youtube.truncated") == 1);
  CHECK(ReadAll(doc.substr(0, doc.find("Ugw1"))).status.id() == "ingest.json.truncated");
  // Absurd values.
  const ReadResult odd = ReadAll(
      Response({Thread(R"({"id": "Ugx7", "snippet": {"videoId": "vid1", "authorDisplayName": "@a)"
                       "\xC3"
                       R"(",
          "authorChannelId": {"value": "UCa"}, "likeCount": -4, "publishedAt": "9999-99-99",
          "textOriginal": ["not", "text"]}})")}));
  REQUIRE(odd.sink.messages.size() == 1);
  CHECK(odd.sink.messages[0].reaction_count == 0);
  CHECK_FALSE(odd.sink.messages[0].has_time);
  CHECK(odd.sink.messages[0].text_bytes == 0);
  CHECK(odd.sink.messages[0].author.name == "@a\xEF\xBF\xBD");
  CHECK(odd.diagnostics.Count("ingest.invalid_utf8") == 1);
  const ReadResult deep = ReadAll(std::string(1000, '[') + std::string(1000, ']'));
  CHECK(deep.status.id() == "ingest.json.too_deep");
}
