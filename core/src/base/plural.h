// Counted nouns for plain-language text: "1 reply", "3 replies", "0 replies".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace meshcheck::base {

// `n` followed by `one` if n == 1, else by `many`.
inline std::string Plural(uint64_t n, std::string_view one, std::string_view many) {
  std::string out = std::to_string(n);
  out.push_back(' ');
  out.append(n == 1 ? one : many);
  return out;
}

}  // namespace meshcheck::base
