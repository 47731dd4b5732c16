#include "ingest/names.h"

#include <string>

namespace meshcheck::ingest {

bool IsStaffRoleName(std::string_view name) {
  static constexpr std::string_view kWords[] = {
      "admin",     "admins",     "administrator", "administrators", "mod",   "mods",
      "moderator", "moderators", "owner",         "owners",         "staff", "team",
      "founder",   "founders",   "host",          "hosts"};
  std::string word;
  auto matches = [&]() {
    for (std::string_view w : kWords) {
      if (word == w)
        return true;
    }
    return false;
  };
  for (size_t i = 0; i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : ' ';
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (alpha) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      continue;
    }
    if (matches())
      return true;
    word.clear();
  }
  return false;
}

}  // namespace meshcheck::ingest
