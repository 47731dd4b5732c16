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

}  // namespace meshcheck::base
