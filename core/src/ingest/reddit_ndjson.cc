#include "ingest/reddit_ndjson.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/strings.h"
#include "base/time.h"
#include "ingest/json_reader.h"
#include "ingest/json_stream.h"

namespace meshcheck::ingest {
namespace {

constexpr uint64_t kMaxFailedLinesFirst = 1000;  // All bad: not a dump.

enum class Key : uint8_t {
  kOther,
  kId,
  kName,
  kParentId,
  kLinkId,
  kAuthor,
  kSubreddit,
  kSubredditId,
  kCreatedUtc,
  kDistinguished,
  kIsSubmitter,
  kBody,
  kTitle,
  kSelftext,
  kNumComments,
};

Key LookupKey(std::string_view k) {
  struct Entry {
    std::string_view name;
    Key key;
  };
  static constexpr Entry kKeys[] = {
      {"id", Key::kId},
      {"name", Key::kName},
      {"parent_id", Key::kParentId},
      {"link_id", Key::kLinkId},
      {"author", Key::kAuthor},
      {"subreddit", Key::kSubreddit},
      {"subreddit_id", Key::kSubredditId},
      {"created_utc", Key::kCreatedUtc},
      {"distinguished", Key::kDistinguished},
      {"is_submitter", Key::kIsSubmitter},
      {"body", Key::kBody},
      {"title", Key::kTitle},
      {"selftext", Key::kSelftext},
      {"num_comments", Key::kNumComments},
  };
  for (const Entry& e : kKeys) {
    if (e.name == k)
      return e.key;
  }
  return Key::kOther;
}

// Seconds since the epoch as Reddit writes them: "1420070400", "1420070400.0".
std::optional<int64_t> SecondsOf(std::string_view text) {
  int64_t seconds = 0;
  const char* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, seconds);
  if (ec != std::errc() || p == text.data())
    return std::nullopt;
  if (p != end && *p != '.')
    return std::nullopt;
  for (const char* q = p + (p != end); q < end; ++q) {
    if (*q < '0' || *q > '9')
      return std::nullopt;
  }
  return seconds;
}

bool IsRemovedText(std::string_view text) {
  return text == "[deleted]" || text == "[removed]";
}

// The fields of one line's object, filled by tokenizer events (json_stream.h handler).
class LineFields {
 public:
  void Reset() {
    strings_.Reset();
    id = name = parent_id = link_id = author = subreddit = subreddit_id = distinguished = {};
    created_ms.reset();
    has_author = is_submitter = has_title = has_num_comments = false;
    body_bytes = title_bytes = selftext_bytes = 0;
    objects = 0;
    not_object = false;
    depth_ = 0;
    key_ = Key::kOther;
  }

  std::string_view id, name, parent_id, link_id, author, subreddit, subreddit_id, distinguished;
  std::optional<int64_t> created_ms;
  bool has_author = false, is_submitter = false, has_title = false, has_num_comments = false;
  uint64_t body_bytes = 0, title_bytes = 0, selftext_bytes = 0;  // A repeated key: the last.
  int objects = 0;          // Top-level objects completed on the line.
  bool not_object = false;  // A top-level array or scalar.

  // ---- Handler.
  bool null() { return Scalar(); }
  bool boolean(bool value) {
    if (depth_ == 1 && key_ == Key::kIsSubmitter)
      is_submitter = value;
    return Scalar();
  }
  bool number_integer(int64_t value) { return Seconds(value); }
  bool number_unsigned(uint64_t value) {
    return Seconds(value > INT64_MAX ? INT64_MAX : static_cast<int64_t>(value));
  }
  bool number_float(double value, std::string_view) {
    constexpr double kLimit = 9.2e18;
    if (std::isfinite(value) && std::fabs(value) < kLimit)
      return Seconds(static_cast<int64_t>(std::floor(value)));
    return Scalar();
  }
  bool string(std::string_view value);
  bool key(std::string_view k) {
    if (depth_ == 1)
      key_ = LookupKey(k);
    return true;
  }
  bool start_object() {
    not_object |= depth_ == 0 && objects > 0;  // A second object on the line.
    ++depth_;
    return true;
  }
  bool end_object() {
    objects += --depth_ == 0;
    return true;
  }
  bool start_array() {
    not_object |= depth_ == 0;
    ++depth_;
    return true;
  }
  bool end_array() {
    --depth_;
    return true;
  }

 private:
  bool Scalar() {
    not_object |= depth_ == 0;
    return true;
  }
  bool Seconds(int64_t seconds) {
    constexpr int64_t kMaxSeconds = int64_t{1} << 40;  // Year 36812: beyond, not a date.
    if (depth_ == 1 && key_ == Key::kCreatedUtc && seconds > -kMaxSeconds && seconds < kMaxSeconds)
      created_ms = seconds * base::kMsPerSecond;
    if (depth_ == 1 && key_ == Key::kNumComments)
      has_num_comments = true;
    return Scalar();
  }

  RecordStrings strings_;
  int depth_ = 0;
  Key key_ = Key::kOther;
};

bool LineFields::string(std::string_view value) {
  if (depth_ != 1)
    return Scalar();
  switch (key_) {
    case Key::kId:
      id = strings_.Put(value);
      break;
    case Key::kName:
      name = strings_.Put(value);
      break;
    case Key::kParentId:
      parent_id = strings_.Put(value);
      break;
    case Key::kLinkId:
      link_id = strings_.Put(value);
      break;
    case Key::kAuthor:
      author = strings_.Put(value);
      has_author = true;
      break;
    case Key::kSubreddit:
      subreddit = strings_.Put(value);
      break;
    case Key::kSubredditId:
      subreddit_id = strings_.Put(value);
      break;
    case Key::kDistinguished:
      distinguished = strings_.Put(value);
      break;
    case Key::kCreatedUtc:
      if (const auto s = SecondsOf(value))
        return Seconds(*s);
      break;
    case Key::kTitle:
      has_title = true;
      title_bytes = IsRemovedText(value) ? 0 : value.size();
      break;
    case Key::kBody:
      body_bytes = IsRemovedText(value) ? 0 : value.size();
      break;
    case Key::kSelftext:
      selftext_bytes = IsRemovedText(value) ? 0 : value.size();
      break;
    case Key::kIsSubmitter:
    case Key::kNumComments:
    case Key::kOther:
      break;
  }
  return true;
}

class RedditNdjsonReader : public Reader {
 public:
  explicit RedditNdjsonReader(const ReaderContext& context) : context_(context) { NewTokenizer(); }

  Status Push(std::string_view chunk) override {
    while (!chunk.empty() && error_.ok()) {
      const size_t nl = chunk.find('\n');
      const std::string_view piece = chunk.substr(0, nl == std::string_view::npos ? nl : nl + 1);
      Feed(piece);
      chunk.remove_prefix(piece.size());
      if (nl != std::string_view::npos)
        EndLine(false);
    }
    return error_;
  }

  Status End() override {
    if (!error_.ok())
      return error_;
    if (line_bytes_ > 0) {
      Feed("\n");  // Ends a last line without its newline.
      EndLine(true);
    }
    if (!error_.ok())
      return error_;
    repaired_ += tokenizer_->repaired_utf8();
    if (repaired_ > 0) {
      context_.diagnostics->Add("ingest.invalid_utf8", base::Severity::kWarning,
                                "Invalid UTF-8 byte sequences were replaced by U+FFFD.",
                                Location{context_.input, 0, 0}, repaired_);
    }
    if (records_ == 0)
      return NotReddit();
    return Status::Ok();
  }

 private:
  enum class Fault : uint8_t { kNone, kJson, kTooLong };

  Location LineStart() const { return {context_.input, line_start_, line_number_}; }
  void NewTokenizer() {
    if (tokenizer_)
      repaired_ += tokenizer_->repaired_utf8();
    JsonLimits limits;
    limits.multiple_values = true;
    limits.max_token_bytes = kRedditMaxLineBytes;
    tokenizer_.emplace(&fields_, limits);
  }
  void Feed(std::string_view piece);
  void EndLine(bool last);
  void SkipLine(const char* id, const char* message);
  Status NotReddit();
  void Emit();
  uint32_t ChannelFor(std::string_view subreddit, std::string_view thread);

  ReaderContext context_;
  LineFields fields_;
  std::optional<JsonTokenizer<LineFields>> tokenizer_;
  Status error_;

  uint64_t line_start_ = 0, line_number_ = 1, line_bytes_ = 0;
  Fault fault_ = Fault::kNone;
  bool line_started_ = false;

  uint64_t records_ = 0, failed_ = 0, repaired_ = 0;
  std::unordered_map<std::string, uint32_t> channels_;
  std::string id_scratch_, key_scratch_, name_scratch_, group_key_scratch_, group_name_scratch_;
};

void RedditNdjsonReader::Feed(std::string_view piece) {
  if (!line_started_) {
    line_started_ = true;
    fields_.Reset();
  }
  line_bytes_ += piece.size();
  if (fault_ != Fault::kNone)
    return;
  if (line_bytes_ > kRedditMaxLineBytes + 1) {  // + 1: the newline.
    fault_ = Fault::kTooLong;
  } else if (!tokenizer_->Push(piece)) {
    fault_ = Fault::kJson;
  }
}

void RedditNdjsonReader::EndLine(bool last) {
  const bool blank = fault_ == Fault::kNone && fields_.objects == 0 && !fields_.not_object &&
                     tokenizer_->depth() == 0;
  if (fault_ == Fault::kTooLong) {
    SkipLine("ingest.reddit.line_too_long",
             "Lines longer than 4 MiB were skipped (no Reddit object is that long).");
  } else if (last && (fault_ != Fault::kNone || tokenizer_->depth() != 0)) {
    SkipLine("ingest.reddit.truncated",
             "The file ends inside its last line (it looks cut off); that line was skipped.");
  } else if (fault_ != Fault::kNone || tokenizer_->depth() != 0 || fields_.not_object ||
             (!blank && fields_.objects != 1)) {
    SkipLine("ingest.reddit.bad_line", "Lines that are not one JSON object were skipped.");
  } else if (!blank) {
    Emit();
  }
  if (records_ == 0 && failed_ >= kMaxFailedLinesFirst)
    NotReddit();
  line_start_ += line_bytes_;
  line_bytes_ = 0;
  ++line_number_;
  line_started_ = false;
}

void RedditNdjsonReader::SkipLine(const char* id, const char* message) {
  context_.diagnostics->Add(id, base::Severity::kWarning, message, LineStart());
  ++failed_;
  if (fault_ != Fault::kNone || tokenizer_->depth() != 0 || fields_.not_object)
    NewTokenizer();  // The tokenizer may be stuck inside the bad line.
  fault_ = Fault::kNone;
}

Status RedditNdjsonReader::NotReddit() {
  error_ = Status(StatusCode::kUnsupportedFormat, "ingest.reddit.not_reddit",
                  "This is not a Reddit (Pushshift / Arctic Shift) dump: no line is a comment or "
                  "submission object.",
                  LineStart());
  return error_;
}

uint32_t RedditNdjsonReader::ChannelFor(std::string_view subreddit, std::string_view thread) {
  group_key_scratch_ = "reddit:r/" + base::AsciiLowered(subreddit);
  const bool by_thread = context_.options->group_by_thread && !thread.empty();
  key_scratch_ = by_thread ? "reddit:" + std::string(thread) : group_key_scratch_;
  const auto found = channels_.find(key_scratch_);
  if (found != channels_.end())
    return found->second;
  group_name_scratch_ = "r/" + std::string(subreddit);
  name_scratch_ = by_thread ? group_name_scratch_ + " " + std::string(thread) : group_name_scratch_;
  model::ChannelInfo info;
  info.key = key_scratch_;
  info.name = name_scratch_;
  info.group_key = group_key_scratch_;
  info.group_name = group_name_scratch_;
  info.parent_key = by_thread ? std::string_view(group_key_scratch_) : std::string_view();
  info.kind = by_thread ? model::ChannelKind::kThread : model::ChannelKind::kForum;
  const uint32_t handle = context_.sink->OnChannel(info);
  channels_.emplace(key_scratch_, handle);
  return handle;
}

void RedditNdjsonReader::Emit() {
  const LineFields& f = fields_;
  const bool comment = base::StartsWith(f.name, "t1_") || !f.parent_id.empty();
  const bool submission =
      !comment && (base::StartsWith(f.name, "t3_") || f.has_title || f.has_num_comments);
  if (!comment && !submission) {
    SkipLine("ingest.reddit.not_a_post",
             "JSON objects that are neither a Reddit comment nor a submission were skipped.");
    return;
  }
  const char* prefix = comment ? "t1_" : "t3_";
  if (base::StartsWith(f.name, prefix) || f.id.empty()) {
    id_scratch_.assign(f.name);
  } else {
    id_scratch_.assign(prefix);
    id_scratch_.append(f.id);
  }
  std::string_view subreddit = !f.subreddit.empty() ? f.subreddit : f.subreddit_id;
  if (subreddit.empty()) {
    context_.diagnostics->Add("ingest.reddit.no_subreddit", base::Severity::kWarning,
                              "Posts that name no subreddit were grouped under \"r/unknown\".",
                              LineStart());
    subreddit = "unknown";
  }
  const std::string_view thread = comment ? f.link_id : std::string_view(id_scratch_);
  model::Message m;
  m.channel = ChannelFor(subreddit, thread);
  m.id = id_scratch_;
  m.author.name = f.author;
  m.author.is_deleted = !f.has_author || f.author == "[deleted]";
  m.author.is_bot = f.author == "AutoModerator";
  const bool op = f.is_submitter || submission;
  m.author.is_host_hint = f.distinguished == "moderator" || f.distinguished == "admin" ||
                          (op && context_.options->group_by_thread);
  if (f.created_ms) {
    m.time_ms = *f.created_ms;
    m.has_time = true;
  } else {
    context_.diagnostics->Add("ingest.reddit.no_time", base::Severity::kWarning,
                              "Posts without a readable created_utc were kept without a date.",
                              LineStart());
  }
  if (comment) {
    m.reply_to = f.parent_id;
    m.thread = f.link_id;
  }
  const uint64_t text = comment ? f.body_bytes : f.title_bytes + f.selftext_bytes;
  m.text_bytes = static_cast<uint32_t>(std::min<uint64_t>(text, UINT32_MAX));
  context_.sink->OnMessage(m);
  ++records_;
}

}  // namespace

std::unique_ptr<Reader> MakeRedditNdjsonReader(const ReaderContext& context) {
  return std::make_unique<RedditNdjsonReader>(context);
}

bool SniffRedditNdjson(const Head& head) {
  auto fields = [](auto has) {
    return has("author") && has("subreddit") && has("created_utc") &&
           (has("parent_id") || has("title"));
  };
  if (head.json && head.json_top == '{')
    return fields([&](std::string_view k) { return head.HasKey(k); });
  // A damaged line later in the head: judge the first line by its text.
  const std::vector<std::string_view> lines = head.Lines(1);
  if (lines.empty() || !base::StartsWith(lines[0], "{"))
    return false;
  const std::string_view first = lines[0];
  return fields([&](std::string_view k) {
    for (size_t at = first.find(k); at != std::string_view::npos; at = first.find(k, at + 1)) {
      if (at > 0 && first[at - 1] == '"' && first.substr(at + k.size(), 2) == "\":")
        return true;
    }
    return false;
  });
}

}  // namespace meshcheck::ingest
