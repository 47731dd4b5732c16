#include "ingest/whatsapp_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/strings.h"
#include "base/time.h"
#include "base/utf8.h"
#include "ingest/limits.h"
#include "ingest/line_splitter.h"

namespace meshcheck::ingest {
namespace {

using base::EqualsIgnoreCase;
using model::SystemAction;

constexpr size_t kMaxLinesBeforeFirstMessage = 1000;
constexpr size_t kMaxNameBytes = 128;     // Longer "names" are not names.
constexpr uint32_t kNobody = UINT32_MAX;  // Author index of notices.

// ---- Bytes: invisible marks and spaces.

unsigned char Byte(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]);
}

// Length of the invisible mark at s[i] (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, U+FEFF),
// or 0.
size_t MarkAt(std::string_view s, size_t i) {
  if (i + 3 > s.size() || (Byte(s, i) != 0xE2 && Byte(s, i) != 0xEF))
    return 0;
  const unsigned char b0 = Byte(s, i), b1 = Byte(s, i + 1), b2 = Byte(s, i + 2);
  if (b0 == 0xE2 && b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE)))
    return 3;
  if (b0 == 0xE2 && b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)
    return 3;
  return b0 == 0xEF && b1 == 0xBB && b2 == 0xBF ? 3 : 0;
}

// Length of the space at s[i] (' ', NBSP, U+202F, U+2009), or 0.
size_t SpaceAt(std::string_view s, size_t i) {
  if (i >= s.size())
    return 0;
  if (s[i] == ' ')
    return 1;
  if (i + 2 <= s.size() && Byte(s, i) == 0xC2 && Byte(s, i + 1) == 0xA0)
    return 2;
  if (i + 3 <= s.size() && Byte(s, i) == 0xE2 && Byte(s, i + 1) == 0x80 &&
      (Byte(s, i + 2) == 0xAF || Byte(s, i + 2) == 0x89)) {
    return 3;
  }
  return 0;
}

// `s` without leading and trailing marks and spaces.
std::string_view Trimmed(std::string_view s) {
  for (;;) {
    const size_t n = std::max(MarkAt(s, 0), SpaceAt(s, 0));
    if (n == 0 || s.empty())
      break;
    s.remove_prefix(n);
  }
  for (;;) {
    size_t n = 0;
    for (size_t len : {size_t{1}, size_t{2}, size_t{3}}) {
      if (s.size() >= len &&
          (MarkAt(s, s.size() - len) == len || SpaceAt(s, s.size() - len) == len))
        n = len;
    }
    if (n == 0)
      break;
    s.remove_suffix(n);
  }
  return s;
}

// `s` without leading marks (iOS puts U+200E before media placeholders and notices).
std::string_view WithoutLeadingMarks(std::string_view s) {
  while (const size_t n = MarkAt(s, 0))
    s.remove_prefix(n);
  return s;
}

// ---- Message lines: "d/m/yy, HH:mm - " (Android) and "[d/m/yy, HH:mm:ss] " (iOS).

enum class Layout : uint8_t { kAndroid, kIos };
enum class Clock : uint8_t { k24h, kAmPm, kDottedAmPm };

struct Stamp {
  uint32_t a = 0, b = 0;  // The first two date fields (year-first: month and day).
  int64_t year = 0;
  uint8_t shape = 0;  // Separator, year position and width: see ShapeOf.
  char separator = '/';
  bool year_first = false;
  int64_t ms_of_day = 0;
  Clock clock = Clock::k24h;
};

struct MessageLine {
  Layout layout = Layout::kAndroid;
  Stamp stamp;
  std::string_view rest;  // After the header.
};

constexpr size_t kShapes = 16;

uint8_t ShapeOf(char separator, bool year_first, bool four_digit_year) {
  const int sep = separator == '/' ? 0 : separator == '.' ? 1 : 2;
  return static_cast<uint8_t>(sep | (year_first ? 4 : 0) | (four_digit_year ? 8 : 0));
}

bool ValidDate(int64_t year, uint32_t month, uint32_t day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= base::DaysInMonth(year, month);
}

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}

  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[i_]; }
  std::string_view Rest() const { return s_.substr(std::min(i_, s_.size())); }
  bool Take(char c) {
    if (Peek() != c)
      return false;
    ++i_;
    return true;
  }
  void SkipMarks() {
    while (size_t n = MarkAt(s_, i_))
      i_ += n;
  }
  // Skips spaces and marks; returns the number of spaces skipped.
  size_t SkipSpaces() {
    size_t spaces = 0;
    for (;;) {
      if (size_t n = SpaceAt(s_, i_)) {
        i_ += n;
        ++spaces;
      } else if (size_t m = MarkAt(s_, i_)) {
        i_ += m;
      } else {
        return spaces;
      }
    }
  }
  // min..max ASCII digits.
  bool Digits(size_t min, size_t max, uint32_t* value, size_t* count) {
    uint32_t v = 0;
    size_t n = 0;
    while (n < max && i_ + n < s_.size() && s_[i_ + n] >= '0' && s_[i_ + n] <= '9')
      v = v * 10 + static_cast<uint32_t>(s_[i_ + n++] - '0');
    if (n < min || (i_ + n < s_.size() && s_[i_ + n] >= '0' && s_[i_ + n] <= '9'))
      return false;
    i_ += n;
    *value = v;
    *count = n;
    return true;
  }
  // "AM", "pm", "a.m.", "a. m." (spaces may be NBSP).
  bool AmPm(bool* pm, bool* dotted) {
    const char c = static_cast<char>(Peek() | 0x20);
    if (c != 'a' && c != 'p')
      return false;
    const size_t start = i_++;
    *dotted = Take('.');
    SkipSpaces();
    if ((Peek() | 0x20) != 'm') {
      i_ = start;
      return false;
    }
    ++i_;
    *dotted |= Take('.');
    *pm = c == 'p';
    return true;
  }
  // The en dash U+2013 some locales write instead of '-'.
  bool TakeDash() {
    if (Take('-'))
      return true;
    if (i_ + 3 <= s_.size() && Byte(s_, i_) == 0xE2 && Byte(s_, i_ + 1) == 0x80 &&
        Byte(s_, i_ + 2) == 0x93) {
      i_ += 3;
      return true;
    }
    return false;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

bool ReadDate(Cursor* c, Stamp* st) {
  uint32_t f1, f2, f3;
  size_t n1, n2, n3;
  if (!c->Digits(1, 4, &f1, &n1) || n1 == 3)
    return false;
  const char sep = c->Peek();
  if (sep != '/' && sep != '.' && sep != '-')
    return false;
  c->Take(sep);
  c->Take(' ');
  if (!c->Digits(1, 2, &f2, &n2) || !c->Take(sep))
    return false;
  c->Take(' ');
  if (!c->Digits(1, 4, &f3, &n3))
    return false;
  c->Take('.');  // "31.12.20."
  st->separator = sep;
  st->year_first = n1 == 4;
  if (st->year_first) {
    if (n3 > 2)
      return false;
    st->year = f1;
    st->a = f2;
    st->b = f3;
  } else {
    if (n3 != 2 && n3 != 4)
      return false;
    st->year = n3 == 2 ? 2000 + f3 : f3;
    st->a = f1;
    st->b = f2;
  }
  st->shape = ShapeOf(sep, st->year_first, st->year_first || n3 == 4);
  if (st->year_first)
    return ValidDate(st->year, st->a, st->b);
  return ValidDate(st->year, st->a, st->b) || ValidDate(st->year, st->b, st->a);
}

bool ReadTime(Cursor* c, Stamp* st) {
  uint32_t h, m, s = 0;
  size_t n;
  if (!c->Digits(1, 2, &h, &n))
    return false;
  const char sep = c->Peek();
  if ((sep != ':' && sep != '.') || !c->Take(sep) || !c->Digits(2, 2, &m, &n))
    return false;
  if (c->Take(sep) && !c->Digits(2, 2, &s, &n))
    return false;
  Cursor before_marker = *c;
  c->SkipSpaces();
  bool pm = false, dotted = false;
  if (c->AmPm(&pm, &dotted)) {
    if (h > 12)
      return false;
    h = h % 12 + (pm ? 12 : 0);
    st->clock = dotted ? Clock::kDottedAmPm : Clock::kAmPm;
  } else {
    *c = before_marker;
    st->clock = Clock::k24h;
  }
  if (h > 23 || m > 59 || s > 59)
    return false;
  st->ms_of_day = h * base::kMsPerHour + m * base::kMsPerMinute + s * base::kMsPerSecond;
  return true;
}

bool ParseMessageLine(std::string_view line, MessageLine* out) {
  Cursor c(line);
  c.SkipMarks();
  const bool bracket = c.Take('[');
  c.SkipMarks();
  if (!ReadDate(&c, &out->stamp))
    return false;
  const bool comma = c.Take(',');
  if (c.SkipSpaces() == 0 && !comma)
    return false;
  if (!ReadTime(&c, &out->stamp))
    return false;
  if (bracket) {
    c.SkipMarks();
    if (!c.Take(']') || (c.SkipSpaces() == 0 && !c.AtEnd()))
      return false;
  } else {
    if (c.SkipSpaces() == 0 || !c.TakeDash() || (c.SkipSpaces() == 0 && !c.AtEnd()))
      return false;
  }
  out->layout = bracket ? Layout::kIos : Layout::kAndroid;
  out->rest = c.Rest();
  return true;
}

// ---- What a message line says.

enum class Where : uint8_t {
  kStart,     // The sentence starts with the phrase; nobody acts.
  kContains,  // "<actor><phrase>...".
  kSuffix,    // "<actor><phrase>" and nothing after.
  kObjects,   // "<actor><phrase><person>, <person> and <person>".
};
enum class Who : uint8_t { kNoOne, kYou, kActor, kObjects };

struct Phrase {
  std::string_view text;
  Where where;
  SystemAction action;
  Who who;
};

constexpr Phrase kPhrases[] = {
    {"Messages and calls are end-to-end encrypted", Where::kStart, SystemAction::kOther,
     Who::kNoOne},
    {"Messages to this group are now secured with end-to-end encryption", Where::kStart,
     SystemAction::kOther, Who::kNoOne},
    {"Messages you send to this group are now secured with end-to-end encryption", Where::kStart,
     SystemAction::kOther, Who::kNoOne},
    {"Messages to this chat and calls are now secured with end-to-end encryption", Where::kStart,
     SystemAction::kOther, Who::kNoOne},
    {"Messages you send to this chat and calls are now secured with end-to-end encryption",
     Where::kStart, SystemAction::kOther, Who::kNoOne},
    {"Your security code with ", Where::kStart, SystemAction::kOther, Who::kNoOne},
    {"You were added", Where::kStart, SystemAction::kJoin, Who::kYou},
    {"You're now an admin", Where::kStart, SystemAction::kOther, Who::kYou},
    {" created group ", Where::kContains, SystemAction::kOther, Who::kActor},
    {" created this group", Where::kContains, SystemAction::kOther, Who::kActor},
    {" changed the subject ", Where::kContains, SystemAction::kOther, Who::kActor},
    {" changed this group's icon", Where::kContains, SystemAction::kOther, Who::kActor},
    {" deleted this group's icon", Where::kContains, SystemAction::kOther, Who::kActor},
    {" changed the group description", Where::kContains, SystemAction::kOther, Who::kActor},
    {" deleted the group description", Where::kContains, SystemAction::kOther, Who::kActor},
    {" changed this group's settings", Where::kContains, SystemAction::kOther, Who::kActor},
    {"'s security code changed", Where::kContains, SystemAction::kOther, Who::kActor},
    {" changed their phone number", Where::kContains, SystemAction::kOther, Who::kActor},
    {" updated the message timer", Where::kContains, SystemAction::kOther, Who::kActor},
    {" turned on disappearing messages", Where::kContains, SystemAction::kOther, Who::kActor},
    {" turned off disappearing messages", Where::kContains, SystemAction::kOther, Who::kActor},
    {" pinned a message", Where::kContains, SystemAction::kOther, Who::kActor},
    {" is a contact", Where::kSuffix, SystemAction::kOther, Who::kActor},
    {" joined using this group's invite link", Where::kSuffix, SystemAction::kJoin, Who::kActor},
    {" joined", Where::kSuffix, SystemAction::kJoin, Who::kActor},
    {" left", Where::kSuffix, SystemAction::kLeave, Who::kActor},
    {" added ", Where::kObjects, SystemAction::kJoin, Who::kObjects},
    {" removed ", Where::kObjects, SystemAction::kLeave, Who::kObjects},
};

struct SystemLine {
  SystemAction action = SystemAction::kOther;
  bool notice = false;     // A fixed sentence nobody in particular says (E2E notices).
  std::string_view actor;  // Who did it; empty for notices.
  std::string_view phrase;
  std::string_view after;                // The text after the phrase.
  std::vector<std::string_view> people;  // Whom it is about: one system message each.
};

// "Bob, Carol and you" -> Bob, Carol, You.
void SplitPeople(std::string_view list, std::vector<std::string_view>* out) {
  while (!list.empty()) {
    size_t cut = list.find(", ");
    size_t skip = 2;
    const size_t and_at = list.find(" and ");
    if (and_at < cut) {
      cut = and_at;
      skip = 5;
    }
    const std::string_view person = Trimmed(list.substr(0, cut));
    if (!person.empty())
      out->push_back(EqualsIgnoreCase(person, "you") ? std::string_view("You") : person);
    if (cut == std::string_view::npos)
      break;
    list.remove_prefix(cut + skip);
  }
}

bool IsInner(const Phrase& p) {
  return p.where == Where::kContains || p.where == Where::kObjects;
}

// Whether any phrase that may stand inside the sentence (kContains, kObjects) occurs in `text`:
// one pass, comparing at each byte pair only the phrases that start with it.
bool HoldsInnerPhrase(std::string_view text) {
  struct Index {
    std::array<bool, 256> first{};             // Bytes an inner phrase starts with.
    std::array<uint8_t, 1 << 16> pair_list{};  // First two bytes -> 1 + index in lists.
    std::vector<std::vector<std::string_view>> lists;
    Index() {
      for (const Phrase& p : kPhrases) {
        if (!IsInner(p))
          continue;
        first[Byte(p.text, 0)] = true;
        uint8_t& list = pair_list[Pair(p.text, 0)];
        if (list == 0) {
          lists.emplace_back();
          list = static_cast<uint8_t>(lists.size());
        }
        lists[list - 1].push_back(p.text);
      }
    }
    static size_t Pair(std::string_view s, size_t i) {
      return static_cast<size_t>(Byte(s, i)) << 8 | Byte(s, i + 1);
    }
  };
  static const Index index;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (!index.first[Byte(text, i)])
      continue;
    if (const uint8_t list = index.pair_list[Index::Pair(text, i)]) {
      for (std::string_view phrase : index.lists[list - 1]) {
        if (base::StartsWith(text.substr(i), phrase))
          return true;
      }
    }
  }
  return false;
}

// Reads `text` (marks and spaces trimmed) as a system sentence.
bool ReadSystemLine(std::string_view text, SystemLine* out) {
  while (!text.empty() && text.back() == '.')
    text.remove_suffix(1);
  const bool inner = HoldsInnerPhrase(text);
  for (const Phrase& p : kPhrases) {
    if (IsInner(p) && !inner)
      continue;  // find() would not find it.
    size_t at;
    if (p.where == Where::kStart) {
      if (!base::StartsWith(text, p.text))
        continue;
      at = 0;
    } else if (p.where == Where::kSuffix) {
      if (!base::EndsWith(text, p.text))
        continue;
      at = text.size() - p.text.size();
    } else {
      at = text.find(p.text);
      if (at == std::string_view::npos)
        continue;
    }
    const std::string_view actor = Trimmed(text.substr(0, at));
    if (p.where != Where::kStart && (actor.empty() || actor.size() > kMaxNameBytes))
      continue;
    out->action = p.action;
    out->notice = p.who == Who::kNoOne;
    out->actor = actor;
    out->phrase = p.text;
    out->after = text.substr(at + p.text.size());
    out->people.clear();
    if (p.who == Who::kYou)
      out->people.push_back("You");
    if (p.who == Who::kActor)
      out->people.push_back(actor);
    if (p.who == Who::kObjects)
      SplitPeople(out->after, &out->people);
    if (p.who == Who::kObjects && out->people.empty())
      continue;
    return true;
  }
  return false;
}

// Whether a system sentence `said` by `author` could be the notice or the author's own action
// that OnMessageLine takes as a system line (a cheap test before ReadSystemLine).
bool MaySayOwnSystemLine(std::string_view said, std::string_view author) {
  if (base::StartsWith(said, author))
    return true;
  for (const Phrase& p : kPhrases) {
    if (p.who == Who::kNoOne && (p.where != Where::kStart || base::StartsWith(said, p.text)))
      return true;
  }
  return false;
}

bool IsPlaceholder(std::string_view text) {
  static constexpr std::string_view kExact[] = {"<Media omitted>",
                                                "image omitted",
                                                "video omitted",
                                                "audio omitted",
                                                "sticker omitted",
                                                "GIF omitted",
                                                "document omitted",
                                                "Contact card omitted",
                                                "null",
                                                "This message was deleted",
                                                "You deleted this message"};
  while (!text.empty() && text.back() == '.')
    text.remove_suffix(1);
  for (std::string_view e : kExact) {
    if (EqualsIgnoreCase(text, e))
      return true;
  }
  return base::EndsWith(text, " document omitted") || base::EndsWith(text, " (file attached)") ||
         (base::StartsWith(text, "<attached: ") && base::EndsWith(text, ">"));
}

// Bytes of one line of message text, without "<This message was edited>".
uint32_t TextBytes(std::string_view line) {
  constexpr std::string_view kEdited = "<This message was edited>";
  if (base::EndsWith(line, kEdited))
    line = Trimmed(line.substr(0, line.size() - kEdited.size()));
  return static_cast<uint32_t>(std::min<size_t>(line.size(), UINT32_MAX));
}

// "Name: text": the author ends at the first ": ", or at a ':' that no space follows ("Name:.")
// unless a digit does (a time in a system sentence).
bool SplitAuthor(std::string_view rest, std::string_view* author, std::string_view* text) {
  size_t colon = rest.find(": ");
  size_t text_at = colon + 2;
  if (colon == std::string_view::npos) {
    colon = rest.find(':');
    if (colon == std::string_view::npos ||
        (colon + 1 < rest.size() && rest[colon + 1] >= '0' && rest[colon + 1] <= '9')) {
      return false;
    }
    text_at = colon + 1;
  }
  *author = Trimmed(rest.substr(0, colon));
  *text = rest.substr(text_at);
  return !author->empty() && author->size() <= kMaxNameBytes;
}

// The chat's name from the file name (see the header).
std::string ChatName(std::string_view path) {
  const size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == "_chat.txt" && slash != std::string_view::npos) {
    const std::string_view dir = path.substr(0, slash);
    const size_t up = dir.rfind('/');
    name = up == std::string_view::npos ? dir : dir.substr(up + 1);
  }
  for (std::string_view prefix : {"WhatsApp Chat with ", "WhatsApp Chat - "}) {
    if (base::StartsWith(name, prefix))
      name.remove_prefix(prefix.size());
  }
  for (std::string_view suffix : {".txt", ".zip"}) {
    if (base::EndsWith(name, suffix))
      name.remove_suffix(suffix.size());
  }
  return name.empty() || name == "_chat" ? "WhatsApp chat" : std::string(name);
}

bool NamedLikeExport(std::string_view base_name) {
  return base_name == "_chat.txt" || ((base::StartsWith(base_name, "WhatsApp Chat with ") ||
                                       base::StartsWith(base_name, "WhatsApp Chat - ")) &&
                                      base::EndsWith(base_name, ".txt"));
}

// Digits of a name that is a phone number ("+1 (000) 000-0000"), else empty.
std::string PhoneDigits(std::string_view name) {
  std::string digits;
  for (char c : name) {
    if (c >= '0' && c <= '9')
      digits.push_back(c);
    else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')')
      return {};
  }
  return digits.size() >= 6 ? digits : std::string();
}

// ---- The reader.

// The one or two bytes a name starts with, as a key (FindMentions' index).
uint32_t StartKey(std::string_view start) {
  return start.size() == 1 ? 0x10000u | Byte(start, 0)
                           : static_cast<uint32_t>(Byte(start, 0)) << 8 | Byte(start, 1);
}

// Lets name_index_ be searched by string_view (no std::string per lookup).
struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

enum class Order : uint8_t { kUndecided, kDayFirst, kMonthFirst };

// What is known about one date layout of the file.
struct ShapeState {
  bool seen = false;
  Order order = Order::kUndecided;
  bool ampm = false;  // Some times came with "AM"/"PM" (no dots): a US-style locale.
  char separator = '/';
  int64_t last_day_first = INT64_MIN, last_month_first = INT64_MIN;
  uint64_t back_day_first = 0, back_month_first = 0;  // Steps back in time under each order.
  uint64_t order_matters = 0;                         // Dates whose first two fields differ.
};

// A message as held until its date order is known: no text, only sizes and indexes.
struct Record {
  Stamp stamp;
  model::MessageKind kind = model::MessageKind::kMessage;
  SystemAction action = SystemAction::kNone;
  uint32_t author = kNobody;  // Index in names_.
  uint32_t text_bytes = 0;
  std::vector<uint32_t> mentions;
  Location at;
};

class WhatsAppTextReader : public Reader {
 public:
  explicit WhatsAppTextReader(const ReaderContext& context)
      : context_(context), chat_name_(ChatName(context.name)) {}

  Status Push(std::string_view chunk) override {
    if (!error_.ok())
      return error_;
    if (!lines_.Push(chunk, [this](std::string_view line) { return OnLine(line); }))
      return LineError();
    return Status::Ok();
  }

  Status End() override {
    if (!error_.ok())
      return error_;
    if (!lines_.Finish([this](std::string_view line) { return OnLine(line); }))
      return LineError();
    if (!layout_known_)
      return NotWhatsApp();
    FinishCurrent();
    ForceDecisions();
    Flush();
    if (repaired_names_ > 0) {
      context_.diagnostics->Add("ingest.invalid_utf8", base::Severity::kWarning,
                                "Invalid UTF-8 byte sequences were replaced by U+FFFD.",
                                Location{context_.input, 0, 0}, repaired_names_);
    }
    return Status::Ok();
  }

 private:
  Location Here() const { return {context_.input, lines_.line_offset(), lines_.line_number()}; }
  Status LineError();
  Status NotWhatsApp();
  bool OnLine(std::string_view line);
  void OnMessageLine(const MessageLine& m);
  void OnSystemLine(const Stamp& stamp, const SystemLine& sys);
  void OnContinuation(std::string_view line);
  void StartRecord(const Stamp& stamp, SystemAction action, uint32_t author);
  void AddText(std::string_view text);
  void FinishCurrent();
  void Observe(const Stamp& stamp);
  void Decide(ShapeState* shape, Order order);
  void ForceDecisions();
  void Flush();
  void Emit(const Record& r);
  uint32_t NameIndex(std::string_view raw);
  bool IsGroupName(std::string_view name) const;
  void FindMentions(std::string_view text);
  size_t MentionLength(uint32_t k, std::string_view after) const;

  ReaderContext context_;
  LineSplitter lines_;
  Status error_;
  std::string chat_name_;
  std::vector<std::string> group_names_;  // From "created group" lines.

  bool layout_known_ = false;
  Layout layout_ = Layout::kAndroid;
  uint64_t lines_before_first_ = 0;

  std::array<ShapeState, kShapes> shapes_;
  size_t undecided_ = 0;
  std::deque<Record> held_;

  bool has_current_ = false;
  Record current_;
  bool current_is_text_ = false;  // Continuation lines add to current_'s text.
  uint32_t blank_lines_ = 0;      // Blank continuation lines not yet counted.

  std::vector<std::string> names_;
  std::vector<std::string> name_digits_;
  std::unordered_map<std::string, uint32_t, NameHash, std::equal_to<>> name_index_;
  std::array<std::string, 2> name_scratch_;  // NameIndex's buffers: no allocation per line.
  // Indexes of names_ by the StartKey of each name and of its phone number.
  std::unordered_map<uint32_t, std::vector<uint32_t>> names_by_start_;
  uint64_t repaired_names_ = 0;

  bool channel_declared_ = false;
  bool told_local_time_ = false;
  uint32_t channel_ = 0;
  std::vector<model::PersonRef> mention_refs_;
};

Status WhatsAppTextReader::LineError() {
  if (lines_.too_long()) {
    error_ = Status(StatusCode::kLimitExceeded, "ingest.whatsapp.line_too_long",
                    "A line of this WhatsApp chat is longer than " + BytesText(kMaxLineBytes) +
                        "; no real export has one, so it was not read further.",
                    Here());
  }
  return error_;
}

Status WhatsAppTextReader::NotWhatsApp() {
  error_ = Status(StatusCode::kUnsupportedFormat, "ingest.whatsapp.not_whatsapp",
                  "This is not a WhatsApp chat export: no line starts with a date, a time and a "
                  "name as WhatsApp writes them.",
                  Here());
  return error_;
}

bool WhatsAppTextReader::OnLine(std::string_view line) {
  MessageLine m;
  if (ParseMessageLine(line, &m) && (!layout_known_ || m.layout == layout_)) {
    if (!layout_known_) {
      layout_known_ = true;
      layout_ = m.layout;
      if (lines_before_first_ > 0) {
        context_.diagnostics->Add("ingest.whatsapp.text_before_first_message",
                                  base::Severity::kWarning,
                                  "Lines before the first message of the chat were skipped.",
                                  Location{context_.input, 0, 1}, lines_before_first_);
      }
    }
    OnMessageLine(m);
    return true;
  }
  if (!layout_known_) {
    if (++lines_before_first_ < kMaxLinesBeforeFirstMessage)
      return true;
    NotWhatsApp();
    return false;
  }
  OnContinuation(line);
  return true;
}

void WhatsAppTextReader::OnMessageLine(const MessageLine& m) {
  FinishCurrent();
  Observe(m.stamp);
  const std::string_view rest = Trimmed(m.rest);
  std::string_view author, text;
  const bool has_author = SplitAuthor(m.rest, &author, &text);  // The text keeps its spaces.
  SystemLine sys;
  // A system sentence of its own, unless what looks like its actor is "Name: text".
  if (ReadSystemLine(rest, &sys) && sys.actor.find(": ") == std::string_view::npos)
    return OnSystemLine(m.stamp, sys);
  if (!has_author)
    return OnSystemLine(m.stamp, SystemLine());  // A sentence we do not know.
  // Said by someone, yet a system line: iOS lets the group "speak" them, with a mark before the
  // text ("Group: \u200eAlice added Bob"); E2E notices; Android's "Bob: Bob updated the
  // message timer...".
  const std::string_view said = Trimmed(text);
  const bool marked = MarkAt(text, 0) != 0, by_group = IsGroupName(author);
  if ((marked || by_group || MaySayOwnSystemLine(said, author)) && ReadSystemLine(said, &sys) &&
      (marked || sys.notice || by_group || sys.actor == author)) {
    return OnSystemLine(m.stamp, sys);
  }
  StartRecord(m.stamp, SystemAction::kNone, NameIndex(author));
  current_is_text_ = true;
  if (!IsPlaceholder(said))
    AddText(WithoutLeadingMarks(text));
  FindMentions(said);
}

void WhatsAppTextReader::OnSystemLine(const Stamp& stamp, const SystemLine& sys) {
  if (sys.phrase == " created group ") {
    std::string_view title = Trimmed(sys.after);
    for (std::string_view quote : {"\"", "\xe2\x80\x9c", "\xe2\x80\x9d"}) {
      if (base::StartsWith(title, quote))
        title.remove_prefix(quote.size());
      if (base::EndsWith(title, quote))
        title.remove_suffix(quote.size());
    }
    group_names_.emplace_back(title);
  }
  // One system message per person concerned; a notice by the pseudo-person "WhatsApp".
  if (sys.people.empty()) {
    StartRecord(stamp, sys.action, sys.actor.empty() ? kNobody : NameIndex(sys.actor));
    current_.kind = model::MessageKind::kSystem;
  }
  for (size_t k = 0; k < sys.people.size(); ++k) {
    if (k > 0)
      FinishCurrent();
    StartRecord(stamp, sys.action, NameIndex(sys.people[k]));
    current_.kind = model::MessageKind::kSystem;
  }
  current_is_text_ = false;
}

void WhatsAppTextReader::OnContinuation(std::string_view line) {
  if (!has_current_ || !current_is_text_)
    return;  // Lines after a system line say nothing of anyone.
  const std::string_view text = Trimmed(line);
  if (text.empty()) {
    ++blank_lines_;
    return;
  }
  AddText(line);
  FindMentions(text);
}

void WhatsAppTextReader::StartRecord(const Stamp& stamp, SystemAction action, uint32_t author) {
  has_current_ = true;
  current_ = Record();
  current_.stamp = stamp;
  current_.action = action;
  current_.author = author;
  current_.at = Here();
  blank_lines_ = 0;
}

void WhatsAppTextReader::AddText(std::string_view text) {
  // Lines join with '\n': one byte per line break, blank lines included.
  const uint64_t breaks = current_.text_bytes > 0 ? blank_lines_ + 1 : 0;
  const uint64_t sum = uint64_t{current_.text_bytes} + breaks + TextBytes(text);
  current_.text_bytes = static_cast<uint32_t>(std::min<uint64_t>(sum, UINT32_MAX));
  blank_lines_ = 0;
}

void WhatsAppTextReader::FinishCurrent() {
  if (!has_current_)
    return;
  has_current_ = false;
  if (undecided_ == 0 && held_.empty()) {
    Emit(current_);
    return;
  }
  held_.push_back(std::move(current_));
  if (held_.size() >= kWhatsAppMaxHeldRecords) {
    ForceDecisions();
    Flush();
  }
}

// Learns the day/month order from one more date (see the header).
void WhatsAppTextReader::Observe(const Stamp& stamp) {
  ShapeState& shape = shapes_[stamp.shape];
  if (!shape.seen) {
    shape.seen = true;
    shape.separator = stamp.separator;
    shape.order = stamp.year_first ? Order::kMonthFirst : Order::kUndecided;
    undecided_ += shape.order == Order::kUndecided;
  }
  shape.ampm |= stamp.clock == Clock::kAmPm;
  if (shape.order != Order::kUndecided)
    return;
  const bool day_first = ValidDate(stamp.year, stamp.b, stamp.a);
  const bool month_first = ValidDate(stamp.year, stamp.a, stamp.b);
  if (day_first != month_first) {
    Decide(&shape, day_first ? Order::kDayFirst : Order::kMonthFirst);
    return;
  }
  const int64_t as_day_first = base::DaysFromCivil(stamp.year, stamp.b, stamp.a);
  const int64_t as_month_first = base::DaysFromCivil(stamp.year, stamp.a, stamp.b);
  shape.back_day_first += as_day_first < shape.last_day_first;
  shape.back_month_first += as_month_first < shape.last_month_first;
  shape.last_day_first = as_day_first;
  shape.last_month_first = as_month_first;
  shape.order_matters += stamp.a != stamp.b;
}

void WhatsAppTextReader::Decide(ShapeState* shape, Order order) {
  shape->order = order;
  if (--undecided_ == 0)
    Flush();
}

void WhatsAppTextReader::ForceDecisions() {
  for (ShapeState& shape : shapes_) {
    if (!shape.seen || shape.order != Order::kUndecided)
      continue;
    if (shape.back_day_first != shape.back_month_first) {
      context_.diagnostics->Add(
          "ingest.whatsapp.date_order_from_sequence", base::Severity::kInfo,
          "No date showed whether days or months come first; the order under which the "
          "messages run in time was taken.",
          Location{context_.input, 0, 0});
      Decide(&shape,
             shape.back_day_first < shape.back_month_first ? Order::kDayFirst : Order::kMonthFirst);
      continue;
    }
    const bool month_first = shape.ampm && shape.separator == '/';
    if (shape.order_matters > 0) {
      context_.diagnostics->Add(
          "ingest.whatsapp.ambiguous_date_order", base::Severity::kWarning,
          "No date showed whether days or months come first (all are 12 or less); they were "
          "read as the phone's locale most likely wrote them (month first with an AM/PM clock, "
          "else day first). Dates of the counted messages may be wrong.",
          Location{context_.input, 0, 0}, shape.order_matters);
    }
    Decide(&shape, month_first ? Order::kMonthFirst : Order::kDayFirst);
  }
}

void WhatsAppTextReader::Flush() {
  while (!held_.empty()) {
    Emit(held_.front());
    held_.pop_front();
  }
}

void WhatsAppTextReader::Emit(const Record& r) {
  if (!channel_declared_) {
    channel_declared_ = true;
    const std::string key = "whatsapp:" + chat_name_;
    model::ChannelInfo info;
    info.key = key;
    info.name = chat_name_;
    info.group_key = key;
    info.group_name = chat_name_;
    info.kind = model::ChannelKind::kChat;
    info.replies_exported = false;
    channel_ = context_.sink->OnChannel(info);
  }
  model::Message m;
  m.channel = channel_;
  m.kind = r.kind;
  m.action = r.action;
  if (r.author == kNobody) {
    m.author.key = "whatsapp:system";
    m.author.name = "WhatsApp";
    m.author.is_bot = true;
  } else {
    m.author.name = names_[r.author];
  }
  const Stamp& s = r.stamp;
  const bool day_first = shapes_[s.shape].order == Order::kDayFirst;
  const uint32_t month = day_first ? s.b : s.a;
  const uint32_t day = day_first ? s.a : s.b;
  if (ValidDate(s.year, month, day)) {
    m.time_ms = base::DaysFromCivil(s.year, month, day) * base::kMsPerDay + s.ms_of_day;
    m.has_time = true;
    if (!told_local_time_) {
      told_local_time_ = true;
      context_.diagnostics->Add("ingest.whatsapp.local_time", base::Severity::kInfo,
                                "WhatsApp writes the phone's local time without a time zone; "
                                "times were read as UTC.",
                                r.at);
    }
  } else {
    context_.diagnostics->Add("ingest.whatsapp.bad_date", base::Severity::kWarning,
                              "Messages whose date is impossible in the order the rest of the "
                              "chat uses were kept without a date.",
                              r.at);
  }
  m.text_bytes = r.text_bytes;
  mention_refs_.clear();
  for (uint32_t k : r.mentions) {
    model::PersonRef p;
    p.name = names_[k];
    mention_refs_.push_back(p);
  }
  m.mentions = mention_refs_;
  context_.sink->OnMessage(m);
}

uint32_t WhatsAppTextReader::NameIndex(std::string_view raw) {
  // An ASCII name has no marks, no other spaces and nothing to repair: it is its own key.
  std::string_view name = base::TrimAscii(raw);
  if (!std::all_of(raw.begin(), raw.end(), [](char c) { return (c & 0x80) == 0; })) {
    // Marks and the NBSP of "~\u00a0Name" are not part of a name.
    std::string& clean = name_scratch_[0];
    clean.clear();
    for (size_t i = 0; i < raw.size();) {
      if (const size_t mark = MarkAt(raw, i)) {
        i += mark;
      } else if (const size_t space = SpaceAt(raw, i)) {
        clean.push_back(' ');
        i += space;
      } else {
        clean.push_back(raw[i++]);
      }
    }
    std::string& repaired = name_scratch_[1];
    repaired.clear();
    repaired_names_ += base::AppendRepairedUtf8(base::TrimAscii(clean), &repaired);
    name = repaired;
  }
  if (const auto it = name_index_.find(name); it != name_index_.end())
    return it->second;
  const auto index = static_cast<uint32_t>(names_.size());
  name_index_.emplace(name, index);
  name_digits_.push_back(PhoneDigits(name));
  names_.emplace_back(name);
  for (const std::string* start : {&names_.back(), &name_digits_.back()}) {
    if (start->empty())
      continue;
    std::vector<uint32_t>& filed = names_by_start_[StartKey(start->substr(0, 2))];
    if (filed.empty() || filed.back() != index)
      filed.push_back(index);
  }
  return index;
}

bool WhatsAppTextReader::IsGroupName(std::string_view name) const {
  if (name == chat_name_)
    return true;
  for (const std::string& g : group_names_) {
    if (name == g)
      return true;
  }
  return false;
}

// "@Name" or "@491234567" for a person seen before (Android wraps the name in U+2068/U+2069).
void WhatsAppTextReader::FindMentions(std::string_view text) {
  constexpr size_t kMaxNamesScanned = 4096;
  if (names_.size() > kMaxNamesScanned)
    return;
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    size_t i = at + 1;
    while (size_t n = MarkAt(text, i))
      i += n;
    const std::string_view after = text.substr(i);
    // The longest name or number `after` starts with (a word), the first seen among equals. Only
    // those filed under its first one or two bytes can match.
    uint32_t best = kNobody;
    size_t best_len = 0;
    for (size_t n = 1; n <= 2 && n <= after.size(); ++n) {
      const auto it = names_by_start_.find(StartKey(after.substr(0, n)));
      if (it == names_by_start_.end())
        continue;
      for (const uint32_t k : it->second) {
        const size_t len = MentionLength(k, after);
        if (len > best_len || (len == best_len && len > 0 && k < best)) {
          best = k;
          best_len = len;
        }
      }
    }
    if (best != kNobody && best != current_.author &&
        std::find(current_.mentions.begin(), current_.mentions.end(), best) ==
            current_.mentions.end()) {
      current_.mentions.push_back(best);
    }
  }
}

// The length of name k (else its phone number) at the start of `after`, if a word ends there;
// else 0.
size_t WhatsAppTextReader::MentionLength(uint32_t k, std::string_view after) const {
  const std::string& name = names_[k];
  size_t len = 0;
  if (!name.empty() && base::StartsWith(after, name)) {
    len = name.size();
  } else if (!name_digits_[k].empty() && base::StartsWith(after, name_digits_[k])) {
    len = name_digits_[k].size();
  }
  const char next = len < after.size() ? after[len] : ' ';
  const bool word_ends = !((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                           (next >= '0' && next <= '9'));
  return word_ends ? len : 0;
}

}  // namespace

std::unique_ptr<Reader> MakeWhatsAppTextReader(const ReaderContext& context) {
  return std::make_unique<WhatsAppTextReader>(context);
}

bool SniffWhatsAppText(const Head& head) {
  const std::vector<std::string_view> lines = head.Lines(12);
  size_t first = 0;
  while (first < lines.size() && Trimmed(lines[first]).empty())
    ++first;
  MessageLine m;
  if (first == lines.size() || !ParseMessageLine(lines[first], &m) || Trimmed(m.rest).empty())
    return false;
  if (NamedLikeExport(head.base_name))
    return true;
  const Layout layout = m.layout;
  size_t same = 0;
  for (size_t k = first; k < lines.size(); ++k)
    same += ParseMessageLine(lines[k], &m) && m.layout == layout;
  return same >= 2 || head.complete;
}

}  // namespace meshcheck::ingest
