// meshcheck CLI: marshals files and flags into a Session (the same push path as the browser)
// and prints its summary or report. No analysis logic lives here.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "meshcheck/options.h"
#include "meshcheck/session.h"
#include "meshcheck/version.h"

namespace {

constexpr size_t kChunkBytes = 1 << 20;  // DESIGN.md: the CLI pushes 1 MiB chunks.

struct Args {
  std::vector<std::string> files;
  meshcheck::Format format = meshcheck::Format::kAuto;
  bool json = false;
  std::string edges_path;
  meshcheck::Options options;
};

void Usage(std::FILE* to) {
  std::fprintf(to,
               "usage: meshcheck analyze FILE... [--format NAME] [--json] [--host NAME]...\n"
               "                                 [--names] [--edges PATH]\n"
               "  --format NAME  read every FILE as NAME instead of detecting it (formats:");
  for (meshcheck::Format f : meshcheck::SupportedFormats()) {
    std::fprintf(to, " %s", meshcheck::FormatName(f));
  }
  std::fprintf(to,
               ")\n"
               "  --json         print the report JSON (schema %s) instead of a summary\n"
               "  --host NAME    the group's host (user id or name); repeat for co-hosts\n"
               "  --names        show member names instead of pseudonyms\n"
               "  --edges PATH   also write the interaction graph as tab-separated text\n"
               "  meshcheck --version\n",
               meshcheck::kReportSchema);
}

// Returns false (after printing why) on a bad command line.
bool ParseArgs(int argc, char** argv, Args* args) {
  if (argc < 2 || std::strcmp(argv[1], "analyze") != 0)
    return false;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](const char* flag) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "meshcheck: %s needs a value\n", flag);
        return nullptr;
      }
      return argv[++i];
    };
    if (a == "--json") {
      args->json = true;
    } else if (a == "--names") {
      args->options.pseudonymize = false;
    } else if (a == "--format") {
      const char* v = value("--format");
      if (!v)
        return false;
      const auto f = meshcheck::ParseFormatName(v);
      if (!f) {
        std::fprintf(stderr, "meshcheck: unknown format '%s'\n", v);
        return false;
      }
      args->format = *f;
    } else if (a == "--host") {
      const char* v = value("--host");
      if (!v)
        return false;
      args->options.hosts.emplace_back(v);
    } else if (a == "--edges") {
      const char* v = value("--edges");
      if (!v)
        return false;
      args->edges_path = v;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "meshcheck: unknown option '%s'\n", a.c_str());
      return false;
    } else {
      args->files.push_back(a);
    }
  }
  return !args->files.empty();
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Streams one file into the session. Returns false with a one-line reason on failure.
bool PushFile(meshcheck::Session* session,
              const std::string& path,
              meshcheck::Format format,
              std::string* reason) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    *reason = path + ": cannot open the file";
    return false;
  }
  meshcheck::InputInfo info;
  info.name = BaseName(path);
  info.size_hint = static_cast<uint64_t>(in.tellg());
  info.format = format;
  in.seekg(0);
  meshcheck::Status status = session->BeginInput(info);
  std::vector<char> buffer(kChunkBytes);
  while (status.ok() && in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<size_t>(in.gcount());
    if (got == 0)
      break;
    status = session->Push(std::string_view(buffer.data(), got));
  }
  if (in.bad()) {
    *reason = path + ": read error";
    session->EndInput();
    return false;
  }
  const meshcheck::Status end = session->EndInput();
  if (status.ok())
    status = end;
  if (!status.ok()) {
    *reason = path + ": " + status.message() + " [" + status.id() + "]";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
    std::printf("meshcheck %s\n", meshcheck::kVersion);
    return 0;
  }
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    Usage(stderr);
    return 2;
  }
  meshcheck::Session session(args.options);
  std::vector<std::string> failures;
  for (const std::string& file : args.files) {
    std::string reason;
    if (!PushFile(&session, file, args.format, &reason))
      failures.push_back(reason);
  }
  const meshcheck::Status finished = session.Finish();
  for (const std::string& reason : failures)
    std::fprintf(stderr, "meshcheck: %s\n", reason.c_str());
  if (!finished.ok())
    return 1;
  if (!args.edges_path.empty()) {
    std::ofstream edges(args.edges_path, std::ios::binary);
    edges << session.GraphEdgeList();
    if (!edges) {
      std::fprintf(stderr, "meshcheck: cannot write %s\n", args.edges_path.c_str());
      return 1;
    }
  }
  std::fputs(args.json ? session.ReportJson().c_str() : session.SummaryText().c_str(), stdout);
  return failures.empty() ? 0 : 1;
}
