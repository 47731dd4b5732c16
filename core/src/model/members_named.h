// Members the user names (declared hosts, bots to keep as people): a member matches a name when
// its key (platform id) or its display name equals it, ASCII case-insensitively.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/dataset.h"

namespace meshcheck::model {

// Ascending member indices matching any of `names`. Names that match nobody are appended to
// `unmatched` (when not null), in the order given. Linear in members plus names.
std::vector<uint32_t> MembersNamed(const Dataset& data,
                                   const std::vector<std::string>& names,
                                   std::vector<std::string>* unmatched);

}  // namespace meshcheck::model
