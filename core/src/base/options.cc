#include "meshcheck/options.h"

namespace meshcheck {
namespace {

struct FormatEntry {
  Format format;
  const char* name;
};

constexpr FormatEntry kFormats[] = {
    {Format::kAuto, "auto"},
    {Format::kZip, "zip"},
    {Format::kDiscordJson, "discord-json"},
    {Format::kDiscordCsv, "discord-csv"},
    {Format::kDiscordText, "discord-text"},
    {Format::kSlack, "slack"},
    {Format::kTelegramJson, "telegram-json"},
    {Format::kWhatsAppText, "whatsapp-text"},
    {Format::kMessengerJson, "messenger-json"},
    {Format::kRedditNdjson, "reddit-ndjson"},
    {Format::kMbox, "mbox"},
    {Format::kDiscourseJson, "discourse-json"},
    {Format::kYouTubeJson, "youtube-json"},
    {Format::kYouTubeCsv, "youtube-csv"},
    {Format::kGenericCsv, "generic-csv"},
};

}  // namespace

const char* FormatName(Format format) {
  for (const FormatEntry& e : kFormats) {
    if (e.format == format)
      return e.name;
  }
  return "auto";
}

std::optional<Format> ParseFormatName(std::string_view name) {
  for (const FormatEntry& e : kFormats) {
    if (name == e.name)
      return e.format;
  }
  return std::nullopt;
}

std::vector<Format> SupportedFormats() {
  std::vector<Format> out;
  for (const FormatEntry& e : kFormats) {
    if (e.format != Format::kAuto)
      out.push_back(e.format);
  }
  return out;
}

}  // namespace meshcheck
