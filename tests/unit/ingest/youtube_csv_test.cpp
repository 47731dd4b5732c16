// Google Takeout YouTube comments CSV (FORMATS.md 9; youtube.h): the three column layouts
// Takeout has used (before mid-2024, mid-2024, 2025), segment texts, replies, the host, and bad
// input. No real Takeout is in the corpus (it would be one person's private data): the files
// here are crafted from the documented layouts, with expected values worked out by hand.
#include <catch2/catch.hpp>

#include <string>

#include "ingest/detect.h"
#include "model/dataset.h"
#include "reader_harness.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

constexpr char kOld[] =
    "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment "
    "Text\n"
    "c1,UCowner,2023-09-19T17:42:53.434647+00:00,0,,vidA,"
    "\"{\"\"takeoutSegments\"\":[{\"\"text\"\":\"\"first comment\"\"}]}\"\n"
    "c2.r1,UCowner,2023-08-30T01:54:46.801024+00:00,0,c2,vidB,"
    "\"{\"\"takeoutSegments\"\":[{\"\"text\"\":\"\"a reply, with "
    "comma\"\"},{\"\"text\"\":\"\"\\n\"\"},"
    "{\"\"text\"\":\"\"\xC3\xA9\"\"}]}\"\n"
    "\n\n";

constexpr char kMid2024[] =
    "Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Video ID,Comment "
    "Text\r\n"
    "UCowner,2023-04-14T07:39:35.956042+00:00,0,c3,,vidA,"
    "\"{\"\"text\"\":\"\"one\"\"},{\"\"text\"\":\"\"\\u003e two\"\"}\"\r\n";

constexpr char k2025[] =
    "Comment ID,Channel ID,Comment create timestamp,Price,Parent comment ID,Post ID,Video ID,"
    "Comment text,Top-level comment ID\n"
    "c4,UCowner,2025-02-11T19:04:00Z,0,,postX,,\"{\"\"text\"\":\"\"on a post\"\"}\",\n"
    "c5,UCowner,2025-02-11T20:15:00Z,0,c4x,,vidC,\"{\"\"text\"\":\"\"reply\"\"}\",c4top\n";

ReadResult ReadYt(const std::string& data) {
  return ReadAllAs(Format::kYouTubeCsv, data, "Takeout/YouTube and YouTube Music/comments.csv");
}

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("YouTube CSV: the layout used before mid-2024") {
  const ReadResult r = ReadYt(kOld);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 2);
  REQUIRE(r.sink.channels.size() == 2);  // One per video.
  // Keyed as the JSON reader keys a video's comments.
  CHECK(r.sink.channels[0] == RecordedChannel{"youtube:video:vidA", "vidA", "", "", "",
                                              model::ChannelKind::kForum, true});
  CHECK(r.sink.channels[1].key == "youtube:video:vidB");
  const RecordedMessage& a = r.sink.messages[0];
  CHECK(a.id == "c1");
  CHECK(a.author == RecordedPerson{"UCowner", "UCowner", false, false, true});  // The host.
  CHECK(a.time_ms == 1695145373434);  // 2023-09-19 17:42:53.434 UTC (Python datetime).
  CHECK(a.text_bytes == 13);          // "first comment"
  CHECK(a.reply_to.empty());
  CHECK(a.thread.empty());
  const RecordedMessage& b = r.sink.messages[1];
  CHECK(b.channel == 1);
  CHECK(b.reply_to == "c2");
  CHECK(b.thread == "c2");
  CHECK(b.time_ms == 1693360486801);
  CHECK(b.text_bytes == 19 + 1 + 2);  // "a reply, with comma", "\n", "é"
  CHECK(r.diagnostics.Count("ingest.youtube.own_comments_only") == 2);
  CHECK(r.diagnostics.entries().at("ingest.youtube.own_comments_only").severity ==
        base::Severity::kWarning);
}

TEST_CASE("YouTube CSV: the reordered mid-2024 layout and the 2025 one") {
  const ReadResult mid = ReadYt(kMid2024);
  REQUIRE(mid.status.ok());
  REQUIRE(mid.sink.messages.size() == 1);
  CHECK(mid.sink.messages[0].id == "c3");
  CHECK(mid.sink.messages[0].author.key == "UCowner");
  CHECK(mid.sink.messages[0].time_ms == 1681457975956);
  CHECK(mid.sink.messages[0].text_bytes == 3 + 5);  // "one", "> two"

  const ReadResult now = ReadYt(k2025);
  REQUIRE(now.status.ok());
  REQUIRE(now.sink.messages.size() == 2);
  REQUIRE(now.sink.channels.size() == 2);
  CHECK(now.sink.channels[0].key == "youtube:post:postX");  // A community post's comment.
  CHECK(now.sink.channels[1].key == "youtube:video:vidC");
  CHECK(now.sink.messages[0].text_bytes == 9);
  CHECK(now.sink.messages[1].reply_to == "c4x");
  CHECK(now.sink.messages[1].thread == "c4top");  // The top-level comment, when given.
}

TEST_CASE("YouTube CSV: texts that are not JSON segments count as they are") {
  const std::string data =
      "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment "
      "Text\n"
      "p1,UC1,2023-01-01T00:00:00Z,0,,v,just text\n"
      "p2,UC1,2023-01-01T00:00:00Z,0,,v,\"{oops\"\n"
      "p3,UC1,2023-01-01T00:00:00Z,0,,v,\n";
  const ReadResult r = ReadYt(data);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 3);
  CHECK(r.sink.messages[0].text_bytes == 9);
  CHECK(r.sink.messages[1].text_bytes == 5);
  CHECK(r.sink.messages[2].text_bytes == 0);
}

TEST_CASE("YouTube CSV: replies meet their parents in the Dataset when both are there") {
  const std::string data =
      "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment "
      "Text\n"
      "t1.r,UC1,2023-01-02T00:00:00Z,0,t1,v,x\n"
      "t1,UC1,2023-01-01T00:00:00Z,0,,v,x\n"
      "t9.r,UC1,2023-01-03T00:00:00Z,0,t9,v,x\n";  // t9 is someone else's: not in the file.
  base::Diagnostics diagnostics;
  model::Dataset set(&diagnostics);
  set.BeginInput(0);
  REQUIRE(Feed(Format::kYouTubeCsv, data, 7, &set, &diagnostics, "comments.csv").ok());
  set.Finalize();
  REQUIRE(set.messages().size() == 3);
  int linked = 0;
  for (size_t i = 0; i < set.messages().size(); ++i)
    linked += set.parent(i) != model::kNone;
  CHECK(linked == 1);
  CHECK(set.members().size() == 1);
  CHECK(set.members()[0].is_host_hint);
}

TEST_CASE("YouTube CSV: bad input") {
  SECTION("an unreadable timestamp keeps the comment undated") {
    const ReadResult r =
        ReadYt("Comment ID,Channel ID,Comment Create Timestamp,Video ID\nx,UC1,yesterday,v\n");
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.messages.size() == 1);
    CHECK_FALSE(r.sink.messages[0].has_time);
    CHECK(r.diagnostics.Count("ingest.youtube.bad_timestamp") == 1);
  }
  SECTION("live chats and other CSVs are refused, naming the missing columns") {
    const ReadResult r = ReadYt(
        "Live Chat ID,Channel ID,Live Chat Create Timestamp,Price,Video ID,Live Chat Text\n"
        "l1,UC1,2018-09-02T05:16:35+00:00,0,v,\"{}\"\n");
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status.id() == "ingest.youtube.not_takeout_csv");
    CHECK(r.status.message().find("\"Comment ID\", \"Comment Create Timestamp\"") !=
          std::string::npos);
    CHECK(r.status.message().find("\"Live Chat ID\"") != std::string::npos);
  }
  SECTION("cut inside a quoted text") {
    const std::string data = kOld;
    const ReadResult r = ReadYt(data.substr(0, data.find("a reply")));
    REQUIRE(r.status.ok());
    CHECK(r.sink.messages.size() == 1);
    CHECK(r.diagnostics.Count("ingest.youtube.truncated") == 1);
  }
  SECTION("a row of another width") {
    const ReadResult r = ReadYt(
        "Comment ID,Channel ID,Comment Create Timestamp,Video ID\nx,UC1,2023-01-01T00:00:00Z\n");
    REQUIRE(r.status.ok());
    CHECK(r.sink.messages.empty());
    CHECK(r.diagnostics.Count("ingest.youtube.bad_row") == 1);
    CHECK(r.diagnostics.Count("ingest.youtube.own_comments_only") == 0);
  }
}

TEST_CASE("YouTube CSV: sniffed by its column names") {
  const auto known = [](std::string_view head) {
    const ingest::Detection d = ingest::Detect(head, "comments.csv", true);
    return d.state == ingest::Detection::State::kKnown ? d.format : Format::kAuto;
  };
  CHECK(known(kOld) == Format::kYouTubeCsv);
  CHECK(known(kMid2024) == Format::kYouTubeCsv);
  CHECK(known(k2025) == Format::kYouTubeCsv);
  CHECK(known("Live Chat ID,Channel ID,Live Chat Create Timestamp,Price,Video ID,Live Chat "
              "Text\n") != Format::kYouTubeCsv);
  CHECK(known("Comment ID;Channel ID;Comment Create Timestamp;Video ID\n") != Format::kYouTubeCsv);
}
