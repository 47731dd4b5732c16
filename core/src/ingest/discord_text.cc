#include "ingest/discord_text.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>

#include "base/strings.h"
#include "base/time.h"
#include "ingest/dce_common.h"
#include "ingest/line_splitter.h"

namespace meshcheck::ingest {
namespace {

using base::StartsWith;
using base::TrimAscii;

constexpr size_t kKeptContentBytes = 64u << 10;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsRule(std::string_view line) {
  line = TrimAscii(line);
  return line.size() >= 10 && line.find_first_not_of('=') == std::string_view::npos;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// The number in "Messages: 1,234" or "Exported 1,234 message(s)": its digits, separators
// skipped.
std::optional<uint64_t> CountIn(std::string_view text) {
  uint64_t n = 0;
  bool any = false;
  for (char c : text) {
    if (IsDigit(c)) {
      n = n * 10 + static_cast<uint64_t>(c - '0');
      any = true;
      if (n > (uint64_t{1} << 40))
        return std::nullopt;
    } else if (any && c != ',' && c != '.' && c != ' ' && c != '\xC2' && c != '\xA0') {
      break;
    }
  }
  return any ? std::optional<uint64_t>(n) : std::nullopt;
}

// Three groups of digits and a ':' ("31-Feb-18 09:43"): a date, even if it does not parse.
bool LooksLikeDate(std::string_view text) {
  int groups = 0;
  for (size_t i = 0; i < text.size(); ++i)
    groups += IsDigit(text[i]) && (i == 0 || !IsDigit(text[i - 1]));
  return groups >= 3 && text.find(':') != std::string_view::npos;
}

struct MessageStart {
  std::string_view date, author;
};
std::optional<MessageStart> ParseMessageStart(std::string_view line) {
  if (line.empty() || line[0] != '[')
    return std::nullopt;
  const size_t close = line.find("] ");
  if (close == std::string_view::npos || close > 64)
    return std::nullopt;
  MessageStart s{line.substr(1, close - 1), TrimAscii(line.substr(close + 2))};
  if (s.author.empty() || (!base::ParseDceDate(s.date) && !LooksLikeDate(s.date)))
    return std::nullopt;
  if (base::EndsWith(s.author, " (pinned)"))
    s.author = TrimAscii(s.author.substr(0, s.author.size() - 9));
  return s;
}

class DiscordTextReader : public Reader {
 public:
  explicit DiscordTextReader(const ReaderContext& context)
      : context_(context), messages_(context) {}

  Status Push(std::string_view chunk) override {
    if (splitter_.Push(chunk, [this](std::string_view line) { return OnLine(line); }))
      return Status::Ok();
    return TooLong();
  }
  Status End() override;

 private:
  enum class Part : uint8_t { kStart, kHeader, kBody, kFooter };
  enum class Block : uint8_t { kContent, kReactions, kOther };

  Location Here() const {
    return {context_.input, splitter_.line_offset(), splitter_.line_number()};
  }
  Status TooLong() const {
    return Status(StatusCode::kLimitExceeded, "ingest.discord.line_too_long",
                  "A line of this DiscordChatExporter text file is longer than 16 MiB, beyond "
                  "the safety limit.",
                  Here());
  }
  bool OnLine(std::string_view line);
  void HeaderLine(std::string_view line);
  void BodyLine(std::string_view line);
  void ContentLine(std::string_view line);
  void Declare();
  void Flush();

  ReaderContext context_;
  LineSplitter splitter_;
  DceMessages messages_;
  Part part_ = Part::kStart;
  bool declared_ = false;
  std::string guild_, channel_, topic_;
  std::optional<uint64_t> header_count_, footer_count_;
  uint64_t stray_ = 0;
  Location first_stray_;

  // The message being read.
  bool open_ = false;
  DceRecord record_;
  std::string author_, date_, content_;  // content_: at most kKeptContentBytes.
  uint64_t content_bytes_ = 0;           // Through the last non-blank content line.
  uint64_t blank_run_ = 0;               // Blank content lines since then.
  bool has_content_ = false;
  Block block_ = Block::kContent;
  bool reactions_read_ = false;
};

bool DiscordTextReader::OnLine(std::string_view line) {
  if (splitter_.line_number() == 1 && StartsWith(line, kBom))
    line.remove_prefix(kBom.size());
  switch (part_) {
    case Part::kStart:
      if (TrimAscii(line).empty())
        break;
      if (IsRule(line)) {
        part_ = Part::kHeader;
        break;
      }
      part_ = Part::kBody;
      BodyLine(line);
      break;
    case Part::kHeader:
      HeaderLine(line);
      break;
    case Part::kBody:
      BodyLine(line);
      break;
    case Part::kFooter:
      if (StartsWith(line, "Exported "))
        footer_count_ = CountIn(line);
      break;
  }
  return true;
}

void DiscordTextReader::HeaderLine(std::string_view line) {
  if (IsRule(line)) {
    Declare();
    part_ = Part::kBody;
    return;
  }
  const size_t colon = line.find(": ");
  if (colon == std::string_view::npos)
    return;
  const std::string_view key = line.substr(0, colon);
  const std::string_view value = TrimAscii(line.substr(colon + 2));
  if (key == "Guild")
    guild_ = value;
  else if (key == "Channel")
    channel_ = value;
  else if (key == "Topic")
    topic_ = value;
  else if (key == "Messages")
    header_count_ = CountIn(value);
}

void DiscordTextReader::Declare() {
  if (declared_)
    return;
  declared_ = true;
  messages_.DeclareChannel(channel_, guild_, topic_);
}

void DiscordTextReader::BodyLine(std::string_view line) {
  if (IsRule(line)) {
    Flush();
    part_ = Part::kFooter;
    return;
  }
  if (const auto start = ParseMessageStart(line)) {
    Flush();
    Declare();
    open_ = true;
    author_ = start->author;
    date_ = start->date;
    record_ = DceRecord();
    record_.at = Here();
    content_.clear();
    content_bytes_ = blank_run_ = 0;
    has_content_ = reactions_read_ = false;
    block_ = Block::kContent;
    return;
  }
  if (!open_) {
    if (!TrimAscii(line).empty() && stray_++ == 0)
      first_stray_ = Here();
    return;
  }
  const std::string_view trimmed = TrimAscii(line);
  if (trimmed == "{Reactions}") {
    block_ = Block::kReactions;
  } else if (trimmed == "{Attachments}" || trimmed == "{Embed}" || trimmed == "{Stickers}") {
    block_ = Block::kOther;
  } else if (block_ == Block::kContent) {
    ContentLine(line);
  } else if (block_ == Block::kReactions && !reactions_read_ && !trimmed.empty()) {
    reactions_read_ = true;
    record_.reactions = DceTextReactionCount(line);
  }
}

void DiscordTextReader::ContentLine(std::string_view line) {
  if (line.empty()) {
    ++blank_run_;
    return;
  }
  // Each blank line before this one is a '\n'; so is the break after the previous line.
  const uint64_t breaks = blank_run_ + (has_content_ ? 1 : 0);
  content_bytes_ += breaks + line.size();
  if (content_.size() < kKeptContentBytes) {
    content_.append(std::min<uint64_t>(breaks, kKeptContentBytes), '\n');
    content_.append(line.substr(0, kKeptContentBytes));
  }
  blank_run_ = 0;
  has_content_ = true;
}

void DiscordTextReader::Flush() {
  if (!open_)
    return;
  open_ = false;
  record_.author = author_;
  record_.date = date_;
  record_.content = content_;
  record_.content_bytes = content_bytes_;
  messages_.Emit(record_);
}

Status DiscordTextReader::End() {
  if (!splitter_.Finish([this](std::string_view line) { return OnLine(line); }))
    return TooLong();
  Flush();
  if (!declared_) {
    if (part_ != Part::kHeader) {
      return Status(StatusCode::kUnsupportedFormat, "ingest.discord.not_dce_text",
                    "This text is not a DiscordChatExporter PlainText export: it has neither "
                    "the \"Guild:\" header nor any \"[date] Author\" message line.",
                    Location{context_.input, 0, 0});
    }
    Declare();  // A header cut off before its closing rule.
  }
  if (stray_ > 0) {
    context_.diagnostics->Add("ingest.discord.stray_line", base::Severity::kWarning,
                              "Lines before the first message that are not part of the "
                              "DiscordChatExporter header were skipped.",
                              first_stray_, stray_);
  }
  const uint64_t read = messages_.messages();
  for (const auto& count : {header_count_, footer_count_}) {
    if (count && *count != read) {
      context_.diagnostics->Add("ingest.discord.count_mismatch", base::Severity::kWarning,
                                "The file states how many messages it holds, and that number "
                                "differs from the messages found: it may be cut off or edited.",
                                Location{context_.input, 0, 0});
    }
  }
  messages_.Finish();
  return Status::Ok();
}

}  // namespace

uint32_t DceTextReactionCount(std::string_view line) {
  uint64_t total = 0;
  uint64_t last = 0;  // The count of the previous emoji, 1 until "(n)" says otherwise.
  size_t i = 0;
  while (i < line.size()) {
    const size_t end = std::min(line.find(' ', i), line.size());
    const std::string_view token = line.substr(i, end - i);
    i = end + 1;
    if (token.empty())
      continue;
    uint64_t n = 0;
    const bool count = token.size() > 2 && token.front() == '(' && token.back() == ')' &&
                       std::from_chars(token.data() + 1, token.data() + token.size() - 1, n).ptr ==
                           token.data() + token.size() - 1;
    if (count && last == 1) {
      total = total - 1 + std::min<uint64_t>(n, UINT32_MAX);  // Replaces the 1 counted.
      last = 0;
    } else {
      total += 1;
      last = 1;
    }
  }
  return static_cast<uint32_t>(std::min<uint64_t>(total, UINT32_MAX));
}

std::unique_ptr<Reader> MakeDiscordTextReader(const ReaderContext& context) {
  return std::make_unique<DiscordTextReader>(context);
}

bool SniffDiscordText(const Head& head) {
  const auto lines = head.Lines(3);
  return lines.size() == 3 && IsRule(lines[0]) && StartsWith(lines[1], "Guild: ") &&
         StartsWith(lines[2], "Channel: ");
}

}  // namespace meshcheck::ingest
