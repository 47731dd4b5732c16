// meshcheck_gen: writes a synthetic, seeded DiscordChatExporter JSON export.
//   meshcheck_gen --archetype NAME --seed N (--bytes SIZE | --days D) [--scale F] --out FILE
//   meshcheck_gen --list
// SIZE takes a K, M or G suffix (powers of 1000) or Ki, Mi, Gi (powers of 1024).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "gen/archetypes.h"
#include "gen/generator.h"

namespace {

void Usage(std::FILE* to) {
  std::fprintf(to,
               "usage: meshcheck_gen --archetype NAME --seed N (--bytes SIZE | --days D)\n"
               "                     [--scale F] --out FILE\n"
               "       meshcheck_gen --list\n"
               "  --bytes SIZE  stop before the file exceeds SIZE (suffix K, M, G = 1000^n;\n"
               "                Ki, Mi, Gi = 1024^n); the span defaults to %u days\n"
               "  --days D      conversations over D days\n"
               "  --scale F     multiply the conversation rates (default: 1 with --days alone,\n"
               "                else fitted to the size)\n"
               "  --out FILE    the output file ('-' for stdout)\n",
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

void List() {
  for (const auto& a : meshcheck::gen::Archetypes()) {
    std::printf("%-10.*s %.*s\n", static_cast<int>(a.name.size()), a.name.data(),
                static_cast<int>(a.summary.size()), a.summary.data());
  }
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

  std::FILE* file = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
  if (file == nullptr) {
    std::fprintf(stderr, "meshcheck_gen: cannot write %s: %s\n", out_path.c_str(),
                 std::strerror(errno));
    return 1;
  }
  auto sink = [file](std::string_view block) {
    return std::fwrite(block.data(), 1, block.size(), file) == block.size();
  };
  meshcheck::gen::GenerateResult result;
  bool ok = meshcheck::gen::GenerateDce(request, sink, &result);
  if (file != stdout)
    ok = std::fclose(file) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "meshcheck_gen: %s\n",
                 result.error.empty() ? "write error" : result.error.c_str());
    if (file != stdout)
      std::remove(out_path.c_str());
    return 1;
  }
  std::fprintf(stderr,
               "meshcheck_gen: %s seed %llu: %llu messages, %llu bytes, %u days planned, "
               "scale %.3g, %u members\n",
               archetype.c_str(), static_cast<unsigned long long>(request.seed),
               static_cast<unsigned long long>(result.messages),
               static_cast<unsigned long long>(result.bytes), result.days, result.scale,
               result.members);
  return 0;
}
