// Small ASCII string helpers shared by readers and sniffers (no locale, no allocation unless
// the result is a string).
#pragma once

#include <string>
#include <string_view>

namespace meshcheck::base {

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
inline bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}
inline bool IsAsciiLower(char c) {
  return c >= 'a' && c <= 'z';
}
inline bool IsAsciiUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
inline bool IsAsciiAlpha(char c) {
  return IsAsciiLower(c) || IsAsciiUpper(c);
}
inline bool IsAsciiAlnum(char c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c);
}
inline char AsciiLower(char c) {
  return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
inline char AsciiUpper(char c) {
  return IsAsciiLower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}
// ASCII case-insensitive equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
std::string AsciiLowered(std::string_view s);
// Without leading and trailing spaces, tabs, '\r' and '\n'.
std::string_view TrimAscii(std::string_view s);

}  // namespace meshcheck::base
