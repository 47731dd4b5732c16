// One call that generates a whole export: picks the archetype, sizes the run, builds the
// roster, runs the conversation model and streams a format writer's bytes to a sink. The CLI
// (main.cc) is a thin wrapper; tests can call this with a sink that feeds a Session.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gen/output.h"

namespace meshcheck::gen {

struct GenerateRequest {
  std::string_view archetype;
  uint64_t seed = 0;
  uint64_t bytes = 0;  // Stop before the output would exceed this (0: no limit).
  uint32_t days = 0;   // The span; 0 with `bytes`: kDefaultSpanDays.
  double scale = 0;    // Multiplies conversation rates (0: fitted to `bytes`, else 1).
};

// With `bytes` and no `days`, an export covers this many days; the scale is fitted from pilot
// runs of kPilotDays (same archetype and seed).
inline constexpr uint32_t kDefaultSpanDays = 365;
inline constexpr uint32_t kPilotDays = 28;

struct GenerateResult {
  uint64_t messages = 0;
  uint64_t bytes = 0;
  uint32_t days = 0;
  double scale = 0;
  uint32_t members = 0;
  std::string error;  // Set when Generate returns false.
};

// Writes one DiscordChatExporter JSON export to `sink`. Same request, same bytes.
bool GenerateDce(const GenerateRequest& request, const Output::Sink& sink, GenerateResult* result);

}  // namespace meshcheck::gen
