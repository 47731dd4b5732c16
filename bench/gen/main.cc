// meshcheck_gen: writes a synthetic, seeded export (DiscordChatExporter JSON, a Slack workspace
// export as a folder or a zip, or WhatsApp text).
//   meshcheck_gen --archetype NAME --seed N (--bytes SIZE | --days D) [--scale F]
//                 [--format dce|slack|whatsapp] [--bot-flags yes|no] --out PATH
//   meshcheck_gen --list
// SIZE takes a K, M or G suffix (powers of 1000) or Ki, Mi, Gi (powers of 1024).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>

#include "gen/archetypes.h"
#include "gen/generator.h"

namespace {

void Usage(std::FILE* to) {
  std::fprintf(to,
               "usage: meshcheck_gen --archetype NAME --seed N (--bytes SIZE | --days D)\n"
               "                     [--scale F] [--format dce|slack|whatsapp]\n"
               "                     [--bot-flags yes|no] --out PATH\n"
               "       meshcheck_gen --list\n"
               "  --bytes SIZE  stop before the file exceeds SIZE (suffix K, M, G = 1000^n;\n"
               "                Ki, Mi, Gi = 1024^n); the span defaults to %u days\n"
               "  --days D      conversations over D days\n"
               "  --scale F     multiply the conversation rates (default: 1 with --days alone,\n"
               "                else fitted to the size)\n"
               "  --format F    dce (DiscordChatExporter JSON, the default), slack (a workspace\n"
               "                export: a folder, or a stored zip if PATH ends in .zip) or\n"
               "                whatsapp (Android text)\n"
               "  --bot-flags no  DCE: write bots as ordinary users (ANALYSIS.md D, A13b)\n"
               "  --out PATH    the output file ('-' for stdout), or the Slack folder\n",
               meshcheck::gen::kDefaultSpanDays);
}

bool ParseUnsigned(std::string_view text, uint64_t* value) {
  if (text.empty() || text[0] < '0' || text[0] > '9')
    return false;
  char* end = nullptr;
  errno = 0;
  const std::string s(text);
  *value = std::strtoull(s.c_str(), &end, 10);
  return errno == 0 && *end == '\0';
}

bool ParseSize(std::string_view text, uint64_t* bytes) {
  uint64_t unit = 1;
  const std::pair<std::string_view, uint64_t> kUnits[] = {{"Ki", 1ull << 10}, {"Mi", 1ull << 20},
                                                          {"Gi", 1ull << 30}, {"K", 1000},
                                                          {"M", 1000000},     {"G", 1000000000}};
  for (const auto& [suffix, factor] : kUnits) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      text.remove_suffix(suffix.size());
      unit = factor;
      break;
    }
  }
  uint64_t n = 0;
  if (!ParseUnsigned(text, &n) || n == 0)
    return false;
  *bytes = n * unit;
  return true;
}

bool ParseFormat(std::string_view text, meshcheck::gen::ExportFormat* format) {
  using meshcheck::gen::ExportFormat;
  const std::pair<std::string_view, ExportFormat> kFormats[] = {
      {"dce", ExportFormat::kDce},
      {"slack", ExportFormat::kSlack},
      {"whatsapp", ExportFormat::kWhatsApp}};
  for (const auto& [name, value] : kFormats) {
    if (text == name) {
      *format = value;
      return true;
    }
  }
  return false;
}

// A Slack export into the folder `root`: each file at its path below it.
bool WriteSlackFolder(const meshcheck::gen::GenerateRequest& request,
                      const std::string& root,
                      meshcheck::gen::GenerateResult* result) {
  namespace fs = std::filesystem;
  auto write = [&root](std::string_view path, std::string_view bytes) {
    const fs::path file = fs::path(root) / fs::path(std::string(path));
    std::error_code error;
    fs::create_directories(file.parent_path(), error);
    std::FILE* f = std::fopen(file.c_str(), "wb");
    if (f == nullptr)
      return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
  };
  return meshcheck::gen::GenerateSlackFiles(request, write, result);
}

void List() {
  for (const auto& a : meshcheck::gen::Archetypes()) {
    std::printf("%-15.*s %.*s\n", static_cast<int>(a.name.size()), a.name.data(),
                static_cast<int>(a.summary.size()), a.summary.data());
  }
}

void Report(const std::string& archetype,
            const meshcheck::gen::GenerateRequest& request,
            const meshcheck::gen::GenerateResult& result) {
  std::fprintf(stderr,
               "meshcheck_gen: %s seed %llu: %llu messages, %llu bytes, %u days planned, "
               "scale %.3g, %u members\n",
               archetype.c_str(), static_cast<unsigned long long>(request.seed),
               static_cast<unsigned long long>(result.messages),
               static_cast<unsigned long long>(result.bytes), result.days, result.scale,
               result.members);
}

}  // namespace

int main(int argc, char** argv) {
  meshcheck::gen::GenerateRequest request;
  std::string archetype, out_path;
  bool have_seed = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--list") {
      List();
      return 0;
    }
    if (i + 1 >= argc) {
      Usage(stderr);
      return 2;
    }
    const std::string_view v = argv[++i];
    uint64_t n = 0;
    bool ok = true;
    if (a == "--archetype") {
      archetype = v;
    } else if (a == "--seed") {
      ok = have_seed = ParseUnsigned(v, &request.seed);
    } else if (a == "--bytes") {
      ok = ParseSize(v, &request.bytes);
    } else if (a == "--days") {
      ok = ParseUnsigned(v, &n) && n > 0 && n <= 36500;
      request.days = static_cast<uint32_t>(n);
    } else if (a == "--scale") {
      char* end = nullptr;
      const std::string s(v);
      request.scale = std::strtod(s.c_str(), &end);
      ok = *end == '\0' && request.scale > 0 && request.scale <= 1e6;
    } else if (a == "--format") {
      ok = ParseFormat(v, &request.format);
    } else if (a == "--bot-flags") {
      ok = v == "yes" || v == "no";
      request.bot_flags = v == "yes";
    } else if (a == "--out") {
      out_path = v;
    } else {
      ok = false;
    }
    if (!ok) {
      std::fprintf(stderr, "meshcheck_gen: bad option %s %s\n", argv[i - 1], argv[i]);
      Usage(stderr);
      return 2;
    }
  }
  if (archetype.empty() || !have_seed || out_path.empty() ||
      (request.bytes == 0 && request.days == 0)) {
    Usage(stderr);
    return 2;
  }
  request.archetype = archetype;

  meshcheck::gen::GenerateResult result;
  if (request.format == meshcheck::gen::ExportFormat::kSlack && !out_path.ends_with(".zip")) {
    if (out_path == "-" || !WriteSlackFolder(request, out_path, &result)) {
      std::fprintf(stderr, "meshcheck_gen: %s\n",
                   out_path == "-"        ? "a Slack folder cannot go to stdout"
                   : result.error.empty() ? "write error"
                                          : result.error.c_str());
      return 1;
    }
    Report(archetype, request, result);
    return 0;
  }
  std::FILE* file = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
  if (file == nullptr) {
    std::fprintf(stderr, "meshcheck_gen: cannot write %s: %s\n", out_path.c_str(),
                 std::strerror(errno));
    return 1;
  }
  auto sink = [file](std::string_view block) {
    return std::fwrite(block.data(), 1, block.size(), file) == block.size();
  };
  bool ok = meshcheck::gen::Generate(request, sink, &result);
  if (file != stdout)
    ok = std::fclose(file) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "meshcheck_gen: %s\n",
                 result.error.empty() ? "write error" : result.error.c_str());
    if (file != stdout)
      std::remove(out_path.c_str());
    return 1;
  }
  Report(archetype, request, result);
  return 0;
}
