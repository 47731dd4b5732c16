#include "ingest/mbox.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/encoding.h"
#include "base/strings.h"
#include "base/time.h"
#include "ingest/limits.h"
#include "ingest/line_splitter.h"

namespace meshcheck::ingest {
namespace {

using base::EqualsIgnoreCase;
using base::StartsWith;
using base::TrimAscii;

constexpr size_t kMaxPreambleLines = 100;

// ---- Lines.

bool IsDayName(std::string_view word) {
  static constexpr std::string_view kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  for (std::string_view d : kDays) {
    if (base::StartsWithIgnoreCase(word, d))
      return true;
  }
  return false;
}

// "From <sender> <asctime date>": the sender and the date, or false. The date is the last
// part of the line that starts with a day name and reads as a date (a sender may be "fri at x").
bool ParseSeparator(std::string_view line, std::string_view* sender, std::string_view* date) {
  if (!StartsWith(line, "From "))
    return false;
  bool found = false;
  for (size_t at = line.find(' ', 5); at != std::string_view::npos; at = line.find(' ', at + 1)) {
    const std::string_view candidate = TrimAscii(line.substr(at));
    const std::string_view before = TrimAscii(line.substr(5, at - 5));
    if (before.empty() || candidate.empty() || !IsDayName(candidate) ||
        !base::ParseRfc2822(candidate)) {
      continue;
    }
    *sender = before;
    *date = candidate;
    found = true;
  }
  return found;
}

// "Name: value" with a field name of printable ASCII.
bool SplitHeader(std::string_view line, std::string_view* name, std::string_view* value) {
  const size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos)
    return false;
  for (size_t i = 0; i < colon; ++i) {
    if (line[i] <= ' ' || line[i] > '~')
      return false;
  }
  *name = line.substr(0, colon);
  *value = line.substr(colon + 1);
  return true;
}

// ---- Header values.

// The first "<...>" of `value` (without brackets), or empty.
std::string_view FirstId(std::string_view value) {
  const size_t open = value.find('<');
  const size_t close = open == std::string_view::npos ? open : value.find('>', open);
  if (close == std::string_view::npos || close == open + 1)
    return {};
  return value.substr(open + 1, close - open - 1);
}

// Every "<...>" of `value`, in order.
template <class OnId>
void ForEachId(std::string_view value, OnId&& on_id) {
  while (!value.empty()) {
    const std::string_view id = FirstId(value);
    if (id.empty())
      return;
    on_id(id);
    value.remove_prefix(static_cast<size_t>(id.data() + id.size() + 1 - value.data()));
  }
}

struct Sender {
  std::string address;  // Lower-cased; empty if absent or mangled.
  std::string name;
};

bool PlausibleAddress(std::string_view a) {
  const size_t at = a.find('@');
  return at != std::string_view::npos && at > 0 && a.find('@', at + 1) == std::string_view::npos &&
         a.find('.', at) != std::string_view::npos && a.back() != '.' &&
         a.find_first_of(" |<>()\",;") == std::string_view::npos;
}

// "user at domain" -> "user@domain".
std::string Deobfuscated(std::string_view a) {
  a = TrimAscii(a);
  const size_t at = a.find(" at ");
  if (at == std::string_view::npos || a.find('@') != std::string_view::npos)
    return std::string(a);
  std::string out(a.substr(0, at));
  out.push_back('@');
  out.append(a.substr(at + 4));
  return out;
}

// "Name <addr>", "\"Name\" <addr>", "addr (Name)", "user at domain (Name)", "addr".
Sender ParseSender(std::string_view value, size_t* repaired) {
  value = TrimAscii(value);
  std::string_view address = value, name;
  const size_t lt = value.rfind('<');
  const size_t paren = value.find('(');
  if (lt != std::string_view::npos && value.find('>', lt) != std::string_view::npos) {
    address = value.substr(lt + 1, value.find('>', lt) - lt - 1);
    name = TrimAscii(value.substr(0, lt));
  } else if (paren != std::string_view::npos) {
    address = value.substr(0, paren);
    const size_t close = value.rfind(')');
    name = value.substr(
        paren + 1,
        (close == std::string_view::npos || close < paren ? value.size() : close) - paren - 1);
  }
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
    name = name.substr(1, name.size() - 2);
  std::string unescaped;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '\\' && i + 1 < name.size())
      ++i;
    unescaped.push_back(name[i]);
  }
  Sender s;
  size_t bad = 0;
  s.name = std::string(TrimAscii(base::DecodeEncodedWords(unescaped, &bad)));
  *repaired += bad;
  const std::string deobfuscated = Deobfuscated(address);
  if (PlausibleAddress(deobfuscated))
    s.address = base::AsciiLowered(deobfuscated);
  if (s.name.empty())
    s.name = s.address;
  return s;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// List software and robots.
bool IsRobot(const Sender& s) {
  const std::string_view local = std::string_view(s.address).substr(0, s.address.find('@'));
  static constexpr std::string_view kSuffixes[] = {"-bounces", "-request", "-confirm"};
  for (std::string_view suffix : kSuffixes) {
    if (base::EndsWith(local, suffix))
      return true;
  }
  static constexpr std::string_view kWords[] = {"mailman",    "noreply",      "no-reply",
                                                "donotreply", "do-not-reply", "mailer-daemon",
                                                "postmaster", "majordomo",    "listserv"};
  const std::string name = base::AsciiLowered(s.name);
  for (std::string_view w : kWords) {
    if (Contains(local, w) || Contains(name, w))
      return true;
  }
  return Contains(name, "mail delivery");
}

bool IsListOwner(const Sender& s) {
  const std::string_view local = std::string_view(s.address).substr(0, s.address.find('@'));
  return base::EndsWith(local, "-owner") || base::EndsWith(local, "-admin");
}

// The subject without "[List]" tags and "Re:"/"Fwd:" prefixes, spaces collapsed, lower-cased.
std::string NormalizedSubject(std::string_view subject) {
  static constexpr std::string_view kPrefixes[] = {"re:", "fwd:", "fw:", "aw:", "sv:", "antw:"};
  for (bool changed = true; changed;) {
    changed = false;
    subject = TrimAscii(subject);
    if (StartsWith(subject, "[")) {
      const size_t close = subject.find(']');
      if (close != std::string_view::npos) {
        subject.remove_prefix(close + 1);
        changed = true;
      }
    }
    for (std::string_view p : kPrefixes) {
      if (base::StartsWithIgnoreCase(subject, p)) {
        subject.remove_prefix(p.size());
        changed = true;
      }
    }
  }
  std::string out;
  for (char c : subject) {
    const bool space = c == ' ' || c == '\t';
    if (space && (out.empty() || out.back() == ' '))
      continue;
    out.push_back(space ? ' ' : base::AsciiLower(c));
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

// The channel of a file without List-Id: its name without folders and extension.
std::string FileStem(std::string_view path) {
  const size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0)
    name = name.substr(0, dot);
  return std::string(name);
}

// ---- The reader.

enum class Field : uint8_t {
  kOther,
  kFrom,
  kDate,
  kMessageId,
  kInReplyTo,
  kReferences,
  kSubject,
  kListId
};

Field FieldOf(std::string_view name) {
  struct Entry {
    std::string_view name;
    Field field;
  };
  static constexpr Entry kFields[] = {{"From", Field::kFrom},
                                      {"Date", Field::kDate},
                                      {"Message-ID", Field::kMessageId},
                                      {"In-Reply-To", Field::kInReplyTo},
                                      {"References", Field::kReferences},
                                      {"Subject", Field::kSubject},
                                      {"List-Id", Field::kListId}};
  for (const Entry& e : kFields) {
    if (EqualsIgnoreCase(name, e.name))
      return e.field;
  }
  return Field::kOther;
}

// One message while its lines arrive.
struct Draft {
  std::string separator_sender, separator_date;
  std::string from, date, message_id, in_reply_to, subject, list_id;
  std::string first_reference, last_reference;
  uint64_t body_bytes = 0;
  Location at;
};

enum class State : uint8_t { kPreamble, kHeaders, kBody };

class MboxReader : public Reader {
 public:
  explicit MboxReader(const ReaderContext& context) : context_(context) {}

  Status Push(std::string_view chunk) override {
    if (!error_.ok())
      return error_;
    if (!lines_.Push(chunk, [this](std::string_view line) { return OnLine(line); }))
      return LineError();
    return Status::Ok();
  }

  Status End() override;

 private:
  Location Here() const { return {context_.input, lines_.line_offset(), lines_.line_number()}; }
  Status LineError();
  Status NotMbox();
  bool OnLine(std::string_view line);
  void ReleaseHeld();
  void StartMessage();
  std::string* FieldText(Field field);
  void OnHeaderLine(std::string_view line);
  void AppendField(std::string_view text);
  void FinishMessage();
  void DeclareChannel();
  void Date(model::Message* m);
  void Diagnose(const char* id, base::Severity severity, const char* message);

  ReaderContext context_;
  LineSplitter lines_;
  Status error_;
  State state_ = State::kPreamble;
  uint64_t preamble_lines_ = 0;

  // A separator line waiting for the next line to show it starts a message.
  bool holding_ = false;
  std::string held_line_;
  Location held_at_;

  bool has_draft_ = false;
  Draft draft_;
  Field open_field_ = Field::kOther;  // Where header continuation lines go.

  bool channel_declared_ = false;
  uint32_t channel_ = 0;
  uint64_t messages_ = 0;
  size_t repaired_ = 0;
  std::unordered_map<std::string, std::string> thread_of_subject_;
};

Status MboxReader::LineError() {
  if (lines_.too_long()) {
    error_ = Status(StatusCode::kLimitExceeded, "ingest.mbox.line_too_long",
                    "A line of this mailbox is longer than " + BytesText(kMaxLineBytes) +
                        "; it was not read further.",
                    Here());
  }
  return error_;
}

Status MboxReader::NotMbox() {
  error_ = Status(StatusCode::kUnsupportedFormat, "ingest.mbox.not_mbox",
                  "This is not an mbox or Pipermail archive: no \"From \" line with a sender and "
                  "a date, followed by mail headers, starts a message.",
                  Here());
  return error_;
}

Status MboxReader::End() {
  if (!error_.ok())
    return error_;
  if (!lines_.Finish([this](std::string_view line) { return OnLine(line); }))
    return LineError();
  ReleaseHeld();
  if (messages_ == 0 && !has_draft_)
    return NotMbox();
  if (state_ == State::kHeaders) {
    context_.diagnostics->Add("ingest.mbox.truncated", base::Severity::kWarning,
                              "The file ends inside the headers of its last message (it looks "
                              "cut off); that message was kept.",
                              Here());
  }
  FinishMessage();
  if (repaired_ > 0) {
    context_.diagnostics->Add("ingest.invalid_utf8", base::Severity::kWarning,
                              "Invalid UTF-8 byte sequences were replaced by U+FFFD.",
                              Location{context_.input, 0, 0}, repaired_);
  }
  return Status::Ok();
}

bool MboxReader::OnLine(std::string_view line) {
  if (holding_) {
    std::string_view name, value;
    if (SplitHeader(line, &name, &value)) {
      StartMessage();
      OnHeaderLine(line);
      return true;
    }
    ReleaseHeld();
    if (!error_.ok())
      return false;
  }
  std::string_view sender, date;
  if (ParseSeparator(line, &sender, &date)) {
    holding_ = true;
    held_line_.assign(line);
    held_at_ = Here();
    return true;
  }
  switch (state_) {
    case State::kPreamble:
      if (!TrimAscii(line).empty() && ++preamble_lines_ > kMaxPreambleLines) {
        NotMbox();
        return false;
      }
      return true;
    case State::kHeaders:
      if (TrimAscii(line).empty()) {
        state_ = State::kBody;
      } else if (line[0] == ' ' || line[0] == '\t') {
        AppendField(line);
      } else if (std::string_view name, value; SplitHeader(line, &name, &value)) {
        OnHeaderLine(line);
      } else {
        state_ = State::kBody;  // Not a header: the body starts without its blank line.
        draft_.body_bytes += line.size() + 1;
      }
      return true;
    case State::kBody:
      draft_.body_bytes += line.size() + 1;
      return true;
  }
  return true;
}

// A held separator not followed by headers: a body line after all.
void MboxReader::ReleaseHeld() {
  if (!holding_)
    return;
  holding_ = false;
  if (state_ == State::kBody || state_ == State::kHeaders) {
    draft_.body_bytes += held_line_.size() + 1;
  } else if (++preamble_lines_ > kMaxPreambleLines) {
    NotMbox();
  }
}

void MboxReader::StartMessage() {
  holding_ = false;
  FinishMessage();
  if (state_ == State::kPreamble && preamble_lines_ > 0) {
    context_.diagnostics->Add("ingest.mbox.text_before_first_message", base::Severity::kWarning,
                              "Lines before the first message were skipped.",
                              Location{context_.input, 0, 1}, preamble_lines_);
  }
  has_draft_ = true;
  draft_ = Draft();
  std::string_view sender, date;
  ParseSeparator(held_line_, &sender, &date);
  draft_.separator_sender.assign(sender);
  draft_.separator_date.assign(date);
  draft_.at = held_at_;
  state_ = State::kHeaders;
}

std::string* MboxReader::FieldText(Field field) {
  switch (field) {
    case Field::kFrom:
      return &draft_.from;
    case Field::kDate:
      return &draft_.date;
    case Field::kMessageId:
      return &draft_.message_id;
    case Field::kInReplyTo:
      return &draft_.in_reply_to;
    case Field::kSubject:
      return &draft_.subject;
    case Field::kListId:
      return &draft_.list_id;
    case Field::kReferences:
    case Field::kOther:
      break;
  }
  return nullptr;
}

void MboxReader::OnHeaderLine(std::string_view line) {
  std::string_view name, value;
  SplitHeader(line, &name, &value);
  open_field_ = FieldOf(name);
  if (std::string* text = FieldText(open_field_)) {
    text->clear();  // A repeated header: the last one counts.
  } else if (open_field_ == Field::kReferences) {
    draft_.first_reference.clear();
    draft_.last_reference.clear();
  }
  AppendField(value);
}

void MboxReader::AppendField(std::string_view text) {
  if (open_field_ == Field::kReferences) {
    // Ids never straddle a folded line: keep only the first and the last.
    ForEachId(text, [this](std::string_view id) {
      if (draft_.first_reference.empty())
        draft_.first_reference.assign(id.substr(0, kMboxMaxHeaderBytes));
      draft_.last_reference.assign(id.substr(0, kMboxMaxHeaderBytes));
    });
    return;
  }
  std::string* target = FieldText(open_field_);
  if (!target || target->size() >= kMboxMaxHeaderBytes)
    return;
  if (!target->empty())
    target->push_back(' ');
  target->append(TrimAscii(text).substr(0, kMboxMaxHeaderBytes - target->size()));
}

void MboxReader::DeclareChannel() {
  channel_declared_ = true;
  const std::string_view list_id = FirstId(draft_.list_id);
  model::ChannelInfo info;
  std::string key, name;
  if (!list_id.empty()) {
    key = "list:" + base::AsciiLowered(list_id);
    const size_t lt = draft_.list_id.find('<');
    name = std::string(TrimAscii(base::DecodeEncodedWords(draft_.list_id.substr(0, lt))));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
      name = name.substr(1, name.size() - 2);
    if (name.empty())
      name = std::string(list_id);
  } else {
    name = FileStem(context_.name);
    key = "mbox:" + name;
  }
  info.key = key;
  info.name = name;
  info.group_key = key;
  info.group_name = name;
  info.kind = model::ChannelKind::kForum;
  channel_ = context_.sink->OnChannel(info);
}

void MboxReader::Diagnose(const char* id, base::Severity severity, const char* message) {
  context_.diagnostics->Add(id, severity, message, draft_.at);
}

void MboxReader::Date(model::Message* m) {
  std::optional<base::ParsedTime> t = base::ParseRfc2822(draft_.date);
  if (!t) {
    t = base::ParseRfc2822(draft_.separator_date);
    Diagnose("ingest.mbox.date_from_separator", base::Severity::kWarning,
             "Messages without a readable Date header were dated by their \"From \" line "
             "(the archive server's clock, zone unknown).");
  }
  if (!t)
    return;  // Not reached: ParseSeparator checked the separator's date.
  m->time_ms = t->ms;
  m->has_time = true;
  if (!t->has_offset) {
    Diagnose("ingest.mbox.no_zone", base::Severity::kInfo,
             "Dates without a time zone (or with an impossible one) were read as UTC.");
  }
}

void MboxReader::FinishMessage() {
  if (!has_draft_)
    return;
  has_draft_ = false;
  if (!channel_declared_)
    DeclareChannel();
  const Sender sender =
      ParseSender(draft_.from.empty() ? draft_.separator_sender : draft_.from, &repaired_);
  model::Message m;
  m.channel = channel_;
  m.author.key = sender.address;
  m.author.name = sender.name;
  m.author.is_bot = IsRobot(sender);
  m.author.is_host_hint = IsListOwner(sender);
  Date(&m);
  std::string_view id = FirstId(draft_.message_id);
  if (id.empty())
    id = TrimAscii(draft_.message_id);
  m.id = id;
  m.reply_to = FirstId(draft_.in_reply_to);
  if (m.reply_to.empty())
    m.reply_to = draft_.last_reference;
  if (m.reply_to == id)
    m.reply_to = {};
  // The thread: the root of References; else that of an earlier message with this subject.
  const std::string subject = NormalizedSubject(base::DecodeEncodedWords(draft_.subject));
  std::string_view thread = draft_.first_reference;
  if (thread.empty() && m.reply_to.empty() && !subject.empty()) {
    const auto found = thread_of_subject_.find(subject);
    if (found != thread_of_subject_.end())
      thread = found->second;
  }
  const std::string_view root = !thread.empty() ? thread : !m.reply_to.empty() ? m.reply_to : id;
  if (!subject.empty() && !root.empty())
    thread_of_subject_.try_emplace(subject, std::string(root));
  m.thread = thread == id ? std::string_view() : thread;
  m.text_bytes = static_cast<uint32_t>(std::min<uint64_t>(draft_.body_bytes, UINT32_MAX));
  context_.sink->OnMessage(m);
  ++messages_;
}

}  // namespace

std::unique_ptr<Reader> MakeMboxReader(const ReaderContext& context) {
  return std::make_unique<MboxReader>(context);
}

bool SniffMbox(const Head& head) {
  const std::vector<std::string_view> lines = head.Lines(8);
  size_t first = 0;
  while (first < lines.size() && TrimAscii(lines[first]).empty())
    ++first;
  std::string_view sender, date, name, value;
  return first + 1 < lines.size() && ParseSeparator(lines[first], &sender, &date) &&
         SplitHeader(lines[first + 1], &name, &value);
}

}  // namespace meshcheck::ingest
