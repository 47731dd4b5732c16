// graph_bench: the analysis alone at scale. Builds a Dataset through the EventSink API (no
// input bytes, no reader) and times each analysis phase the Session runs after the last input:
//
//   graph_bench [--members N] [--replies N] [--days D] [--channels C] [--seed S] [--inferred]
//
// Defaults: 100,000 members, 5,000,000 reply messages (plus one conversation opener per
// kRepliesPerConversation replies) over 730 days in 20 channels, seed 1. The people: member 0 is
// the host (an export signal: is_host_hint) and writes kHostShare of the messages; the others
// are drawn from a skewed ranking (u^2), and a reply comes from the opener's circle of
// kCircle members with probability kInCircle (so ties repeat and reciprocate). A reply answers
// one of the latest kRecent messages of its channel and mentions its author with probability
// kMention. `--inferred`: the channels export no reply links (ChannelInfo.replies_exported
// false), so the graph infers every reply by turn-taking and the verdict adds the sensitivity
// to the inference window (three more graphs and tallies).
//
// Prints one `step seconds cpu seconds` line per step of the analysis (wall clock, then the CPU
// time the process used meanwhile, on every thread), then one line for scripts/bench.sh:
//   phases model=S graph=S metrics=S classify=S total=S members=N messages=N replies=N edges=N
//          peak_mib=M
// with the steps grouped into phases as `meshcheck analyze --timings` groups them (the
// sensitivity's graphs count as graph, its tallies as metrics). The metrics' steps are
// metrics::ComputeMeasures' own (its StepDone), so they are the Session's: "peer network (wait)"
// is what is left of the peer network, which is built on a second thread beside the people's
// measures.
// As in the Session, the graph's edges are collected inside ComputeMeasures; the printed edge
// and reply counts come from a second build, after the timing and the peak reading.
// Deterministic: the same arguments give the same dataset (splitmix64).
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/phase_timer.h"
#include "base/time.h"
#include "classify/boundary.h"
#include "classify/verdict.h"
#include "graph/interaction_graph.h"
#include "meshcheck/malloc_tuning.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measures.h"
#include "metrics/params.h"
#include "model/dataset.h"

namespace {

using namespace meshcheck;

constexpr uint32_t kRepliesPerConversation = 9;
constexpr double kHostShare = 0.05;
constexpr uint32_t kCircle = 50;
constexpr double kInCircle = 0.7;
constexpr uint32_t kRecent = 64;
constexpr double kMention = 0.3;
constexpr int64_t kStartMs = 1'600'000'000'000;  // September 2020.

struct Settings {
  uint32_t members = 100'000;
  uint64_t replies = 5'000'000;
  uint32_t days = 730;
  uint32_t channels = 20;
  uint64_t seed = 1;
  bool inferred = false;
};

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(Unit() * n); }

 private:
  uint64_t state_;
};

bool ParseArgs(int argc, char** argv, Settings* s) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--inferred") {
      s->inferred = true;
      continue;
    }
    if (i + 1 >= argc)
      return false;
    const uint64_t v = std::strtoull(argv[++i], nullptr, 10);
    if (a == "--members" && v >= 2 * kCircle) {
      s->members = static_cast<uint32_t>(v);
    } else if (a == "--replies" && v > 0) {
      s->replies = v;
    } else if (a == "--days" && v > 0) {
      s->days = static_cast<uint32_t>(v);
    } else if (a == "--channels" && v > 0) {
      s->channels = static_cast<uint32_t>(v);
    } else if (a == "--seed") {
      s->seed = v;
    } else {
      return false;
    }
  }
  return true;
}

// Feeds the whole synthetic history into `sink`, in time order.
void Generate(const Settings& s, model::EventSink* sink) {
  Rng rng(s.seed);
  std::vector<std::string> keys(s.members);
  std::vector<std::string> names(s.members);
  for (uint32_t m = 0; m < s.members; ++m) {
    keys[m] = std::to_string(1'000'000'000 + m);
    names[m] = "member" + std::to_string(m);
  }
  std::vector<uint32_t> channels(s.channels);
  std::vector<std::string> channel_keys(s.channels);
  for (uint32_t c = 0; c < s.channels; ++c) {
    channel_keys[c] = "channel" + std::to_string(c);
    model::ChannelInfo info;
    info.key = channel_keys[c];
    info.name = channel_keys[c];
    info.group_key = "guild";
    info.group_name = "Guild";
    info.kind = model::ChannelKind::kChat;
    info.replies_exported = !s.inferred;
    channels[c] = sink->OnChannel(info);
  }
  // Per channel: the latest kRecent messages (id, author, opener's circle), a ring.
  struct Recent {
    uint64_t id;
    uint32_t author;
    uint32_t circle;
  };
  std::vector<std::vector<Recent>> recent(s.channels);
  auto person = [&](uint32_t m) {
    model::PersonRef p;
    p.key = keys[m];
    p.name = names[m];
    p.is_host_hint = m == 0;
    return p;
  };
  auto ranked = [&] {
    const double u = rng.Unit();
    return 1 + static_cast<uint32_t>(u * u * (s.members - 1));
  };
  const uint64_t total = s.replies + s.replies / kRepliesPerConversation;
  const double gap_ms = static_cast<double>(s.days) * base::kMsPerDay / static_cast<double>(total);
  double time = kStartMs;
  std::string id, reply_to;
  model::PersonRef mention;
  for (uint64_t k = 0; k < total; ++k) {
    time += gap_ms * 2 * rng.Unit();
    const uint32_t c = rng.Below(s.channels);
    std::vector<Recent>& ring = recent[c];
    const bool reply = !ring.empty() && rng.Below(kRepliesPerConversation + 1) != 0;
    const Recent* target = reply ? &ring[rng.Below(static_cast<uint32_t>(ring.size()))] : nullptr;
    uint32_t author;
    if (rng.Unit() < kHostShare) {
      author = 0;
    } else if (target && rng.Unit() < kInCircle) {
      author = target->circle * kCircle + rng.Below(kCircle);
      author = author == 0 ? 1 : author;
    } else {
      author = ranked();
    }
    id = std::to_string(k + 1);
    model::Message m;
    m.channel = channels[c];
    m.id = id;
    m.author = person(author);
    m.time_ms = static_cast<int64_t>(time);
    m.has_time = true;
    m.text_bytes = 40;
    if (target) {
      if (!s.inferred) {
        reply_to = std::to_string(target->id);
        m.reply_to = reply_to;
      }
      if (rng.Unit() < kMention) {
        mention = person(target->author);
        m.mentions = {&mention, 1};
      }
    }
    sink->OnMessage(m);
    const Recent entry{k + 1, author, target ? target->circle : author / kCircle};
    if (ring.size() < kRecent) {
      ring.push_back(entry);
    } else {
      ring[k % kRecent] = entry;
    }
  }
}

// Seconds of CPU time this process has used (user and system, page faults included): what a
// step costs on a shared machine, where wall-clock time also counts the other processes.
double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

class Stopwatch {
 public:
  // Wall-clock seconds since the last call (or construction); `cpu`: CPU seconds meanwhile.
  double Lap(double* cpu) {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - last_).count();
    const double cpu_now = CpuSeconds();
    *cpu = cpu_now - last_cpu_;
    last_ = now;
    last_cpu_ = cpu_now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  double last_cpu_ = CpuSeconds();
};

}  // namespace

int main(int argc, char** argv) {
  meshcheck::KeepFreedMemoryForReuse();
  Settings s;
  if (!ParseArgs(argc, argv, &s)) {
    std::fprintf(stderr,
                 "usage: graph_bench [--members N] [--replies N] [--days D] [--channels C] "
                 "[--seed S] [--inferred]\n");
    return 2;
  }
  base::Diagnostics diagnostics;
  model::Dataset data(&diagnostics);
  Stopwatch watch;
  base::PhaseTimes times;
  std::optional<base::PhaseRecording> recording;
  double analysis = 0;
  double analysis_cpu = 0;
  auto phase = [&](const char* name, bool counts) {
    double cpu = 0;
    const double seconds = watch.Lap(&cpu);
    analysis += counts ? seconds : 0;
    analysis_cpu += counts ? cpu : 0;
    std::printf("%-22s %8.3f  cpu %8.3f\n", name, seconds, cpu);
  };
  Generate(s, &data);
  phase("generate (sink)", false);
  recording.emplace(&times, base::Phase::kClassify);
  data.Finalize();
  phase("finalize", true);
  const metrics::GroupFacts facts = metrics::ComputeFacts(data);
  phase("facts", true);
  // As the Session builds it (session/analysis.cc): ComputeMeasures collects the edges.
  graph::InteractionGraph graph =
      graph::InteractionGraph::Build(data, metrics::kInference, graph::EdgeCollection::kLater);
  phase("graph", true);
  const size_t conversations = graph.conversation_root().size();
  const metrics::HostSet hosts = metrics::DetectHosts(data, facts, {});
  phase("hosts", true);
  const metrics::Measures m = metrics::ComputeMeasures(
      data, std::move(graph), facts, hosts, [&](const char* step) { phase(step, true); });
  const auto sensitivity = classify::InferenceSensitivity(data, facts, hosts, m);
  phase("sensitivity", true);
  const classify::Verdict verdict =
      classify::Classify(facts, hosts, m, sensitivity, classify::TraitsOf(data, {}));
  phase("classify", true);
  recording.reset();

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  // The graph's size, counted on a second build once the analysis is timed and its peak read.
  uint64_t replies = 0;
  size_t edges = 0;
  {
    const auto counted = graph::InteractionGraph::Build(data, metrics::kInference);
    for (const graph::Edge& e : counted.edges())
      replies += e.weights.replies;
    edges = counted.edges().size();
  }
  std::printf("%-22s %8.3f  cpu %8.3f  (index %.1f, %zu conversations)\n", "analysis total",
              analysis, analysis_cpu, verdict.index, conversations);
  std::printf(
      "phases model=%.3f graph=%.3f metrics=%.3f classify=%.3f total=%.3f members=%zu "
      "messages=%zu replies=%llu edges=%zu peak_mib=%.1f\n",
      times[base::Phase::kModel], times[base::Phase::kGraph], times[base::Phase::kMetrics],
      times[base::Phase::kClassify], analysis, data.members().size(), data.messages().size(),
      static_cast<unsigned long long>(replies), edges, static_cast<double>(usage.ru_maxrss) / 1024);
  return 0;
}
