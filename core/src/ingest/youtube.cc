#include "ingest/youtube.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "base/time.h"
#include "ingest/csv_table.h"
#include "ingest/html_text.h"
#include "ingest/json_reader.h"
#include "ingest/json_stream.h"
#include "ingest/json_values.h"

namespace meshcheck::ingest {
namespace {

// ------------------------------------------------------------------------------------------
// YouTube Data API commentThreads JSON (helper "jsonfam").

enum class YtCtx : uint8_t {
  kTopList,        // A top-level array of responses.
  kTop,            // A response, or a bare commentThread.
  kItems,          // A response's `items`.
  kThread,         // A commentThread of `items`.
  kThreadSnippet,  // Its `snippet`.
  kReplies,        // Its `replies`.
  kReplyList,      // `replies.comments`.
  kComment,        // `topLevelComment` or a reply.
  kCommentSnippet,
  kAuthorChannelId,
  kSkip,  // A container nothing is read from.
};

enum class YtKey : uint8_t {
  kOther,
  kItems,
  kSnippet,
  kReplies,
  kComments,
  kTopLevelComment,
  kId,
  kChannelId,
  kVideoId,
  kAuthorDisplayName,
  kAuthorChannelId,
  kValue,
  kTextDisplay,
  kTextOriginal,
  kParentId,
  kLikeCount,
  kPublishedAt,
};

YtKey LookupYtKey(std::string_view k) {
  struct Entry {
    std::string_view name;
    YtKey key;
  };
  static constexpr Entry kKeys[] = {
      {"items", YtKey::kItems},
      {"snippet", YtKey::kSnippet},
      {"replies", YtKey::kReplies},
      {"comments", YtKey::kComments},
      {"topLevelComment", YtKey::kTopLevelComment},
      {"id", YtKey::kId},
      {"channelId", YtKey::kChannelId},
      {"videoId", YtKey::kVideoId},
      {"authorDisplayName", YtKey::kAuthorDisplayName},
      {"authorChannelId", YtKey::kAuthorChannelId},
      {"value", YtKey::kValue},
      {"textDisplay", YtKey::kTextDisplay},
      {"textOriginal", YtKey::kTextOriginal},
      {"parentId", YtKey::kParentId},
      {"likeCount", YtKey::kLikeCount},
      {"publishedAt", YtKey::kPublishedAt},
  };
  for (const Entry& e : kKeys) {
    if (e.name == k)
      return e.key;
  }
  return YtKey::kOther;
}

// A display name without its leading '@' ("@ann" and "ann" name the same handle).
std::string_view WithoutAt(std::string_view name) {
  return !name.empty() && name[0] == '@' ? name.substr(1) : name;
}

class YouTubeJsonReader : public JsonDocumentReader<YouTubeJsonReader> {
 public:
  explicit YouTubeJsonReader(const ReaderContext& context)
      : JsonDocumentReader(this, context, JsonLimits{.multiple_values = true}) {}

  // ---- JsonDocumentReader hooks.
  uint64_t records() const { return comments_; }
  const char* label() const { return "YouTube commentThreads"; }
  const char* id_prefix() const { return "ingest.youtube"; }
  Status CheckShape() const;

  // ---- SAX handler (see json_stream.h).
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(int64_t value) { return Number(JsonNumber::Signed(value)); }
  bool number_unsigned(uint64_t value) { return Number(JsonNumber::Unsigned(value)); }
  bool number_float(double value, std::string_view) { return Number(JsonNumber::Float(value)); }
  bool string(std::string_view value);
  bool start_object() { return Open(true); }
  bool start_array() { return Open(false); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }
  bool key(std::string_view k) {
    key_ = LookupYtKey(k);
    return true;
  }

 private:
  struct Author {
    std::string name, key;
  };

  YtCtx Current() const { return stack_.back(); }
  YtCtx ChildOf(YtCtx parent, bool is_object) const;
  bool Open(bool is_object);
  bool Close();
  bool Number(const JsonNumber& n);
  void CommentField(std::string_view value);
  void StartThread();
  void StartComment();
  uint32_t ChannelFor(std::string_view video, std::string_view owner);
  model::PersonRef Mentioned(std::string_view handle);
  void EmitComment(bool reply);

  std::vector<YtCtx> stack_;
  YtKey key_ = YtKey::kOther;
  bool items_seen_ = false;

  // Channels declared so far, one per video: channel key -> handle.
  std::unordered_map<std::string, uint32_t> channels_;

  // The thread being read.
  std::string thread_owner_, thread_video_, top_id_;
  std::vector<Author> thread_authors_;  // Who wrote in it so far, for @handle mentions.

  // The comment being read.
  RecordStrings strings_;
  std::string_view id_, author_name_, author_key_, owner_, video_, parent_, published_;
  std::string_view handle_;
  bool has_original_ = false;
  uint32_t text_bytes_ = 0;
  uint32_t likes_ = 0;
  std::vector<model::PersonRef> mentions_;
  uint64_t comments_ = 0;
};

YtCtx YouTubeJsonReader::ChildOf(YtCtx parent, bool is_object) const {
  switch (parent) {
    case YtCtx::kTopList:
      return is_object ? YtCtx::kTop : YtCtx::kSkip;
    case YtCtx::kTop:
    case YtCtx::kThread:
      if (parent == YtCtx::kTop && !is_object && key_ == YtKey::kItems)
        return YtCtx::kItems;
      if (is_object && key_ == YtKey::kSnippet)
        return YtCtx::kThreadSnippet;
      return is_object && key_ == YtKey::kReplies ? YtCtx::kReplies : YtCtx::kSkip;
    case YtCtx::kItems:
      return is_object ? YtCtx::kThread : YtCtx::kSkip;
    case YtCtx::kThreadSnippet:
      return is_object && key_ == YtKey::kTopLevelComment ? YtCtx::kComment : YtCtx::kSkip;
    case YtCtx::kReplies:
      return !is_object && key_ == YtKey::kComments ? YtCtx::kReplyList : YtCtx::kSkip;
    case YtCtx::kReplyList:
      return is_object ? YtCtx::kComment : YtCtx::kSkip;
    case YtCtx::kComment:
      return is_object && key_ == YtKey::kSnippet ? YtCtx::kCommentSnippet : YtCtx::kSkip;
    case YtCtx::kCommentSnippet:
      return is_object && key_ == YtKey::kAuthorChannelId ? YtCtx::kAuthorChannelId : YtCtx::kSkip;
    default:
      return YtCtx::kSkip;
  }
}

bool YouTubeJsonReader::Open(bool is_object) {
  const YtCtx child =
      stack_.empty() ? (is_object ? YtCtx::kTop : YtCtx::kTopList) : ChildOf(Current(), is_object);
  if (child == YtCtx::kTop || child == YtCtx::kThread) {
    StartThread();
  } else if (child == YtCtx::kItems) {
    items_seen_ = true;
  } else if (child == YtCtx::kComment) {
    StartComment();
  }
  stack_.push_back(child);
  key_ = YtKey::kOther;
  return true;
}

bool YouTubeJsonReader::Close() {
  const YtCtx done = Current();
  stack_.pop_back();
  key_ = YtKey::kOther;
  if (done == YtCtx::kComment)
    EmitComment(Current() == YtCtx::kReplyList);
  return true;
}

bool YouTubeJsonReader::Number(const JsonNumber& n) {
  if (!stack_.empty() && Current() == YtCtx::kCommentSnippet && key_ == YtKey::kLikeCount)
    likes_ = n.Count();
  return true;
}

void YouTubeJsonReader::CommentField(std::string_view value) {
  switch (key_) {
    case YtKey::kAuthorDisplayName:
      author_name_ = strings_.Put(value);
      break;
    case YtKey::kAuthorChannelId:  // Some clients flatten {"value": id} to the id.
      author_key_ = strings_.Put(value);
      break;
    case YtKey::kChannelId:
      owner_ = strings_.Put(value);
      break;
    case YtKey::kVideoId:
      video_ = strings_.Put(value);
      break;
    case YtKey::kParentId:
      parent_ = strings_.Put(value);
      break;
    case YtKey::kPublishedAt:
      published_ = strings_.Put(value);
      break;
    case YtKey::kTextOriginal:
      has_original_ = true;
      text_bytes_ = SizeCount(value.size());
      handle_ = strings_.Put(LeadingHandle(value));
      break;
    case YtKey::kTextDisplay:
      if (!has_original_) {
        text_bytes_ = VisibleHtmlBytes(value);
        handle_ = strings_.Put(LeadingHandle(value));
      }
      break;
    default:
      break;
  }
}

bool YouTubeJsonReader::string(std::string_view value) {
  if (stack_.empty())
    return true;
  switch (Current()) {
    case YtCtx::kThreadSnippet:
      if (key_ == YtKey::kChannelId)
        thread_owner_ = value;
      if (key_ == YtKey::kVideoId)
        thread_video_ = value;
      break;
    case YtCtx::kComment:
      if (key_ == YtKey::kId)
        id_ = strings_.Put(value);
      break;
    case YtCtx::kCommentSnippet:
      CommentField(value);
      break;
    case YtCtx::kAuthorChannelId:
      if (key_ == YtKey::kValue)
        author_key_ = strings_.Put(value);
      break;
    default:
      break;
  }
  return true;
}

void YouTubeJsonReader::StartThread() {
  thread_owner_.clear();
  thread_video_.clear();
  top_id_.clear();
  thread_authors_.clear();
}

void YouTubeJsonReader::StartComment() {
  strings_.Reset();
  id_ = author_name_ = author_key_ = owner_ = video_ = parent_ = published_ = handle_ = {};
  has_original_ = false;
  text_bytes_ = likes_ = 0;
  mentions_.clear();
}

uint32_t YouTubeJsonReader::ChannelFor(std::string_view video, std::string_view owner) {
  std::string key = !video.empty()   ? "youtube:video:" + std::string(video)
                    : !owner.empty() ? "youtube:channel:" + std::string(owner) + ":comments"
                                     : "youtube:file:" + std::string(context().name);
  if (const auto known = channels_.find(key); known != channels_.end())
    return known->second;
  const std::string group = owner.empty() ? std::string() : "youtube:channel:" + std::string(owner);
  model::ChannelInfo info;
  info.key = key;
  info.name = video.empty() ? owner : video;
  info.group_key = group;
  info.kind = model::ChannelKind::kForum;
  const uint32_t handle = context().sink->OnChannel(info);
  channels_.emplace(std::move(key), handle);
  return handle;
}

model::PersonRef YouTubeJsonReader::Mentioned(std::string_view handle) {
  model::PersonRef p;
  p.name = handle;
  for (const Author& a : thread_authors_) {
    if (!a.key.empty() && base::EqualsIgnoreCase(WithoutAt(a.name), WithoutAt(handle))) {
      p.key = strings_.Put(a.key);
      p.name = strings_.Put(a.name);
      break;
    }
  }
  return p;
}

void YouTubeJsonReader::EmitComment(bool reply) {
  const std::string_view owner = owner_.empty() ? std::string_view(thread_owner_) : owner_;
  const std::string_view video = video_.empty() ? std::string_view(thread_video_) : video_;
  model::Message m;
  m.channel = ChannelFor(video, owner);
  m.id = id_;
  m.author.key = author_key_;
  m.author.name = author_name_;
  m.author.is_deleted = author_key_.empty() && author_name_.empty();
  m.author.is_host_hint = !author_key_.empty() && author_key_ == owner;
  if (const auto t = base::ParseIso8601(published_)) {
    m.time_ms = t->ms;
    m.has_time = true;
  }
  if (reply) {
    m.reply_to = parent_.empty() ? std::string_view(top_id_) : parent_;
    m.thread = m.reply_to;
  } else {
    top_id_ = id_;
  }
  if (!handle_.empty()) {
    mentions_.push_back(Mentioned(handle_));
    m.mentions = mentions_;
  }
  m.text_bytes = text_bytes_;
  m.reaction_count = likes_;
  context().sink->OnMessage(m);
  ++comments_;
  if (!author_key_.empty())
    thread_authors_.push_back({std::string(author_name_), std::string(author_key_)});
}

Status YouTubeJsonReader::CheckShape() const {
  if (items_seen_ || comments_ > 0)
    return Status::Ok();
  return Status(StatusCode::kUnsupportedFormat, "ingest.youtube.not_comment_threads",
                "This JSON holds no YouTube comment threads (a commentThreads.list response has "
                "\"items\").",
                Location{context().input, 0, 0});
}

}  // namespace

std::unique_ptr<Reader> MakeYouTubeJsonReader(const ReaderContext& context) {
  return std::make_unique<YouTubeJsonReader>(context);
}

bool SniffYouTubeJson(const Head& head) {
  const bool kind = head.HasKey("kind") || head.HasKey("[].kind");
  return (head.json_top == '{' || head.json_top == '[') && kind &&
         head.text.find("\"youtube#commentThread") != std::string_view::npos;
}

// ------------------------------------------------------------------------------------------

// ---- Google Takeout comments CSV (helper csvfam). Kept apart from the JSON reader above.

namespace {

// Sums the sizes of the "text" strings of a Takeout comment's JSON segments: the older
// {"takeoutSegments":[{"text":...}]} and the newer {"text":...},{"text":...} alike.
class TakeoutSegments {
 public:
  bool null() { return Value(); }
  bool boolean(bool) { return Value(); }
  bool number_integer(int64_t) { return Value(); }
  bool number_unsigned(uint64_t) { return Value(); }
  bool number_float(double, std::string_view) { return Value(); }
  bool string(std::string_view value) {
    if (text_key_)
      bytes_ += value.size();
    return Value();
  }
  bool start_object() { return Value(); }
  bool start_array() { return Value(); }
  bool end_object() { return Value(); }
  bool end_array() { return Value(); }
  bool key(std::string_view k) {
    text_key_ = k == "text";
    return true;
  }
  uint64_t bytes() const { return bytes_; }

 private:
  bool Value() {
    text_key_ = false;
    return true;
  }
  bool text_key_ = false;
  uint64_t bytes_ = 0;
};

// The size of a comment's text: its JSON segments' texts, or the field itself when it is not
// JSON (the oldest exports).
uint64_t TakeoutTextBytes(std::string_view field) {
  const std::string_view t = base::TrimAscii(field);
  if (t.empty() || t[0] != '{')
    return field.size();
  TakeoutSegments segments;
  JsonTokenizer<TakeoutSegments> tokenizer(&segments);
  const bool ok =
      tokenizer.Push("[") && tokenizer.Push(t) && tokenizer.Push("]") && tokenizer.Finish();
  return ok ? segments.bytes() : field.size();
}

class YouTubeCsvReader : public CsvTableReader {
 public:
  explicit YouTubeCsvReader(const ReaderContext& context)
      : CsvTableReader(context, ",", "ingest.youtube") {}

 protected:
  Status OnHeader(CsvFields fields) override;
  Status OnRecord(CsvFields fields) override;
  void OnEnd() override;

 private:
  uint32_t ChannelOf(std::string_view video, std::string_view post);
  std::string_view Field(CsvFields fields, int column) {
    return column < 0 ? std::string_view() : Utf8(base::TrimAscii(fields[column]));
  }

  int id_ = -1, owner_ = -1, time_ = -1, parent_ = -1, video_ = -1, post_ = -1, text_ = -1,
      top_ = -1;
  std::unordered_map<std::string, uint32_t> channels_;  // Channel key -> handle.
  uint64_t bad_times_ = 0;
  Location first_bad_time_;
};

Status YouTubeCsvReader::OnHeader(CsvFields fields) {
  const CsvColumn columns[] = {
      {"Comment ID", &id_},
      {"Channel ID", &owner_},
      {"Comment Create Timestamp", &time_},
      {"Video ID", &video_},
      {"Parent Comment ID", &parent_, false},
      {"Post ID", &post_, false},
      {"Comment Text", &text_, false},
      {"Top-level Comment ID", &top_, false},
  };
  const std::string missing = FindCsvColumns(fields, columns);
  if (!missing.empty()) {
    return Status(StatusCode::kUnsupportedFormat, "ingest.youtube.not_takeout_csv",
                  "This CSV is not a Google Takeout YouTube comments file: its header has no " +
                      missing + " column (found " + DescribeCsvHeader(fields) + ").",
                  Here());
  }
  return Status::Ok();
}

// Keyed as the JSON reader keys a video's comments, so a Takeout and an API export of the
// same video meet on one channel.
uint32_t YouTubeCsvReader::ChannelOf(std::string_view video, std::string_view post) {
  std::string key = !video.empty()  ? "youtube:video:" + std::string(video)
                    : !post.empty() ? "youtube:post:" + std::string(post)
                                    : "youtube:file:" + std::string(context().name);
  const auto [it, inserted] = channels_.try_emplace(std::move(key), 0);
  if (inserted) {
    model::ChannelInfo info;
    info.key = it->first;
    info.name = !video.empty() ? video : post;
    info.kind = model::ChannelKind::kForum;
    it->second = context().sink->OnChannel(info);
  }
  return it->second;
}

Status YouTubeCsvReader::OnRecord(CsvFields fields) {
  model::Message m;
  m.channel = ChannelOf(Field(fields, video_), Field(fields, post_));
  m.id = Field(fields, id_);
  m.author.key = m.author.name = Field(fields, owner_);
  m.author.is_host_hint = true;
  if (const auto t = base::ParseIso8601(base::TrimAscii(fields[time_]))) {
    m.time_ms = t->ms;
    m.has_time = true;
  } else if (bad_times_++ == 0) {
    first_bad_time_ = Here();
  }
  m.reply_to = Field(fields, parent_);
  m.thread = Field(fields, top_);
  if (m.thread.empty())
    m.thread = m.reply_to;
  if (text_ >= 0)
    m.text_bytes =
        static_cast<uint32_t>(std::min<uint64_t>(TakeoutTextBytes(fields[text_]), UINT32_MAX));
  context().sink->OnMessage(m);
  return Status::Ok();
}

void YouTubeCsvReader::OnEnd() {
  if (bad_times_ > 0) {
    context().diagnostics->Add("ingest.youtube.bad_timestamp", base::Severity::kWarning,
                               "Comments with an unreadable timestamp were kept without a time.",
                               first_bad_time_, bad_times_);
  }
  if (records() > 0) {
    context().diagnostics->Add(
        "ingest.youtube.own_comments_only", base::Severity::kWarning,
        "A Google Takeout holds only the account's own comments, not the conversations around "
        "them: it is not an export of a group, so it says little about a community.",
        Location{context().input, 0, 0}, records());
  }
}

}  // namespace

std::unique_ptr<Reader> MakeYouTubeCsvReader(const ReaderContext& context) {
  return std::make_unique<YouTubeCsvReader>(context);
}

bool SniffYouTubeCsv(const Head& head) {
  const std::vector<std::string> header = SniffCsvHeader(head, ",");
  const std::vector<std::string_view> fields(header.begin(), header.end());
  for (std::string_view name :
       {"Comment ID", "Channel ID", "Comment Create Timestamp", "Video ID"}) {
    if (FindCsvColumn(fields, name) < 0)
      return false;
  }
  return true;
}

}  // namespace meshcheck::ingest
