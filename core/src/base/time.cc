#include "base/time.h"

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

unsigned DaysInMonth(int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

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

std::optional<ParsedTime> ParseIso8601(std::string_view s) {
  int64_t year, month, day, hour, minute, second = 0;
  if (!ReadDigits(s, 0, 4, &year) || s.size() < 16 || s[4] != '-' || !ReadDigits(s, 5, 2, &month) ||
      s[7] != '-' || !ReadDigits(s, 8, 2, &day) || (s[10] != 'T' && s[10] != ' ') ||
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
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, static_cast<unsigned>(month)) ||
      hour > 23 || minute > 59 || second > 60) {
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
  const int64_t days =
      DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  out.ms = days * kMsPerDay + hour * kMsPerHour + minute * kMsPerMinute + second * kMsPerSecond +
           millis - offset_minutes * kMsPerMinute;
  return out;
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

}  // namespace meshcheck::base
