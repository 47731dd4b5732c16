// Reddit Pushshift / Arctic Shift NDJSON reader (FORMATS.md section 6): monthly dumps (RC_*
// comments, RS_* submissions) and per-subreddit extracts, one JSON object per line.
//
// Contracts:
// - Chunks may split anywhere; the events never depend on the split. Each line goes through the
//   push tokenizer (json_stream.h) as it arrives: memory is O(longest string), not O(line), and
//   no line is ever held whole.
// - A comment has `parent_id` (or a `t1_` name), a submission `title`/`num_comments` (or a `t3_`
//   name). Message ids are fullnames (t1_abc, t3_xyz), so a comment replies to its `parent_id`
//   directly: a `t1_` parent is a comment, a `t3_` parent the submission (a top-level comment
//   answers the post). Its thread is `link_id`. Parents outside the file stay unresolved.
// - One channel per subreddit ("reddit:r/<name lower-cased>", kind kForum); with
//   Options::group_by_thread one per submission thread ("reddit:t3_<id>", kind kThread, group =
//   the subreddit), where the submitter (`is_submitter`, or the submission's author) is a host
//   hint.
// - `created_utc` may be an integer, a string or a float (seconds). `author` "[deleted]" (or
//   missing) is a deleted account; "AutoModerator" is a bot; `distinguished` "moderator" or
//   "admin" is a host hint. text_bytes: `body` of a comment, `title` + `selftext` of a
//   submission; "[deleted]"/"[removed]" texts count 0.
// - A line that is not one JSON object, or not a comment or submission, is a counted diagnostic
//   and skipped; a line over kRedditMaxLineBytes likewise ("ingest.reddit.line_too_long"). A
//   last line cut off is "ingest.reddit.truncated". Only when no line at all is a comment or
//   submission (or the first 1000 lines all fail) is the input an error: kUnsupportedFormat
//   "ingest.reddit.not_reddit".
#pragma once

#include <cstddef>
#include <memory>

#include "ingest/limits.h"  // kRedditMaxLineBytes
#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeRedditNdjsonReader(const ReaderContext& context);
// Yes when the head's first object(s) carry `author`, `subreddit` and `created_utc` and either
// `parent_id` (comments) or `title` (submissions).
bool SniffRedditNdjson(const Head& head);

}  // namespace meshcheck::ingest
