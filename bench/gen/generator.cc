#include "gen/generator.h"

#include <algorithm>
#include <cmath>

#include "base/hash.h"
#include "base/time.h"
#include "gen/conversation.h"
#include "gen/dce_writer.h"
#include "gen/roster.h"

namespace meshcheck::gen {
namespace {

using base::kMsPerHour;
using base::kMsPerMinute;

// Exports start on a Monday between 2023-09-04 and 2024-02-26 (by seed).
constexpr int64_t kFirstMonday = 19604;  // 2023-09-04.

struct Plan {
  const ArchetypeParams* params;
  uint64_t seed;
  uint32_t span_days;  // Members join during these days.
  uint32_t run_days;   // Conversations start during these days.
  double scale;
  uint64_t limit;  // Output bytes (0: none).
};

struct Outcome {
  uint64_t messages = 0;
  uint64_t bytes = 0;
  int64_t last_time_ms = 0;
  uint32_t members = 0;
  bool ok = false;
};

Outcome RunOnce(const Plan& plan, int64_t exported_at_ms, const Output::Sink& sink) {
  const std::span<const Zone> zones = Zones();
  const Zone& zone = zones[base::Mix64(plan.seed) % zones.size()];
  const int64_t first_day = kFirstMonday + 7 * static_cast<int64_t>(plan.seed % 26);
  // Above scale 1 the roster grows with the activity; below it, a quieter server keeps its
  // roster but fewer people join.
  const auto members =
      static_cast<uint32_t>(std::lround(plan.params->members * std::max(1.0, plan.scale)));
  const double joins = plan.params->joins * std::min(1.0, plan.scale);
  Rng roster_rng(plan.seed, 0);
  const Roster roster = MakeRoster(*plan.params, members, joins, LocalMidnightUtc(zone, first_day),
                                   LocalMidnightUtc(zone, first_day + plan.span_days), &roster_rng);

  ExportInfo info;
  info.roster = &roster;
  info.zone = &zone;
  info.place = &PlaceFor(plan.params->topic, plan.seed);
  info.seed = plan.seed;
  info.exported_at_ms = exported_at_ms;
  Output out(sink, plan.limit);
  DceWriter writer(info, &out);
  writer.Begin();
  ModelOptions options;
  options.seed = plan.seed;
  options.scale = plan.scale;
  options.first_day = first_day;
  options.days = plan.run_days;
  ConversationModel model(*plan.params, roster, zone, options);
  model.Run(&writer);
  writer.End();

  Outcome outcome;
  outcome.ok = out.Finish();
  outcome.messages = writer.messages_written();
  outcome.bytes = out.bytes();
  outcome.last_time_ms =
      model.messages() > 0 ? model.last_time_ms() : LocalMidnightUtc(zone, first_day);
  outcome.members = members;
  return outcome;
}

bool Discard(std::string_view) {
  return true;
}

}  // namespace

bool GenerateDce(const GenerateRequest& request, const Output::Sink& sink, GenerateResult* result) {
  const ArchetypeParams* params = FindArchetype(request.archetype);
  if (params == nullptr) {
    result->error = "unknown archetype '" + std::string(request.archetype) + "'";
    return false;
  }
  if (request.bytes == 0 && request.days == 0) {
    result->error = "give a size (bytes) or a span (days)";
    return false;
  }
  Plan plan{params, request.seed,  request.days != 0 ? request.days : kDefaultSpanDays,
            0,      request.scale, request.bytes};
  if (plan.scale <= 0 && request.bytes == 0)
    plan.scale = 1;
  if (plan.scale <= 0) {
    // Two pilots: at scale 1, then at the scale the first suggests (the roster, and with it the
    // size of a message, grows with the scale), over more days when that scale is below 1 so
    // that the pilot sees as many conversations.
    plan.scale = 1;
    for (int pass = 0; pass < 2; ++pass) {
      Plan pilot = plan;
      pilot.run_days =
          static_cast<uint32_t>(std::clamp(kPilotDays / plan.scale, static_cast<double>(kPilotDays),
                                           static_cast<double>(plan.span_days)));
      pilot.limit = 0;
      const Outcome measured = RunOnce(pilot, 0, Discard);
      plan.scale *= static_cast<double>(request.bytes) * pilot.run_days /
                    (static_cast<double>(measured.bytes) * plan.span_days);
    }
  }
  // A size target may need more days than planned when the fitted scale is a little low.
  plan.run_days = request.bytes == 0 ? plan.span_days : plan.span_days + plan.span_days / 2;

  // The export's time comes first in the file but follows the last message: a dry run finds
  // it. The time always has the same length, so both runs stop at the same message.
  const Outcome dry = RunOnce(plan, 0, Discard);
  const int64_t exported_at =
      dry.last_time_ms + 2 * kMsPerHour +
      static_cast<int64_t>(base::Mix64(request.seed + 1) % (300 * kMsPerMinute));
  const Outcome done = RunOnce(plan, exported_at, sink);

  result->messages = done.messages;
  result->bytes = done.bytes;
  result->days = plan.span_days;
  result->scale = plan.scale;
  result->members = done.members;
  if (!done.ok) {
    result->error = "write error";
    return false;
  }
  if (request.bytes != 0 && done.bytes > request.bytes) {
    result->error = "the size target is smaller than an empty export";
    return false;
  }
  return true;
}

}  // namespace meshcheck::gen
