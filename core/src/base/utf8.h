// UTF-8 validation and repair. Invalid input is never fatal: it is replaced by U+FFFD and
// counted by the caller.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace meshcheck::base {

inline constexpr size_t kUtf8Valid = static_cast<size_t>(-1);

// Offset of the first byte that does not start a valid, complete, shortest-form UTF-8 sequence
// (surrogates and code points above U+10FFFF are invalid), or kUtf8Valid.
size_t FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == kUtf8Valid;
}

// Appends `text` to `out`, replacing each maximal invalid subsequence by U+FFFD. Returns the
// number of replacements.
size_t AppendRepairedUtf8(std::string_view text, std::string* out);

// Appends the UTF-8 encoding of a code point (must be <= U+10FFFF and not a surrogate).
void AppendUtf8(uint32_t code_point, std::string* out);

// Undoes the "Latin-1 mojibake" of Facebook's "Download your information" JSON, which writes
// each UTF-8 byte of a string as one code point U+0000..U+00FF ("\u00e2\u009d\u00a4" for U+2764).
// `text` is valid UTF-8. If every code point of it is below U+0100, at least one is above U+007F,
// and those code points taken as bytes form valid UTF-8, appends the bytes to `out` and returns
// true; otherwise appends nothing and returns false (the text is left as it is).
bool AppendUnmojibakedUtf8(std::string_view text, std::string* out);

}  // namespace meshcheck::base
