// Name handling shared by readers.
#pragma once

#include <string_view>

namespace meshcheck::ingest {

// True for role or title names that mark staff: "Admin", "Moderators", "Server Owner",
// "Staff", "Team", "Founder", "Host", "Mod" (a whole word, case-insensitive).
bool IsStaffRoleName(std::string_view name);

}  // namespace meshcheck::ingest
