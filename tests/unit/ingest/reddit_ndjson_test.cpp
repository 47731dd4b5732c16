// Reddit Pushshift / Arctic Shift NDJSON reader (FORMATS.md section 6): the corpus slice in every
// chunking, checked against Python's json module over the same lines (counts below), and crafted
// lines for each rule and each kind of damage of reddit_ndjson.h.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "ingest/detect.h"
#include "ingest/reddit_ndjson.h"
#include "reader_harness.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

using model::ChannelKind;

ReadResult ReadDump(std::string_view data, bool by_thread = false) {
  Options options;
  options.group_by_thread = by_thread;
  return ReadAllAs(Format::kRedditNdjson, data, "RC_2015-01.ndjson", options);
}

// A comment line; `extra` adds fields (each starting with a comma).
std::string Comment(const std::string& id,
                    const std::string& parent,
                    const std::string& author = "ann",
                    const std::string& extra = "",
                    const std::string& created = "1420070400") {
  return R"({"id":")" + id + R"(","name":"t1_)" + id + R"(","parent_id":")" + parent +
         R"(","link_id":"t3_post","author":")" + author +
         R"(","subreddit":"Rust","subreddit_id":"t5_1","body":"hello","created_utc":)" + created +
         extra + "}\n";
}

std::string Submission(const std::string& id,
                       const std::string& author = "op",
                       const std::string& extra = "") {
  return R"({"id":")" + id + R"(","author":")" + author +
         R"(","subreddit":"Rust","title":"Title","selftext":"body text","num_comments":2,)"
         R"("created_utc":1420070000)" +
         extra + "}\n";
}

const RecordedMessage& Only(const ReadResult& r) {
  INFO(r.status.ToString());
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 1);
  return r.sink.messages[0];
}

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("Reddit: the Pushshift slice reads the same in every chunking, as Python counts it") {
  const auto files = CorpusFiles(".ndjson");
  REQUIRE(files.size() == 1);
  const std::string data = ReadFile(files[0]);
  for (bool by_thread : {false, true}) {
    INFO("group_by_thread " << by_thread);
    const ReadResult r = ReadDump(data, by_thread);
    INFO(DiagnosticsSummary(r.diagnostics));
    REQUIRE(r.status.ok());
    CHECK(r.diagnostics.entries().empty());
    // json.loads per line: 3925 comments in 1163 subreddits and 2668 threads (link_id).
    REQUIRE(r.sink.messages.size() == 3925);
    CHECK(r.sink.channels.size() == (by_thread ? 2668u : 1163u));
    std::set<std::string> ids, authors;
    size_t deleted = 0, bots = 0, hosts = 0, in_file = 0;
    uint64_t text = 0;
    for (const auto& m : r.sink.messages)
      ids.insert(m.id);
    for (const auto& m : r.sink.messages) {
      CHECK(m.id.rfind("t1_", 0) == 0);
      CHECK(m.thread.rfind("t3_", 0) == 0);
      CHECK(m.has_time);
      deleted += m.author.is_deleted;
      bots += m.author.is_bot;
      hosts += m.author.is_host_hint;
      if (!m.author.is_deleted)
        authors.insert(m.author.name);
      in_file += ids.count(m.reply_to);
      text += m.text_bytes;
      const auto& c = r.sink.channels[m.channel];
      CHECK(c.kind == (by_thread ? ChannelKind::kThread : ChannelKind::kForum));
      if (by_thread)
        CHECK(c.key == "reddit:" + m.thread);
    }
    CHECK(ids.size() == 3925);
    CHECK(deleted == 307);
    CHECK(bots == 19);   // AutoModerator
    CHECK(hosts == 31);  // distinguished: moderator
    CHECK(authors.size() == 3242);
    CHECK(in_file == 130);  // t1_ parents present in the slice (SOURCES.md: 130 of 2,357).
    CHECK(text == 641986);  // UTF-8 bytes of the bodies, "[deleted]"/"[removed]" as 0.
    CHECK(r.sink.messages.front().time_ms == 1420070400000);
    CHECK(r.sink.messages.back().time_ms == 1420070598000);
    CHECK(r.sink.messages.front().reply_to == "t3_2qyr1a");
  }
  // The largest subreddit of the slice: 292 comments in r/AskReddit.
  const ReadResult r = ReadDump(data);
  std::map<std::string, size_t> per_channel;
  for (const auto& m : r.sink.messages)
    ++per_channel[r.sink.channels[m.channel].key];
  CHECK(per_channel["reddit:r/askreddit"] == 292);
}

TEST_CASE("Reddit: comments, submissions, replies and threads") {
  const ReadResult r =
      ReadDump(Submission("post") + Comment("c1", "t3_post") + Comment("c2", "t1_c1", "bob"));
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 3);
  REQUIRE(r.sink.channels.size() == 1);
  CHECK(r.sink.channels[0].key == "reddit:r/rust");
  CHECK(r.sink.channels[0].name == "r/Rust");
  const auto& post = r.sink.messages[0];
  CHECK(post.id == "t3_post");
  CHECK(post.reply_to.empty());
  CHECK(post.thread.empty());
  CHECK(post.text_bytes == 5 + 9);  // title + selftext
  CHECK(post.time_ms == 1420070000000);
  CHECK_FALSE(post.author.is_host_hint);  // Per subreddit, the OP is nobody's host.
  CHECK(r.sink.messages[1].reply_to == "t3_post");
  CHECK(r.sink.messages[1].thread == "t3_post");
  CHECK(r.sink.messages[2].reply_to == "t1_c1");
  CHECK(r.sink.messages[2].text_bytes == 5);
}

TEST_CASE("Reddit: one group per thread with --group-by-thread") {
  const ReadResult r = ReadDump(Submission("post") + Comment("c1", "t3_post", "ann") +
                                    Comment("c2", "t1_c1", "op", R"(,"is_submitter":true)") +
                                    R"({"id":"x","parent_id":"t3_other","link_id":"t3_other",)"
                                    R"("author":"ann","subreddit":"Rust","created_utc":1})"
                                    "\n",
                                true);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.channels.size() == 2);
  CHECK(r.sink.channels[0].key == "reddit:t3_post");
  CHECK(r.sink.channels[0].kind == ChannelKind::kThread);
  CHECK(r.sink.channels[0].group_key == "reddit:r/rust");
  CHECK(r.sink.channels[0].parent_key == "reddit:r/rust");
  CHECK(r.sink.channels[1].key == "reddit:t3_other");
  CHECK(r.sink.messages[0].author.is_host_hint);  // The submission's author.
  CHECK_FALSE(r.sink.messages[1].author.is_host_hint);
  CHECK(r.sink.messages[2].author.is_host_hint);  // is_submitter
  CHECK(r.sink.messages[3].id == "t1_x");         // No "name": built from "id".
  CHECK(r.sink.messages[3].channel == 1);
}

TEST_CASE("Reddit: created_utc as int, string or float; authors and flags") {
  CHECK(Only(ReadDump(Comment("a", "t3_p", "ann", "", "1420070400"))).time_ms == 1420070400000);
  CHECK(Only(ReadDump(Comment("a", "t3_p", "ann", "", "\"1420070400\""))).time_ms == 1420070400000);
  CHECK(Only(ReadDump(Comment("a", "t3_p", "ann", "", "1420070400.75"))).time_ms == 1420070400000);
  CHECK(Only(ReadDump(Comment("a", "t3_p", "ann", "", "\"1420070400.0\""))).time_ms ==
        1420070400000);
  const ReadResult bad_time = ReadDump(Comment("a", "t3_p", "ann", "", "\"soon\""));
  CHECK_FALSE(Only(bad_time).has_time);
  CHECK(bad_time.diagnostics.Count("ingest.reddit.no_time") == 1);
  // Absurd times: far beyond any date is no time; before 1970 is a time (the Dataset flags it).
  const ReadResult far = ReadDump(Comment("a", "t3_p", "ann", "", "1e15"));
  CHECK_FALSE(Only(far).has_time);
  CHECK(Only(ReadDump(Comment("a", "t3_p", "ann", "", "-5"))).time_ms == -5000);
  CHECK(Only(ReadDump(Comment("a", "t3_p", "[deleted]"))).author.is_deleted);
  CHECK(Only(ReadDump(Comment("a", "t3_p", "AutoModerator"))).author.is_bot);
  CHECK(Only(ReadDump(Comment("a", "t3_p", "mod", R"(,"distinguished":"moderator")")))
            .author.is_host_hint);
  CHECK(Only(ReadDump(Comment("a", "t3_p", "adm", R"(,"distinguished":"admin")")))
            .author.is_host_hint);
  // Nested objects never fill the post's fields.
  const ReadResult nested = ReadDump(Comment(
      "a", "t3_p", "ann",
      R"(,"_meta":{"id":"zz","author":"mallory","created_utc":5},"all_awardings":[{"name":"x"}])"));
  CHECK(Only(nested).author.name == "ann");
  CHECK(Only(nested).id == "t1_a");
  CHECK(Only(nested).time_ms == 1420070400000);
  const std::string removed =
      R"({"name":"t1_r","parent_id":"t3_p","author":"[deleted]","body":"[removed]",)"
      R"("subreddit":"x","created_utc":1})";
  CHECK(Only(ReadDump(removed)).text_bytes == 0);
}

TEST_CASE("Reddit: bad lines are counted and skipped, the rest is read") {
  const std::string good = Comment("ok", "t3_p");
  const std::string input = std::string("not json at all\n") + good +
                            R"({"id":"cut","parent_id":"t3_p")"
                            "\n" +  // truncated object
                            "[1, 2]\n" +
                            "42\n" +
                            R"({"a":1}{"b":2})"
                            "\n" +
                            R"({"x":1})"
                            "\n" +
                            "\n   \n" + good + std::string("\xFF\xFE\x00\x01 binary\n", 12);
  const ReadResult r = ReadDump(input);
  REQUIRE(r.status.ok());
  CHECK(r.sink.messages.size() == 2);
  CHECK(r.diagnostics.Count("ingest.reddit.bad_line") == 6);
  CHECK(r.diagnostics.Count("ingest.reddit.not_a_post") == 1);
  CHECK(r.diagnostics.entries().at("ingest.reddit.bad_line").first.line == 1);
  // The last line cut off.
  const ReadResult cut = ReadDump(good + good.substr(0, 40));
  CHECK(cut.sink.messages.size() == 1);
  CHECK(cut.diagnostics.Count("ingest.reddit.truncated") == 1);
  // A last line without its newline is still read.
  CHECK(ReadDump(good + good.substr(0, good.size() - 1)).sink.messages.size() == 2);
}

TEST_CASE("Reddit: CRLF, invalid UTF-8 and long lines") {
  std::string crlf = Comment("a", "t3_p");
  crlf.insert(crlf.size() - 1, "\r");
  CHECK(Only(ReadDump(crlf)).id == "t1_a");
  const ReadResult bad = ReadDump(Comment("a", "t3_p", "A\xFFn"));
  CHECK(Only(bad).author.name == "A\xEF\xBF\xBDn");
  CHECK(bad.diagnostics.Count("ingest.invalid_utf8") == 1);
  // 1 MB of body is read; a line over the limit is skipped with its own diagnostic.
  const std::string mb(1 << 20, 'x');
  CHECK(Only(ReadDump(Comment("a", "t3_p", "ann", R"(,"body":")" + mb + "\""))).text_bytes ==
        mb.size());
  const std::string huge(ingest::kRedditMaxLineBytes, 'y');
  const std::string input =
      Comment("a", "t3_p", "ann", R"(,"body":")" + huge + "\"") + Comment("b", "t3_p");
  for (size_t chunk : {size_t{0}, size_t{7}, size_t{4096}}) {
    const ReadResult r = ReadAs(Format::kRedditNdjson, input, chunk, "RC.ndjson");
    REQUIRE(r.status.ok());
    CHECK(Only(r).id == "t1_b");
    CHECK(r.diagnostics.Count("ingest.reddit.line_too_long") == 1);
  }
}

TEST_CASE("Reddit: inputs without any post are errors, never crashes") {
  std::string garbage;
  for (int i = 0; i < 5000; ++i)
    garbage += static_cast<char>((i * 7919) % 256);
  for (const std::string& input :
       {std::string(), std::string("{\"a\":1}\n"), garbage, std::string(3000, '\n') + "x\n"}) {
    const ReadResult r = ReadDump(input);
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status.id() == "ingest.reddit.not_reddit");
  }
  // 1000 bad lines first: stop early rather than scan a huge file.
  std::string bad_start;
  for (int i = 0; i < 1200; ++i)
    bad_start += "nope\n";
  const ReadResult r = ReadDump(bad_start + Comment("a", "t3_p"));
  CHECK(r.status.id() == "ingest.reddit.not_reddit");
  CHECK(r.status.location().line == 1000);
}

TEST_CASE("Reddit: the sniffer knows comments and submissions by their keys") {
  using ingest::Detect;
  CHECK(Detect(Comment("a", "t3_p"), "x.ndjson", true).format == Format::kRedditNdjson);
  CHECK(Detect(Submission("p"), "RS_2015-01", true).format == Format::kRedditNdjson);
  // A damaged second line: the first line still tells.
  CHECK(Detect(Comment("a", "t3_p") + "{oops\n", "x", true).format == Format::kRedditNdjson);
  CHECK(Detect(R"({"author":"a","created_utc":1})"
               "\n",
               "x", true)
            .format != Format::kRedditNdjson);
}
