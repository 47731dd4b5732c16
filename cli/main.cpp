// meshcheck CLI: marshals files and flags into a Session (the same push path as the browser)
// and prints its summary or report. No analysis logic lives here.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "base/worker.h"
#include "meshcheck/malloc_tuning.h"
#include "meshcheck/options.h"
#include "meshcheck/quiz.h"
#include "meshcheck/session.h"
#include "meshcheck/version.h"

namespace {

constexpr size_t kChunkBytes = 1 << 20;  // DESIGN.md: the CLI pushes 1 MiB chunks.

struct Args {
  std::vector<std::string> files;
  meshcheck::Format format = meshcheck::Format::kAuto;
  bool json = false;
  bool timings = false;
  std::string edges_path;
  meshcheck::Options options;
};

void Usage(std::FILE* to) {
  std::fprintf(to,
               "usage: meshcheck analyze PATH... [--format NAME] [--json] [--host NAME]...\n"
               "                                 [--names] [--edges PATH] [--group-by-thread]\n"
               "                                 [--csv-columns SPEC] [--group NAME]...\n"
               "                                 [--max-memory MB] [--timings]\n"
               "                                 [--no-bot-detection]\n"
               "  PATH           an export file, a zip, or a folder (an unzipped Slack export):\n"
               "                 a folder's files are read in name order\n"
               "  --format NAME  read every file as NAME instead of detecting it (formats:");
  for (meshcheck::Format f : meshcheck::SupportedFormats()) {
    std::fprintf(to, " %s", meshcheck::FormatName(f));
  }
  std::fprintf(to,
               ")\n"
               "  --json         print the report JSON (schema %s) instead of a summary\n"
               "  --host NAME    the group's host (user id or name); repeat for co-hosts\n"
               "  --group NAME   analyse only this channel or group (id or name, e.g. #general,\n"
               "                 r/rstats, a chat's name); repeat to join several\n"
               "  --names        show member names instead of pseudonyms\n"
               "  --edges PATH   also write the interaction graph as tab-separated text\n"
               "  --no-bot-detection  count accounts the export does not mark as bots as\n"
               "                 people, even with a bot's name or reflexes\n"
               "  --group-by-thread  Reddit: one group per thread instead of per subreddit\n"
               "  --csv-columns SPEC  generic CSV: header names for meshcheck's columns,\n"
               "                 e.g. author=user,timestamp=created_at (docs/generic-csv.md)\n"
               "  --max-memory MB  stop with a clear message when the analysis would hold more\n"
               "                 than MB megabytes (docs/limits.md)\n"
               "  --timings      print the seconds spent in each phase to stderr (one line:\n"
               "                 timings read=S tokenize=S model=S graph=S metrics=S\n"
               "                 classify=S report=S total=S)\n"
               "  meshcheck quiz --answers FILE [--report FILE] [--definition FILE] [--json]\n"
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
    } else if (a == "--timings") {
      args->timings = true;
    } else if (a == "--names") {
      args->options.pseudonymize = false;
    } else if (a == "--no-bot-detection") {
      args->options.detect_bots = false;
    } else if (a == "--group-by-thread") {
      args->options.group_by_thread = true;
    } else if (a == "--max-memory") {
      const char* v = value("--max-memory");
      if (!v)
        return false;
      char* end = nullptr;
      const unsigned long long mb = std::strtoull(v, &end, 10);
      if (*v < '0' || *v > '9' || *end != '\0' || mb == 0 || mb > (1ull << 40)) {
        std::fprintf(stderr, "meshcheck: --max-memory needs a number of megabytes\n");
        return false;
      }
      args->options.max_memory_bytes = static_cast<uint64_t>(mb) << 20;
    } else if (a == "--csv-columns") {
      const char* v = value("--csv-columns");
      if (!v)
        return false;
      args->options.csv_columns = v;
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
    } else if (a == "--group") {
      const char* v = value("--group");
      if (!v)
        return false;
      args->options.groups.emplace_back(v);
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

struct InputFile {
  std::string path;  // Where to read it.
  std::string name;  // How the session sees it: the base name, or the path from the folder.
};

// Name order with digit runs compared as numbers, so DCE partitions 1.csv, 2.csv, ... 10.csv
// are read in order (as a file manager lists them).
bool NaturalLess(const std::string& a, const std::string& b) {
  size_t i = 0;
  size_t j = 0;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      size_t ei = i;
      size_t ej = j;
      while (ei < a.size() && digit(a[ei]))
        ++ei;
      while (ej < b.size() && digit(b[ej]))
        ++ej;
      // Compare as numbers: strip leading zeros, then shorter is smaller, then lexically.
      std::string_view na(a.data() + i, ei - i);
      std::string_view nb(b.data() + j, ej - j);
      while (na.size() > 1 && na.front() == '0')
        na.remove_prefix(1);
      while (nb.size() > 1 && nb.front() == '0')
        nb.remove_prefix(1);
      if (na.size() != nb.size())
        return na.size() < nb.size();
      if (na != nb)
        return na < nb;
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j])
        return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

// The files of `path`: itself, or a folder's regular files (recursively, in name order) named
// by their path from the folder's own name ("export/general/2016-01-01.json"), as a browser
// names the files of a dropped folder.
std::vector<InputFile> ExpandPath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path root(path);
  if (!fs::is_directory(root, ec))
    return {{path, root.filename().string()}};
  fs::path folder = fs::absolute(root, ec).lexically_normal();
  if (folder.filename().empty())  // "export/" (a trailing separator) is "export".
    folder = folder.parent_path();
  const fs::path base = folder.parent_path();
  std::vector<InputFile> out;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file(ec)) {
      const fs::path full = fs::absolute(it->path(), ec).lexically_normal();
      out.push_back({it->path().string(), full.lexically_relative(base).generic_string()});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const InputFile& a, const InputFile& b) { return NaturalLess(a.name, b.name); });
  return out;
}

// Reads a stream in chunks of kChunkBytes one chunk ahead, on a second thread: the copy out of
// the page cache (a tenth of a 1 GB export's analysis) overlaps the session's work.
class ChunksAhead {
 public:
  explicit ChunksAhead(std::istream* in) : in_(in), current_(kChunkBytes), ahead_(kChunkBytes) {
    ReadAhead();
  }

  // The next chunk: empty at the end of the stream or on a read error. Valid until the next
  // call. The stream is read no more once the ChunksAhead is destroyed.
  std::string_view Next() {
    worker_.Wait();
    current_.swap(ahead_);
    const size_t got = ahead_got_;
    if (got > 0)
      ReadAhead();
    return {current_.data(), got};
  }

 private:
  void ReadAhead() {
    worker_.Post([this] {
      in_->read(ahead_.data(), static_cast<std::streamsize>(ahead_.size()));
      ahead_got_ = static_cast<size_t>(in_->gcount());
    });
  }

  std::istream* in_;
  std::vector<char> current_;  // The caller's.
  std::vector<char> ahead_;    // The worker's, until Wait.
  size_t ahead_got_ = 0;
  meshcheck::base::Worker worker_;  // Last: destroyed (joined) first.
};

// Streams one file into the session. Returns false with a one-line reason on failure. Adds the
// time spent reading the file to `read_seconds`.
bool PushFile(meshcheck::Session* session,
              const InputFile& file,
              meshcheck::Format format,
              std::string* reason,
              double* read_seconds) {
  const std::string& path = file.path;
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    *reason = path + ": cannot open the file";
    return false;
  }
  meshcheck::InputInfo info;
  info.name = file.name;
  info.size_hint = static_cast<uint64_t>(in.tellg());
  info.format = format;
  in.seekg(0);
  meshcheck::Status status = session->BeginInput(info);
  if (status.ok()) {
    ChunksAhead chunks(&in);
    while (status.ok()) {
      const auto start = std::chrono::steady_clock::now();
      const std::string_view chunk = chunks.Next();
      *read_seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (chunk.empty())
        break;
      status = session->Push(chunk);
    }
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

// `meshcheck quiz`: scores a self-assessment (docs/quiz.md). Marshalling only; the core scores.
struct QuizArgs {
  std::string answers;
  std::string report;
  std::string definition;
  bool json = false;
  bool check = false;
};

void QuizUsage(std::FILE* to) {
  std::fprintf(to,
               "usage: meshcheck quiz --answers FILE [--report REPORT.json] [--definition FILE]\n"
               "                      [--json]\n"
               "       meshcheck quiz --check [--definition FILE]\n"
               "  --answers FILE     the answers (schema meshcheck.quiz-answers/v1)\n"
               "  --report FILE      a report (meshcheck analyze --json): sets what you say\n"
               "                     beside what your data says\n"
               "  --definition FILE  a quiz definition (schema meshcheck.quiz/v1) instead of\n"
               "                     the default one\n"
               "  --json             print the result JSON (schema meshcheck.quiz-result/v1)\n"
               "  --check            only validate the definition\n");
}

bool ParseQuizArgs(int argc, char** argv, QuizArgs* args) {
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    std::string* target = a == "--answers"      ? &args->answers
                          : a == "--report"     ? &args->report
                          : a == "--definition" ? &args->definition
                                                : nullptr;
    if (target && i + 1 < argc) {
      *target = argv[++i];
    } else if (a == "--json") {
      args->json = true;
    } else if (a == "--check") {
      args->check = true;
    } else {
      const char* problem = target ? "a value is needed after" : "unknown option";
      std::fprintf(stderr, "meshcheck: %s '%s'\n", problem, a.c_str());
      return false;
    }
  }
  return args->check || !args->answers.empty();
}

// Reads `path` whole into `out` (quiz documents are small). Prints why on failure.
bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::fprintf(stderr, "meshcheck: %s: cannot read the file\n", path.c_str());
    return false;
  }
  *out = text.str();
  return true;
}

int RunQuiz(int argc, char** argv) {
  QuizArgs args;
  if (!ParseQuizArgs(argc, argv, &args)) {
    QuizUsage(stderr);
    return 2;
  }
  std::string definition, answers, report;
  if ((!args.definition.empty() && !ReadWholeFile(args.definition, &definition)) ||
      (!args.answers.empty() && !ReadWholeFile(args.answers, &answers)) ||
      (!args.report.empty() && !ReadWholeFile(args.report, &report))) {
    return 1;
  }
  meshcheck::Status status;
  meshcheck::QuizScore score;
  if (args.check)
    status = meshcheck::CheckQuizDefinition(definition);
  else
    status = meshcheck::ScoreQuiz(definition, answers, report, &score);
  if (!status.ok()) {
    std::fprintf(stderr, "meshcheck: %s [%s]\n", status.message().c_str(), status.id().c_str());
    return 1;
  }
  if (args.check)
    std::printf("The quiz definition is valid.\n");
  else
    std::fputs(args.json ? score.result_json.c_str() : score.summary_text.c_str(), stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  meshcheck::KeepFreedMemoryForReuse();
  if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
    std::printf("meshcheck %s\n", meshcheck::kVersion);
    return 0;
  }
  if (argc >= 2 && std::strcmp(argv[1], "quiz") == 0)
    return RunQuiz(argc, argv);
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    Usage(stderr);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  meshcheck::Session session(args.options);
  if (args.timings)
    session.EnableTimings();
  double read_seconds = 0;
  std::vector<std::string> failures;
  for (const std::string& path : args.files) {
    const std::vector<InputFile> files = ExpandPath(path);
    if (files.empty())
      failures.push_back(path + ": the folder holds no files");
    for (const InputFile& file : files) {
      std::string reason;
      if (!PushFile(&session, file, args.format, &reason, &read_seconds))
        failures.push_back(reason);
    }
  }
  const meshcheck::Status finished = session.Finish();
  if (args.timings) {
    const meshcheck::PhaseTimings t = session.timings();
    std::fprintf(stderr,
                 "timings read=%.3f tokenize=%.3f model=%.3f graph=%.3f metrics=%.3f "
                 "classify=%.3f report=%.3f total=%.3f\n",
                 read_seconds, t.tokenize, t.model, t.graph, t.metrics, t.classify, t.report,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  for (const std::string& reason : failures)
    std::fprintf(stderr, "meshcheck: %s\n", reason.c_str());
  if (!finished.ok())
    return 1;
  if (!args.edges_path.empty()) {
    std::ofstream edges(args.edges_path, std::ios::binary);
    session.WriteGraphEdgeList([](uint64_t) {},
                               [&](std::string_view piece) {
                                 edges.write(piece.data(),
                                             static_cast<std::streamsize>(piece.size()));
                               });
    if (!edges) {
      std::fprintf(stderr, "meshcheck: cannot write %s\n", args.edges_path.c_str());
      return 1;
    }
  }
  std::fputs(args.json ? session.ReportJson().c_str() : session.SummaryText().c_str(), stdout);
  return failures.empty() ? 0 : 1;
}
