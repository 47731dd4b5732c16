#include "base/time.h"

#include "base/strings.h"

#include <cstring>
#include <string>

namespace meshcheck::base {
namespace {

bool ReadDigits(std::string_view s, size_t pos, size_t count, int64_t* value) {
  if (pos + count > s.size()) {
    return false;
  }
  int64_t v = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    const char c = s[i];
    if (c < '0' || c > '9') {
      return false;
    }
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

// The first three letters of `word`, lower-cased, compared with `name` (3 letters).
bool HasPrefix3(std::string_view word, const char* name) {
  if (word.size() < 3)
    return false;
  for (size_t i = 0; i < 3; ++i) {
    if ((word[i] | 0x20) != name[i])
      return false;
  }
  return true;
}

// 1..12 for a month name or its abbreviation ("Jan", "january", "Sept"), else 0.
unsigned MonthOf(std::string_view word) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() > 9)
    return 0;
  for (unsigned m = 0; m < 12; ++m) {
    if (HasPrefix3(word, kMonths[m]))
      return m + 1;
  }
  return 0;
}

bool IsDayName(std::string_view word) {
  static constexpr const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (const char* d : kDays) {
    if (HasPrefix3(word, d) && word.size() <= 9)
      return true;
  }
  return false;
}

// Offset in minutes east of UTC of a zone name, or false if the name is not known.
bool ZoneNameOffset(std::string_view word, int64_t* minutes) {
  struct Zone {
    const char* name;
    int64_t hours;
  };
  static constexpr Zone kZones[] = {
      {"UT", 0},   {"UTC", 0},  {"GMT", 0},  {"Z", 0},     {"WET", 0},  {"EST", -5}, {"EDT", -4},
      {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6},  {"PST", -8}, {"PDT", -7}, {"BST", 1},
      {"CET", 1},  {"MET", 1},  {"WEST", 1}, {"CEST", 2},  {"MEST", 2}, {"EET", 2},  {"EEST", 3},
      {"MSK", 3},  {"JST", 9},  {"KST", 9},  {"AEST", 10}, {"AEDT", 11}};
  for (const Zone& z : kZones) {
    if (word.size() == std::char_traits<char>::length(z.name)) {
      bool same = true;
      for (size_t i = 0; i < word.size() && same; ++i)
        same = (word[i] & ~0x20) == z.name[i];
      if (same) {
        *minutes = z.hours * 60;
        return true;
      }
    }
  }
  return false;
}

// The fields of an e-mail date, filled token by token.
struct MailDate {
  int64_t day = -1, month = 0, year = -1, hour = -1, minute = 0, second = 0;
  int64_t offset_minutes = 0;
  bool has_offset = false;
  bool pm = false, am = false;

  // "hh:mm[:ss[.frac]]".
  bool Time(std::string_view t) {
    int64_t fields[3] = {0, 0, 0};
    size_t n = 0, i = 0;
    while (n < 3) {
      const size_t start = i;
      int64_t v = 0;
      while (i < t.size() && IsAsciiDigit(t[i]) && i - start < 2)
        v = v * 10 + (t[i++] - '0');
      if (i == start)
        return false;
      fields[n++] = v;
      if (i == t.size() || t[i] == '.')
        break;
      if (t[i] != ':')
        return false;
      ++i;
    }
    hour = fields[0];
    minute = fields[1];
    second = fields[2];
    return n >= 2;
  }

  // "+hhmm", "-hhmm", "+hh:mm". An impossible offset is ignored (no zone).
  void NumericZone(std::string_view t) {
    std::string digits;
    for (char c : t.substr(1)) {
      if (c != ':')
        digits.push_back(c);
    }
    int64_t hh = 0, mm = 0;
    if (digits.size() != 4 || !ReadDigits(digits, 0, 2, &hh) || !ReadDigits(digits, 2, 2, &mm) ||
        hh > 14 || mm > 59) {
      return;
    }
    offset_minutes = (t[0] == '-' ? -1 : 1) * (hh * 60 + mm);
    has_offset = true;
  }

  bool Number(std::string_view t) {
    int64_t v = 0;
    if (t.size() > 4 || !ReadDigits(t, 0, t.size(), &v))
      return false;
    if (t.size() <= 2 && day < 0) {
      day = v;
    } else if (year < 0) {
      year = t.size() == 4 ? v : t.size() == 3 ? 1900 + v : v < 50 ? 2000 + v : 1900 + v;
    } else {
      return false;
    }
    return true;
  }

  bool Word(std::string_view t) {
    if (t[0] == '+' || (t[0] == '-' && t.size() > 1 && IsAsciiDigit(t[1]))) {
      NumericZone(t);
      return true;
    }
    if (IsAsciiDigit(t[0])) {
      if (t.find(':') != std::string_view::npos)
        return Time(t);
      const size_t dash = t.find('-');  // "8-Jan-2010"
      if (dash != std::string_view::npos)
        return Word(t.substr(0, dash)) && Word(t.substr(dash + 1));
      return Number(t);
    }
    if (!IsAsciiAlpha(t[0]))
      return true;                    // Stray punctuation.
    const size_t dash = t.find('-');  // "Jan-2010"
    if (dash != std::string_view::npos && dash + 1 < t.size())
      return Word(t.substr(0, dash)) && Word(t.substr(dash + 1));
    if (const unsigned m = MonthOf(t); m != 0 && month == 0 && !IsDayName(t)) {
      month = m;
      return true;
    }
    if ((t[0] | 0x20) == 'a' && t.size() == 2 && (t[1] | 0x20) == 'm')
      am = true;
    else if ((t[0] | 0x20) == 'p' && t.size() == 2 && (t[1] | 0x20) == 'm')
      pm = true;
    else if (!has_offset && ZoneNameOffset(t, &offset_minutes))
      has_offset = true;
    return true;  // Day names and unknown words (zones we do not know) are skipped.
  }
};

}  // namespace

unsigned DaysInMonth(int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<ParsedTime> ParseRfc2822(std::string_view s) {
  MailDate d;
  size_t i = 0;
  int comment_depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '(' || (comment_depth > 0 && c == ')')) {
      comment_depth += c == '(' ? 1 : -1;
      ++i;
      continue;
    }
    if (comment_depth > 0 || c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < s.size() && s[end] != ' ' && s[end] != '\t' && s[end] != ',' && s[end] != '(' &&
           s[end] != '\r' && s[end] != '\n') {
      ++end;
    }
    std::string_view word = s.substr(i, end - i);
    if (word.size() > 1 && word.back() == '.')
      word.remove_suffix(1);  // "Tue." and "Jan."
    if (!d.Word(word))
      return std::nullopt;
    i = end;
  }
  if (d.am || d.pm) {
    if (d.hour < 1 || d.hour > 12)
      return std::nullopt;
    d.hour = d.hour % 12 + (d.pm ? 12 : 0);
  }
  if (d.month == 0 || d.day < 1 || d.year < 0 || d.hour < 0 || d.hour > 23 || d.minute > 59 ||
      d.second > 60 || d.day > DaysInMonth(d.year, static_cast<unsigned>(d.month))) {
    return std::nullopt;
  }
  ParsedTime out;
  out.has_offset = d.has_offset;
  out.ms = DaysFromCivil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day)) *
               kMsPerDay +
           d.hour * kMsPerHour + d.minute * kMsPerMinute + d.second * kMsPerSecond -
           d.offset_minutes * kMsPerMinute;
  return out;
}

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

namespace {

// The day number of the date "YYYY-MM-DD" that `s` starts with (at least 10 bytes), or false if
// it is not a valid date. `last`, if given, answers for the date it holds and learns a new one.
bool ReadIsoDate(std::string_view s, Iso8601Reader::LastDate* last, int64_t* days) {
  if (last != nullptr && last->known && std::memcmp(s.data(), last->text, 10) == 0) {
    *days = last->days;
    return true;
  }
  int64_t year, month, day;
  if (!ReadDigits(s, 0, 4, &year) || s[4] != '-' || !ReadDigits(s, 5, 2, &month) || s[7] != '-' ||
      !ReadDigits(s, 8, 2, &day) || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, static_cast<unsigned>(month))) {
    return false;
  }
  *days = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (last != nullptr) {
    last->known = true;
    std::memcpy(last->text, s.data(), 10);
    last->days = *days;
  }
  return true;
}

std::optional<ParsedTime> ParseIso8601With(std::string_view s, Iso8601Reader::LastDate* last) {
  int64_t days, hour, minute, second = 0;
  if (s.size() < 16 || !ReadIsoDate(s, last, &days) || (s[10] != 'T' && s[10] != ' ') ||
      !ReadDigits(s, 11, 2, &hour) || s[13] != ':' || !ReadDigits(s, 14, 2, &minute)) {
    return std::nullopt;
  }
  size_t pos = 16;
  int64_t millis = 0;
  if (pos < s.size() && s[pos] == ':') {
    if (!ReadDigits(s, pos + 1, 2, &second)) {
      return std::nullopt;
    }
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      const size_t start = pos;
      int64_t scale = 100;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        millis += (s[pos] - '0') * scale;
        scale /= 10;
        ++pos;
      }
      if (pos == start) {
        return std::nullopt;
      }
    }
  }
  if (hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  ParsedTime out;
  int64_t offset_minutes = 0;
  if (pos < s.size()) {
    const char z = s[pos];
    if (z == 'Z' || z == 'z') {
      out.has_offset = true;
      ++pos;
    } else if (z == '+' || z == '-') {
      int64_t oh, om = 0;
      if (!ReadDigits(s, pos + 1, 2, &oh)) {
        return std::nullopt;
      }
      pos += 3;
      const bool colon = pos < s.size() && s[pos] == ':';
      pos += colon;
      if (colon || pos < s.size()) {  // "+hh:" needs its minutes.
        if (!ReadDigits(s, pos, 2, &om)) {
          return std::nullopt;
        }
        pos += 2;
      }
      if (oh > 23 || om > 59) {
        return std::nullopt;
      }
      offset_minutes = (z == '-' ? -1 : 1) * (oh * 60 + om);
      out.has_offset = true;
    }
  }
  if (pos != s.size()) {
    return std::nullopt;
  }
  out.ms = days * kMsPerDay + hour * kMsPerHour + minute * kMsPerMinute + second * kMsPerSecond +
           millis - offset_minutes * kMsPerMinute;
  return out;
}

}  // namespace

std::optional<ParsedTime> ParseIso8601(std::string_view s) {
  return ParseIso8601With(s, nullptr);
}

std::optional<ParsedTime> Iso8601Reader::Parse(std::string_view text) {
  return ParseIso8601With(text, &last_);
}

void FormatDate(int64_t day, char out[11]) {
  const CivilDate c = CivilFromDays(day);
  // Years outside 0..9999 never reach here (see kMinPlausibleMs); clamp to keep 4 digits.
  const auto year = static_cast<unsigned>(c.year < 0 ? 0 : c.year > 9999 ? 9999 : c.year);
  const unsigned fields[] = {year / 1000, year / 100 % 10, year / 10 % 10, year % 10,
                             10,          c.month / 10,    c.month % 10,   10,
                             c.day / 10,  c.day % 10};
  for (int i = 0; i < 10; ++i) {
    out[i] = fields[i] == 10 ? '-' : static_cast<char>('0' + fields[i]);
  }
  out[10] = '\0';
}

namespace {

// Reads the fields of a DCE date left to right.
class DateCursor {
 public:
  explicit DateCursor(std::string_view s) : s_(s) {}
  bool done() const { return i_ == s_.size(); }
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c || done())
      return false;
    ++i_;
    return true;
  }
  // 1 to max_digits digits.
  bool Number(size_t max_digits, int64_t* value, size_t* digits = nullptr) {
    size_t n = 0;
    int64_t v = 0;
    for (; n < max_digits && Peek() >= '0' && Peek() <= '9'; ++n, ++i_)
      v = v * 10 + (s_[i_] - '0');
    *value = v;
    if (digits)
      *digits = n;
    return n > 0;
  }
  std::string_view Letters() {
    const size_t start = i_;
    while (AsciiLower(Peek()) >= 'a' && AsciiLower(Peek()) <= 'z')
      ++i_;
    return s_.substr(start, i_ - start);
  }
  bool Spaces() {
    const size_t start = i_;
    while (Peek() == ' ')
      ++i_;
    return i_ > start;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

struct DceDateFields {
  int64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  char separator = 0;  // '/' or '.' for numeric "a?b?yyyy" dates (a, b in day, month).
};

// "d-MMM-yy[yy]", "yyyy/M/d", or "a/b/yyyy" and "a.b.yyyy" (a in day, b in month).
bool ReadDceDay(DateCursor* c, DceDateFields* f) {
  int64_t first = 0;
  size_t digits = 0;
  if (!c->Number(4, &first, &digits))
    return false;
  if (digits == 4) {
    f->year = first;
    return c->Eat('/') && c->Number(2, &f->month) && c->Eat('/') && c->Number(2, &f->day);
  }
  if (digits > 2)
    return false;
  f->day = first;
  if (c->Eat('-')) {
    f->month = MonthOf(c->Letters());
    if (f->month == 0 || !c->Eat('-') || !c->Number(4, &f->year, &digits))
      return false;
    if (digits == 2)
      f->year += 2000;
    return digits == 2 || digits == 4;
  }
  f->separator = c->Peek();
  if (f->separator != '/' && f->separator != '.')
    return false;
  c->Eat(f->separator);
  return c->Number(2, &f->month) && c->Eat(f->separator) && c->Number(4, &f->year, &digits) &&
         digits == 4;
}

// "h:mm[:ss][ tt]"; sets *designator to 'a', 'p' or 0.
bool ReadDceClock(DateCursor* c, DceDateFields* f, char* designator) {
  size_t digits = 0;
  if (!c->Number(2, &f->hour) || !c->Eat(':') || !c->Number(2, &f->minute, &digits) ||
      digits != 2) {
    return false;
  }
  if (c->Eat(':') && (!c->Number(2, &f->second, &digits) || digits != 2))
    return false;
  c->Spaces();
  *designator = AsciiLower(c->Peek());
  if (*designator != 'a' && *designator != 'p') {
    *designator = 0;
    return c->done();
  }
  c->Eat(c->Peek());
  c->Eat('.');
  if (AsciiLower(c->Peek()) != 'm')
    return false;
  c->Eat(c->Peek());
  c->Eat('.');
  c->Spaces();
  return c->done();
}

}  // namespace

std::optional<ParsedTime> ParseDceDate(std::string_view text) {
  if (auto iso = ParseIso8601(text))
    return iso;
  DateCursor c(text);
  DceDateFields f;
  char designator = 0;
  if (!ReadDceDay(&c, &f) || !c.Spaces() || !ReadDceClock(&c, &f, &designator))
    return std::nullopt;
  if (f.separator != 0) {  // Numeric: which of the first two fields is the month?
    bool month_first = f.separator == '/' && designator != 0;
    if (f.day > 12)
      month_first = false;
    else if (f.month > 12)
      month_first = true;
    if (month_first)
      std::swap(f.day, f.month);
  }
  if (designator != 0) {
    if (f.hour < 1 || f.hour > 12)
      return std::nullopt;
    f.hour = f.hour % 12 + (designator == 'p' ? 12 : 0);
  }
  if (f.month < 1 || f.month > 12 || f.day < 1 ||
      f.day > DaysInMonth(f.year, static_cast<unsigned>(f.month)) || f.hour > 23 || f.minute > 59 ||
      f.second > 59) {
    return std::nullopt;
  }
  ParsedTime out;
  out.ms = DaysFromCivil(f.year, static_cast<unsigned>(f.month), static_cast<unsigned>(f.day)) *
               kMsPerDay +
           f.hour * kMsPerHour + f.minute * kMsPerMinute + f.second * kMsPerSecond;
  return out;
}

}  // namespace meshcheck::base
