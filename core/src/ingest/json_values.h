// Values of JSON exports as readers need them: counts and integer ids from the tokenizer's number
// events (json_stream.h), and decimal integers written as strings. Header-only, no allocation.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace meshcheck::ingest {

// A JSON number as one of the three number events gave it.
struct JsonNumber {
  std::optional<int64_t> integer;  // Set for integers that fit int64 (no fraction, no exponent).
  double value = 0;                // Always set (approximate for huge integers).

  static JsonNumber Signed(int64_t v) { return {v, static_cast<double>(v)}; }
  static JsonNumber Unsigned(uint64_t v) {
    return {v <= static_cast<uint64_t>(INT64_MAX) ? std::optional<int64_t>(static_cast<int64_t>(v))
                                                  : std::nullopt,
            static_cast<double>(v)};
  }
  static JsonNumber Float(double v) { return {std::nullopt, v}; }

  // A count: negatives (and NaN) are 0, anything beyond UINT32_MAX saturates, fractions drop.
  uint32_t Count() const {
    if (!(value > 0))
      return 0;
    return value >= 4294967295.0 ? UINT32_MAX : static_cast<uint32_t>(value);
  }
};

// sum + more, saturating at UINT32_MAX.
inline uint32_t AddCount(uint32_t sum, uint32_t more) {
  return more > UINT32_MAX - sum ? UINT32_MAX : sum + more;
}

// A size as a count (text_bytes, a number of reactions), saturating at UINT32_MAX.
inline uint32_t SizeCount(size_t size) {
  return size > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(size);
}

// The whole of `text` as a decimal integer ("-42", "1665499751"): no sign other than a leading
// '-', no spaces, no fraction; nullopt if it does not fit int64.
inline std::optional<int64_t> ParseDecimal(std::string_view text) {
  int64_t v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || ptr != end || text.empty())
    return std::nullopt;
  return v;
}

}  // namespace meshcheck::ingest
