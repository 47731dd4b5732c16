// Who is in a generated group: hosts, members (with an activity ranking and join times) and
// the bots an archetype asks for.
#pragma once

#include <cstdint>

#include "gen/archetypes.h"
#include "gen/message.h"
#include "gen/rng.h"

namespace meshcheck::gen {

// `members` non-host people; a share `joins` of them join at uniform times in
// [start_ms, end_ms), the others were there before the export starts.
Roster MakeRoster(const ArchetypeParams& params,
                  uint32_t members,
                  double joins,
                  int64_t start_ms,
                  int64_t end_ms,
                  Rng* rng);

}  // namespace meshcheck::gen
