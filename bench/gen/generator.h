// One call that generates a whole export: picks the archetype, sizes the run, builds the
// roster, runs the conversation model and streams a format writer's bytes to a sink. The CLI
// (main.cc) is a thin wrapper; tests can call this with a sink that feeds a Session.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "gen/output.h"

namespace meshcheck::gen {

enum class ExportFormat : uint8_t {
  kDce,       // DiscordChatExporter JSON (dce_writer.h): one file.
  kSlack,     // A Slack workspace export (slack_writer.h): files, or one stored zip stream.
  kWhatsApp,  // WhatsApp Android text (whatsapp_writer.h): one file.
};

struct GenerateRequest {
  std::string_view archetype;
  uint64_t seed = 0;
  uint64_t bytes = 0;  // Stop before the output would exceed this (0: no limit).
  uint32_t days = 0;   // The span; 0 with `bytes`: kDefaultSpanDays.
  double scale = 0;    // Multiplies conversation rates (0: fitted to `bytes`, else 1).
  ExportFormat format = ExportFormat::kDce;
  // False: bots are written as ordinary users (DCE: no isBot, no Bots role), the export of
  // ANALYSIS.md D, A13b. Slack always flags its bots (bot_message); WhatsApp has none.
  bool bot_flags = true;
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
  std::string file_name;               // The name the platform gives a one-file export.
  std::vector<std::string> host_keys;  // How the export identifies each host, owner first.
  std::string error;                   // Set when Generate returns false.
};

// Writes one export to `sink`: DCE JSON, WhatsApp text, or a Slack export as a stored zip.
// Same request, same bytes.
bool Generate(const GenerateRequest& request, const Output::Sink& sink, GenerateResult* result);

// Receives a Slack export's files one at a time, whole: `path` is relative to the export's
// root, '/'-separated ("channels.json", "help-desk/2024-01-31.json").
using FileSink = std::function<bool(std::string_view path, std::string_view bytes)>;
// Writes a Slack export (request.format is ignored) as separate files. `bytes` limits the sum
// of the files' sizes.
bool GenerateSlackFiles(const GenerateRequest& request,
                        const FileSink& files,
                        GenerateResult* result);

}  // namespace meshcheck::gen
