#include "ingest/generic_csv.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/strings.h"
#include "base/time.h"
#include "ingest/csv_table.h"

namespace meshcheck::ingest {
namespace {

using base::TrimAscii;

constexpr size_t kFieldCount = kGenericCsvFields.size();
// Unix times below this many are seconds, above it milliseconds (1e11 s is the year 5138,
// 1e11 ms is 1973).
constexpr double kMillisecondsFrom = 1e11;

size_t Index(CsvField f) {
  return static_cast<size_t>(f);
}

// Unix time in seconds or milliseconds ("1700000000", "1700000000.5", "1700000000123").
std::optional<int64_t> ParseUnixTime(std::string_view text) {
  if (text.empty() || text.size() > 24 || !std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.';
      })) {
    return std::nullopt;
  }
  // strtod, not std::from_chars: emscripten's libc++ has no floating-point from_chars. The
  // program never changes the C locale, so '.' is the decimal point.
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size())
    return std::nullopt;
  const double ms = value < kMillisecondsFrom ? value * 1000 : value;
  if (ms > 9e15)  // Far beyond any plausible date; keeps the conversion defined.
    return std::nullopt;
  return static_cast<int64_t>(ms);
}

struct KindInfo {
  model::MessageKind kind = model::MessageKind::kMessage;
  model::SystemAction action = model::SystemAction::kNone;
  bool bot = false, host = false, forward = false;
};
std::optional<KindInfo> ParseKind(std::string_view text) {
  using model::MessageKind;
  using model::SystemAction;
  const std::string k = base::AsciiLowered(TrimAscii(text));
  KindInfo info;
  if (k.empty() || k == "message")
    return info;
  if (k == "system" || k == "join" || k == "leave") {
    info.kind = MessageKind::kSystem;
    info.action = k == "join"    ? SystemAction::kJoin
                  : k == "leave" ? SystemAction::kLeave
                                 : SystemAction::kOther;
    return info;
  }
  info.bot = k == "bot";
  info.host = k == "host";
  info.forward = k == "forward";
  if (!info.bot && !info.host && !info.forward)
    return std::nullopt;
  return info;
}

class GenericCsvReader : public CsvTableReader {
 public:
  explicit GenericCsvReader(const ReaderContext& context)
      : CsvTableReader(context, ",;\t", "ingest.csv") {}

 protected:
  Status OnHeader(CsvFields fields) override;
  Status OnRecord(CsvFields fields) override;
  void OnEnd() override;

 private:
  std::string_view Field(CsvFields fields, CsvField f) {
    const int column = columns_[Index(f)];
    return column < 0 ? std::string_view() : Utf8(TrimAscii(fields[column]));
  }
  uint32_t ChannelOf(std::string_view key);
  void Count(const char* id, base::Severity severity, const char* message);

  std::array<int, kFieldCount> columns_{};
  std::unordered_map<std::string, uint32_t> channels_;  // Channel key -> handle.
  struct Tally {
    base::Severity severity;
    std::string message;
    uint64_t count = 0;
    Location first;
  };
  std::map<std::string, Tally, std::less<>> tallies_;  // Diagnostics, added once at the end.
};

Status GenericCsvReader::OnHeader(CsvFields fields) {
  CsvColumnNames names;
  Status s = ParseCsvColumns(context().options->csv_columns, &names);
  if (!s.ok())
    return s.At(Location{context().input, 0, 0});
  std::string missing;
  for (size_t i = 0; i < kFieldCount; ++i) {
    columns_[i] = FindCsvColumn(fields, names.header[i]);
    const bool required = i == Index(CsvField::kTimestamp) || i == Index(CsvField::kAuthor);
    if (columns_[i] < 0 && (required || names.named[i])) {
      missing += missing.empty() ? "" : ", ";
      missing += std::string(kGenericCsvFields[i]) + " (looked for \"" + names.header[i] + "\")";
    }
  }
  if (!missing.empty()) {
    return Status(StatusCode::kUnsupportedFormat, "ingest.csv.missing_columns",
                  "This CSV has no column for " + missing + "; its header has " +
                      DescribeCsvHeader(fields) +
                      ". Name the columns with --csv-columns, e.g. "
                      "\"author=User,timestamp=Date\" (see docs/generic-csv.md).",
                  Here());
  }
  return Status::Ok();
}

uint32_t GenericCsvReader::ChannelOf(std::string_view key) {
  const auto [it, inserted] = channels_.try_emplace(std::string(key), 0);
  if (!inserted)
    return it->second;
  model::ChannelInfo info;
  info.replies_exported = columns_[Index(CsvField::kReplyTo)] >= 0;
  if (!key.empty()) {
    info.key = info.name = key;
  } else {
    info.key = Utf8(context().name);
    const std::string_view name = info.key.substr(info.key.rfind('/') + 1);
    info.name = name.substr(0, std::min(name.rfind('.'), name.size()));
  }
  it->second = context().sink->OnChannel(info);
  return it->second;
}

void GenericCsvReader::Count(const char* id, base::Severity severity, const char* message) {
  const auto it = tallies_.find(std::string_view(id));
  if (it != tallies_.end()) {
    ++it->second.count;
    return;
  }
  tallies_.emplace(id, Tally{severity, message, 1, Here()});
}

Status GenericCsvReader::OnRecord(CsvFields fields) {
  model::Message m;
  m.author.key = m.author.name = Field(fields, CsvField::kAuthor);
  if (m.author.key.empty()) {
    Count("ingest.csv.no_author", base::Severity::kWarning, "Rows without an author were skipped.");
    return Status::Ok();
  }
  m.channel = ChannelOf(Field(fields, CsvField::kChannel));
  m.id = Field(fields, CsvField::kId);
  m.reply_to = Field(fields, CsvField::kReplyTo);
  m.thread = Field(fields, CsvField::kThread);
  const std::string_view when = TrimAscii(fields[columns_[Index(CsvField::kTimestamp)]]);
  if (const auto iso = base::ParseIso8601(when)) {
    m.time_ms = iso->ms;
    m.has_time = true;
    if (!iso->has_offset) {
      Count("ingest.csv.local_time", base::Severity::kInfo,
            "Timestamps without a time zone were read as UTC.");
    }
  } else if (const auto unix_ms = ParseUnixTime(when)) {
    m.time_ms = *unix_ms;
    m.has_time = true;
  } else {
    Count("ingest.csv.bad_timestamp", base::Severity::kWarning,
          "Rows whose timestamp is neither ISO 8601 nor Unix time were kept without a time.");
  }
  const int kind_column = columns_[Index(CsvField::kKind)];
  const auto kind = ParseKind(kind_column < 0 ? std::string_view() : fields[kind_column]);
  if (!kind) {
    Count("ingest.csv.unknown_kind", base::Severity::kWarning,
          "Rows with an unknown kind were read as messages (kinds: message, system, join, "
          "leave, bot, host, forward).");
  } else {
    m.kind = kind->kind;
    m.action = kind->action;
    m.author.is_bot = kind->bot;
    m.author.is_host_hint = kind->host;
    m.is_forward = kind->forward;
  }
  const int text_column = columns_[Index(CsvField::kText)];
  if (text_column >= 0)
    m.text_bytes = static_cast<uint32_t>(std::min<size_t>(fields[text_column].size(), UINT32_MAX));
  context().sink->OnMessage(m);
  return Status::Ok();
}

void GenericCsvReader::OnEnd() {
  for (const auto& [id, t] : tallies_)
    context().diagnostics->Add(id, t.severity, t.message, t.first, t.count);
}

}  // namespace

Status ParseCsvColumns(std::string_view spec, CsvColumnNames* out) {
  for (size_t i = 0; i < kFieldCount; ++i) {
    out->header[i] = kGenericCsvFields[i];
    out->named[i] = false;
  }
  auto bad = [](const std::string& why) {
    return Status(StatusCode::kInvalidArgument, "ingest.csv.bad_columns_option",
                  "The --csv-columns option " + why +
                      ". Write field=Header pairs separated by commas; the fields are id, "
                      "timestamp, author, reply_to, thread, channel, kind and text.");
  };
  while (!TrimAscii(spec).empty()) {
    const size_t comma = spec.find(',');
    const std::string_view pair = TrimAscii(spec.substr(0, comma));
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos)
      return bad("has \"" + std::string(pair) + "\", which is not field=Header");
    const std::string field = base::AsciiLowered(TrimAscii(pair.substr(0, eq)));
    const std::string_view header = TrimAscii(pair.substr(eq + 1));
    const auto known = std::find(kGenericCsvFields.begin(), kGenericCsvFields.end(), field);
    if (known == kGenericCsvFields.end())
      return bad("names an unknown field \"" + field + "\"");
    const size_t i = static_cast<size_t>(known - kGenericCsvFields.begin());
    if (out->named[i])
      return bad("names the field \"" + field + "\" twice");
    if (header.empty())
      return bad("gives no header name for \"" + field + "\"");
    out->header[i] = header;
    out->named[i] = true;
  }
  return Status::Ok();
}

std::unique_ptr<Reader> MakeGenericCsvReader(const ReaderContext& context) {
  return std::make_unique<GenericCsvReader>(context);
}

bool SniffGenericCsv(const Head& head) {
  const std::vector<std::string> header = SniffCsvHeader(head, ",;\t");
  const std::vector<std::string_view> fields(header.begin(), header.end());
  for (CsvField f : {CsvField::kId, CsvField::kTimestamp, CsvField::kAuthor}) {
    if (FindCsvColumn(fields, kGenericCsvFields[Index(f)]) < 0)
      return false;
  }
  return true;
}

}  // namespace meshcheck::ingest
