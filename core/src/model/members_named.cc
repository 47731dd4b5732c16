#include "model/members_named.h"

#include <string_view>
#include <unordered_map>

#include "base/strings.h"

namespace meshcheck::model {

std::vector<uint32_t> MembersNamed(const Dataset& data,
                                   const std::vector<std::string>& names,
                                   std::vector<std::string>* unmatched) {
  // Lowered name -> whether some member matched it.
  std::unordered_map<std::string, bool> wanted;
  for (const std::string& name : names)
    wanted.emplace(base::AsciiLowered(name), false);
  std::vector<uint32_t> found;
  if (wanted.empty())
    return found;
  const auto& members = data.members();
  for (uint32_t i = 0; i < members.size(); ++i) {
    bool match = false;
    for (const uint32_t text : {members[i].key, members[i].name}) {
      const auto it = wanted.find(base::AsciiLowered(data.Text(text)));
      if (it != wanted.end()) {
        it->second = true;
        match = true;
      }
    }
    if (match)
      found.push_back(i);
  }
  if (unmatched != nullptr) {
    for (const std::string& name : names) {
      if (!wanted.at(base::AsciiLowered(name)))
        unmatched->push_back(name);
    }
  }
  return found;
}

}  // namespace meshcheck::model
