#include <catch2/catch.hpp>

#include "ingest/names.h"

using meshcheck::ingest::IsStaffRoleName;

TEST_CASE("Staff role names match whole words, any case") {
  for (const char* name :
       {"Admin", "ADMINISTRATOR", "Moderators", "Server Owner", "Staff", "Dev Team", "Co-Founder",
        "Host", "mod", "mods-only", "Admin \xF0\x9F\x94\xA5", "\xE2\xAD\x90 Moderator"}) {
    INFO(name);
    CHECK(IsStaffRoleName(name));
  }
  for (const char* name : {"", "Members", "Moderately active", "Teammate", "Hosting fans",
                           "Modern art", "Ownership", "Bot",
                           "\xC3\x85"
                           "dmin"}) {
    INFO(name);
    CHECK_FALSE(IsStaffRoleName(name));
  }
}
