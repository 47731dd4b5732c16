// How the verdict's plain-language texts write a share: "55%", rounded to a whole percentage.
#pragma once

#include <cmath>
#include <string>

namespace meshcheck::classify {

inline std::string Percent(double share) {
  return std::to_string(static_cast<long long>(std::floor(share * 100 + 0.5))) + "%";
}

}  // namespace meshcheck::classify
