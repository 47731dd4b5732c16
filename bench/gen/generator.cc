#include "gen/generator.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "base/hash.h"
#include "base/time.h"
#include "gen/conversation.h"
#include "gen/dce_writer.h"
#include "gen/file_set.h"
#include "gen/roster.h"
#include "gen/slack_writer.h"
#include "gen/whatsapp_writer.h"

namespace meshcheck::gen {
namespace {

using base::kMsPerHour;
using base::kMsPerMinute;

// Exports start on a Monday between 2023-09-04 and 2024-02-26 (by seed).
constexpr int64_t kFirstMonday = 19604;  // 2023-09-04.

// Where the bytes go: one stream (DCE, WhatsApp, a Slack zip) or separate files (Slack).
struct Target {
  ExportFormat format;
  const Output::Sink* stream = nullptr;
  const FileSink* files = nullptr;
};

struct Plan {
  const ArchetypeParams* params;
  uint64_t seed;
  uint32_t span_days;  // Members join during these days.
  uint32_t run_days;   // Conversations start during these days.
  double scale;
  uint64_t limit;  // Output bytes (0: none).
  bool bot_flags;
};

struct Outcome {
  uint64_t messages = 0;
  uint64_t bytes = 0;
  int64_t last_time_ms = 0;
  uint32_t members = 0;
  std::string file_name;
  std::vector<std::string> host_keys;
  bool ok = false;
};

// The writer of `target`'s format with what it writes to; Finish() closes the output.
class WriterSetup {
 public:
  WriterSetup(const Target& target, const ExportInfo& info, uint64_t limit) {
    switch (target.format) {
      case ExportFormat::kDce:
        out_ = std::make_unique<Output>(*target.stream, limit);
        writer_ = std::make_unique<DceWriter>(info, out_.get());
        break;
      case ExportFormat::kWhatsApp: {
        out_ = std::make_unique<Output>(*target.stream, limit);
        auto writer = std::make_unique<WhatsAppWriter>(info, out_.get());
        file_name_ = writer->FileName();
        writer_ = std::move(writer);
        break;
      }
      case ExportFormat::kSlack:
        if (target.files != nullptr) {
          files_ = std::make_unique<CallbackFileSet>(*target.files, limit);
        } else {
          files_ = std::make_unique<ZipFileSet>(*target.stream, limit);
        }
        writer_ = std::make_unique<SlackWriter>(info, files_.get());
        break;
    }
  }

  ChatWriter& writer() { return *writer_; }
  const std::string& file_name() const { return file_name_; }
  bool Finish() { return out_ != nullptr ? out_->Finish() : files_->Finish(); }
  uint64_t bytes() const { return out_ != nullptr ? out_->bytes() : files_->bytes(); }

 private:
  std::unique_ptr<Output> out_;
  std::unique_ptr<FileSet> files_;
  std::unique_ptr<ChatWriter> writer_;
  std::string file_name_;
};

Outcome RunOnce(const Plan& plan, int64_t exported_at_ms, const Target& target) {
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
  info.bot_flags = plan.bot_flags;
  WriterSetup setup(target, info, plan.limit);
  ChatWriter& writer = setup.writer();
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
  outcome.ok = setup.Finish();
  outcome.messages = writer.messages_written();
  outcome.bytes = setup.bytes();
  outcome.last_time_ms =
      model.messages() > 0 ? model.last_time_ms() : LocalMidnightUtc(zone, first_day);
  outcome.members = members;
  outcome.file_name = setup.file_name();
  for (const uint32_t host : roster.hosts)
    outcome.host_keys.push_back(writer.PersonKey(host));
  return outcome;
}

bool Discard(std::string_view) {
  return true;
}

bool DiscardFile(std::string_view, std::string_view) {
  return true;
}

// The same target with its bytes thrown away (pilots and dry runs).
Target Discarding(const Target& target) {
  static const Output::Sink kDiscard = Discard;
  static const FileSink kDiscardFile = DiscardFile;
  Target t = target;
  if (t.stream != nullptr)
    t.stream = &kDiscard;
  if (t.files != nullptr)
    t.files = &kDiscardFile;
  return t;
}

bool Run(const GenerateRequest& request, const Target& target, GenerateResult* result) {
  const ArchetypeParams* params = FindArchetype(request.archetype);
  if (params == nullptr) {
    result->error = "unknown archetype '" + std::string(request.archetype) + "'";
    return false;
  }
  if (request.bytes == 0 && request.days == 0) {
    result->error = "give a size (bytes) or a span (days)";
    return false;
  }
  const Target discarding = Discarding(target);
  Plan plan{params,
            request.seed,
            request.days != 0 ? request.days : kDefaultSpanDays,
            0,
            request.scale,
            request.bytes,
            request.bot_flags};
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
      const Outcome measured = RunOnce(pilot, 0, discarding);
      plan.scale *= static_cast<double>(request.bytes) * pilot.run_days /
                    (static_cast<double>(std::max<uint64_t>(measured.bytes, 1)) * plan.span_days);
    }
  }
  // A size target may need more days than planned when the fitted scale is a little low.
  plan.run_days = request.bytes == 0 ? plan.span_days : plan.span_days + plan.span_days / 2;

  // DCE writes the export's time first, but it follows the last message: a dry run finds it.
  // The time always has the same length, so both runs stop at the same message.
  int64_t exported_at = 0;
  if (target.format == ExportFormat::kDce) {
    const Outcome dry = RunOnce(plan, 0, discarding);
    exported_at = dry.last_time_ms + 2 * kMsPerHour +
                  static_cast<int64_t>(base::Mix64(request.seed + 1) % (300 * kMsPerMinute));
  }
  Outcome done = RunOnce(plan, exported_at, target);

  result->messages = done.messages;
  result->bytes = done.bytes;
  result->days = plan.span_days;
  result->scale = plan.scale;
  result->members = done.members;
  result->file_name = std::move(done.file_name);
  result->host_keys = std::move(done.host_keys);
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

}  // namespace

bool Generate(const GenerateRequest& request, const Output::Sink& sink, GenerateResult* result) {
  return Run(request, Target{request.format, &sink, nullptr}, result);
}

bool GenerateSlackFiles(const GenerateRequest& request,
                        const FileSink& files,
                        GenerateResult* result) {
  return Run(request, Target{ExportFormat::kSlack, nullptr, &files}, result);
}

}  // namespace meshcheck::gen
