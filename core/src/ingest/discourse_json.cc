#include "ingest/discourse_json.h"

#include <optional>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/time.h"
#include "ingest/html_text.h"
#include "ingest/json_reader.h"
#include "ingest/json_values.h"

namespace meshcheck::ingest {
namespace {

// Discourse's action type of a like in `actions_summary`.
constexpr int64_t kLikeAction = 2;

enum class Ctx : uint8_t {
  kRoot,
  kPostStream,
  kPosts,
  kPost,
  kActions,  // A post's `actions_summary`.
  kAction,
  kStream,  // `post_stream.stream`: the ids of all posts.
  kSkip,    // A container nothing is read from.
};

enum class Key : uint8_t {
  kOther,
  kId,
  kTitle,
  kCategoryId,
  kPostsCount,
  kPostStream,
  kPosts,
  kStream,
  kPostNumber,
  kUsername,
  kUserId,
  kCreatedAt,
  kReplyTo,
  kPostType,
  kStaff,
  kActionsSummary,
  kCount,
  kTopicId,
  kCooked,
  kRaw,
};

Key LookupKey(std::string_view k) {
  struct Entry {
    std::string_view name;
    Key key;
  };
  static constexpr Entry kKeys[] = {
      {"id", Key::kId},
      {"title", Key::kTitle},
      {"category_id", Key::kCategoryId},
      {"posts_count", Key::kPostsCount},
      {"post_stream", Key::kPostStream},
      {"posts", Key::kPosts},
      {"stream", Key::kStream},
      {"post_number", Key::kPostNumber},
      {"username", Key::kUsername},
      {"user_id", Key::kUserId},
      {"created_at", Key::kCreatedAt},
      {"reply_to_post_number", Key::kReplyTo},
      {"post_type", Key::kPostType},
      {"staff", Key::kStaff},
      {"admin", Key::kStaff},
      {"moderator", Key::kStaff},
      {"actions_summary", Key::kActionsSummary},
      {"count", Key::kCount},
      {"topic_id", Key::kTopicId},
      {"cooked", Key::kCooked},
      {"raw", Key::kRaw},
  };
  for (const Entry& e : kKeys) {
    if (e.name == k)
      return e.key;
  }
  return Key::kOther;
}

// The value of attribute `name` ("data-post") in the tag text `tag`, or empty.
std::string_view Attribute(std::string_view tag, std::string_view name) {
  for (size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    const std::string_view after = tag.substr(at + name.size());
    if (at == 0 || tag[at - 1] != ' ' || !after.starts_with("=\""))
      continue;
    const size_t end = after.find('"', 2);
    return end == std::string_view::npos ? std::string_view() : after.substr(2, end - 2);
  }
  return {};
}

// What a post's `cooked` HTML says beyond its size: whom it @mentions and what it quotes first.
struct CookedFacts {
  std::vector<std::string_view> mentions;  // Usernames, as written after '@'.
  std::string_view quote_post, quote_topic;
};

CookedFacts ReadCooked(std::string_view cooked) {
  CookedFacts facts;
  constexpr std::string_view kMention = "class=\"mention\"";
  for (size_t at = cooked.find(kMention); at != std::string_view::npos;
       at = cooked.find(kMention, at + kMention.size())) {
    const size_t open = cooked.find('>', at);
    const size_t close = open == std::string_view::npos ? open : cooked.find('<', open);
    if (close == std::string_view::npos)
      break;
    const std::string_view text = cooked.substr(open + 1, close - open - 1);
    if (text.size() > 1 && text[0] == '@')
      facts.mentions.push_back(text.substr(1));
  }
  const size_t quote = cooked.find("<aside class=\"quote");
  if (quote != std::string_view::npos) {
    const size_t end = cooked.find('>', quote);
    const std::string_view tag =
        cooked.substr(quote, end == std::string_view::npos ? end : end - quote);
    facts.quote_post = Attribute(tag, "data-post");
    facts.quote_topic = Attribute(tag, "data-topic");
  }
  return facts;
}

class DiscourseJsonReader : public JsonDocumentReader<DiscourseJsonReader> {
 public:
  explicit DiscourseJsonReader(const ReaderContext& context) : JsonDocumentReader(this, context) {}

  // ---- JsonDocumentReader hooks.
  uint64_t records() const { return posts_; }
  const char* label() const { return "Discourse topic"; }
  const char* id_prefix() const { return "ingest.discourse"; }
  Status CheckShape() const;

  // ---- SAX handler (see json_stream.h).
  bool null() { return true; }
  bool boolean(bool value) {
    if (Current() == Ctx::kPost && key_ == Key::kStaff)
      staff_ |= value;
    return true;
  }
  bool number_integer(int64_t value) { return Number(JsonNumber::Signed(value)); }
  bool number_unsigned(uint64_t value) { return Number(JsonNumber::Unsigned(value)); }
  bool number_float(double value, std::string_view) { return Number(JsonNumber::Float(value)); }
  bool string(std::string_view value);
  bool start_object() { return Open(true); }
  bool start_array() { return Open(false); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }
  bool key(std::string_view k) {
    key_ = LookupKey(k);
    return true;
  }

 private:
  Ctx Current() const { return stack_.empty() ? Ctx::kRoot : stack_.back(); }
  Ctx ChildOf(Ctx parent, bool is_object) const;
  bool Open(bool is_object);
  bool Close();
  bool Number(const JsonNumber& n);
  model::ChannelInfo Info() const;
  void DeclareTopic();
  void FinishTopic();
  void StartPost();
  void EmitPost();

  std::vector<Ctx> stack_;
  Key key_ = Key::kOther;
  bool root_seen_ = false;
  bool posts_seen_ = false;
  Status shape_;

  // The topic.
  std::string topic_id_, title_, category_key_, key_text_;
  std::optional<uint64_t> posts_count_;
  uint64_t stream_ids_ = 0;
  bool stream_seen_ = false;
  bool declared_ = false;
  uint32_t channel_ = 0;

  // The post being read.
  RecordStrings strings_;
  std::string_view number_, username_, created_at_, reply_to_, post_topic_;
  std::optional<int64_t> post_type_, user_id_;
  bool staff_ = false;
  bool has_raw_ = false;
  uint32_t text_bytes_ = 0;
  uint32_t likes_ = 0;
  std::optional<int64_t> action_id_;
  uint32_t action_count_ = 0;
  CookedFacts cooked_;
  std::vector<model::PersonRef> mentions_;
  uint64_t posts_ = 0;
};

Ctx DiscourseJsonReader::ChildOf(Ctx parent, bool is_object) const {
  switch (parent) {
    case Ctx::kRoot:
      return is_object && key_ == Key::kPostStream ? Ctx::kPostStream : Ctx::kSkip;
    case Ctx::kPostStream:
      if (!is_object && key_ == Key::kPosts)
        return Ctx::kPosts;
      return !is_object && key_ == Key::kStream ? Ctx::kStream : Ctx::kSkip;
    case Ctx::kPosts:
      return is_object ? Ctx::kPost : Ctx::kSkip;
    case Ctx::kPost:
      return !is_object && key_ == Key::kActionsSummary ? Ctx::kActions : Ctx::kSkip;
    case Ctx::kActions:
      return is_object ? Ctx::kAction : Ctx::kSkip;
    default:
      return Ctx::kSkip;
  }
}

bool DiscourseJsonReader::Open(bool is_object) {
  if (!root_seen_) {
    root_seen_ = true;
    if (!is_object) {
      shape_ = Status(StatusCode::kUnsupportedFormat, "ingest.discourse.not_topic",
                      "This is not a Discourse topic: the document is a list, where /t/{id}.json "
                      "is an object.",
                      Here());
      return false;
    }
    stack_.push_back(Ctx::kRoot);
    return true;
  }
  const Ctx child = ChildOf(Current(), is_object);
  if (child == Ctx::kPosts) {
    posts_seen_ = true;
  } else if (child == Ctx::kStream) {
    stream_seen_ = true;
  } else if (child == Ctx::kPost) {
    StartPost();
  } else if (child == Ctx::kAction) {
    action_id_.reset();
    action_count_ = 0;
  }
  stack_.push_back(child);
  key_ = Key::kOther;
  return true;
}

bool DiscourseJsonReader::Close() {
  const Ctx done = Current();
  stack_.pop_back();
  key_ = Key::kOther;
  switch (done) {
    case Ctx::kPost:
      EmitPost();
      break;
    case Ctx::kAction:
      if (action_id_ == kLikeAction)
        likes_ = AddCount(likes_, action_count_);
      break;
    case Ctx::kRoot:
      FinishTopic();
      break;
    default:
      break;
  }
  return true;
}

bool DiscourseJsonReader::Number(const JsonNumber& n) {
  const auto text = [&]() { return std::to_string(*n.integer); };
  switch (Current()) {
    case Ctx::kRoot:
      if (key_ == Key::kId && n.integer)
        topic_id_ = text();
      if (key_ == Key::kCategoryId && n.integer)
        category_key_ = "discourse:category:" + text();
      if (key_ == Key::kPostsCount && n.integer && *n.integer >= 0)
        posts_count_ = static_cast<uint64_t>(*n.integer);
      break;
    case Ctx::kStream:
      ++stream_ids_;
      break;
    case Ctx::kPost:
      if (!n.integer)
        break;
      if (key_ == Key::kPostNumber)
        number_ = strings_.Put(text());
      if (key_ == Key::kReplyTo)
        reply_to_ = strings_.Put(text());
      if (key_ == Key::kTopicId)
        post_topic_ = strings_.Put(text());
      if (key_ == Key::kPostType)
        post_type_ = n.integer;
      if (key_ == Key::kUserId)
        user_id_ = n.integer;
      break;
    case Ctx::kAction:
      if (key_ == Key::kId)
        action_id_ = n.integer;
      if (key_ == Key::kCount)
        action_count_ = n.Count();
      break;
    default:
      break;
  }
  return true;
}

bool DiscourseJsonReader::string(std::string_view value) {
  const Ctx c = Current();
  if (c == Ctx::kRoot && key_ == Key::kTitle)
    title_ = value;
  if (c != Ctx::kPost)
    return true;
  switch (key_) {
    case Key::kUsername:
      username_ = strings_.Put(value);
      break;
    case Key::kCreatedAt:
      created_at_ = strings_.Put(value);
      break;
    case Key::kRaw:
      has_raw_ = true;
      text_bytes_ = SizeCount(value.size());
      break;
    case Key::kCooked: {
      if (!has_raw_)
        text_bytes_ = VisibleHtmlBytes(value);
      const std::string_view kept = strings_.Put(value);
      cooked_ = ReadCooked(kept);
      break;
    }
    default:
      break;
  }
  return true;
}

model::ChannelInfo DiscourseJsonReader::Info() const {
  model::ChannelInfo info;
  info.key = key_text_;
  info.name = title_;
  info.parent_key = category_key_;
  info.kind = model::ChannelKind::kChat;
  return info;
}

void DiscourseJsonReader::DeclareTopic() {
  declared_ = true;
  if (topic_id_.empty())
    topic_id_ = post_topic_;
  key_text_ = topic_id_.empty() ? "discourse:file:" + std::string(context().name)
                                : "discourse:topic:" + topic_id_;
  channel_ = context().sink->OnChannel(Info());
}

void DiscourseJsonReader::FinishTopic() {
  if (declared_ && (!title_.empty() || !category_key_.empty()))
    context().sink->OnChannel(Info());  // Fills in a title and category written after the posts.
  const uint64_t expected = posts_count_.value_or(stream_seen_ ? stream_ids_ : 0);
  if (expected > posts_) {
    context().diagnostics->Add(
        "ingest.discourse.partial", base::Severity::kWarning,
        "The topic export is partial: it holds fewer posts than the topic has (Discourse sends "
        "20 posts at a time; fetch the rest with /t/{id}/posts.json or /t/{id}.json?print=true). "
        "Counted once per missing post.",
        Location{context().input, 0, 0}, expected - posts_);
  }
}

void DiscourseJsonReader::StartPost() {
  strings_.Reset();
  number_ = username_ = created_at_ = reply_to_ = post_topic_ = {};
  post_type_.reset();
  user_id_.reset();
  staff_ = has_raw_ = false;
  text_bytes_ = likes_ = 0;
  cooked_ = CookedFacts();
  mentions_.clear();
}

void DiscourseJsonReader::EmitPost() {
  if (!declared_)
    DeclareTopic();
  const std::string_view key = strings_.Put(base::AsciiLowered(username_));
  model::Message m;
  m.channel = channel_;
  m.id = number_;
  m.author.key = key;
  m.author.name = username_;
  m.author.is_bot = key == "system" || key == "discobot" || (user_id_ && *user_id_ < 0);
  m.author.is_host_hint = staff_;
  m.author.is_deleted = key.empty();
  if (post_type_ && *post_type_ >= 2 && *post_type_ <= 4) {
    m.kind = model::MessageKind::kSystem;
    m.action = model::SystemAction::kOther;
  }
  if (const auto t = base::ParseIso8601(created_at_)) {
    m.time_ms = t->ms;
    m.has_time = true;
  }
  const std::string_view topic = post_topic_.empty() ? std::string_view(topic_id_) : post_topic_;
  const bool quotes_here = cooked_.quote_topic.empty() || cooked_.quote_topic == topic;
  if (!reply_to_.empty()) {
    m.reply_to = reply_to_;
  } else if (quotes_here && !cooked_.quote_post.empty() && cooked_.quote_post != number_) {
    m.reply_to = cooked_.quote_post;
  }
  m.text_bytes = text_bytes_;
  for (std::string_view name : cooked_.mentions) {
    model::PersonRef p;
    p.key = strings_.Put(base::AsciiLowered(name));
    p.name = name;
    mentions_.push_back(p);
  }
  m.mentions = mentions_;
  m.reaction_count = likes_;
  context().sink->OnMessage(m);
  ++posts_;
}

Status DiscourseJsonReader::CheckShape() const {
  if (!shape_.ok())
    return shape_;
  if (!posts_seen_) {
    return Status(StatusCode::kUnsupportedFormat, "ingest.discourse.not_topic",
                  "This JSON has no \"post_stream\" with \"posts\", so it is not a Discourse "
                  "topic (/t/{id}.json).",
                  Location{context().input, 0, 0});
  }
  return Status::Ok();
}

}  // namespace

std::unique_ptr<Reader> MakeDiscourseJsonReader(const ReaderContext& context) {
  return std::make_unique<DiscourseJsonReader>(context);
}

bool SniffDiscourseJson(const Head& head) {
  return head.json_top == '{' &&
         (head.HasKey("post_stream") || (head.HasKey("archetype") && head.HasKey("posts_count")));
}

}  // namespace meshcheck::ingest
