#include "ingest/discord_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <vector>

#include "base/strings.h"
#include "ingest/csv_table.h"
#include "ingest/dce_common.h"

namespace meshcheck::ingest {
namespace {

constexpr std::array<std::string_view, 6> kHeader = {"AuthorID", "Author",      "Date",
                                                     "Content",  "Attachments", "Reactions"};

class DiscordCsvReader : public CsvTableReader {
 public:
  explicit DiscordCsvReader(const ReaderContext& context)
      : CsvTableReader(context, ",;", "ingest.discord"), messages_(context) {}

 protected:
  Status OnHeader(CsvFields fields) override;
  Status OnRecord(CsvFields fields) override;
  void OnEnd() override { messages_.Finish(); }

 private:
  int author_id_ = -1, author_ = -1, date_ = -1, content_ = -1, reactions_ = -1;
  DceMessages messages_;
};

Status DiscordCsvReader::OnHeader(CsvFields fields) {
  const CsvColumn columns[] = {{kHeader[0], &author_id_},
                               {kHeader[1], &author_},
                               {kHeader[2], &date_},
                               {kHeader[3], &content_},
                               {kHeader[5], &reactions_, false}};
  const std::string missing = FindCsvColumns(fields, columns);
  if (!missing.empty()) {
    return Status(StatusCode::kUnsupportedFormat, "ingest.discord.not_dce_csv",
                  "This CSV is not a DiscordChatExporter export: its header has no " + missing +
                      " column (found " + DescribeCsvHeader(fields) + ").",
                  Here());
  }
  messages_.DeclareChannel({}, {}, {});
  return Status::Ok();
}

Status DiscordCsvReader::OnRecord(CsvFields fields) {
  DceRecord r;
  r.author_id = base::TrimAscii(fields[author_id_]);
  r.author = fields[author_];
  r.date = fields[date_];
  r.content = fields[content_];
  r.content_bytes = r.content.size();
  r.reactions = reactions_ >= 0 ? DceCsvReactionCount(fields[reactions_]) : 0;
  r.at = Here();
  messages_.Emit(r);
  return Status::Ok();
}

}  // namespace

uint32_t DceCsvReactionCount(std::string_view field) {
  uint64_t total = 0;
  while (!field.empty()) {
    const size_t comma = field.find(',');
    const std::string_view item = base::TrimAscii(field.substr(0, comma));
    field = comma == std::string_view::npos ? std::string_view() : field.substr(comma + 1);
    if (item.empty())
      continue;
    uint64_t n = 1;
    const size_t open = item.rfind(" (");
    if (base::EndsWith(item, ")") && open != std::string_view::npos) {
      const std::string_view digits = item.substr(open + 2, item.size() - open - 3);
      uint64_t value = 0;
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (ec == std::errc() && end == digits.data() + digits.size())
        n = value;
      else if (ec == std::errc::result_out_of_range)
        n = UINT32_MAX;
    }
    total = std::min<uint64_t>(total + std::min<uint64_t>(n, UINT32_MAX), UINT32_MAX);
  }
  return static_cast<uint32_t>(total);
}

std::unique_ptr<Reader> MakeDiscordCsvReader(const ReaderContext& context) {
  return std::make_unique<DiscordCsvReader>(context);
}

bool SniffDiscordCsv(const Head& head) {
  std::vector<std::string> fields = SniffCsvHeader(head, ",;");
  if (fields.size() == kHeader.size() + 1 && fields.back().empty())
    fields.pop_back();
  return std::equal(fields.begin(), fields.end(), kHeader.begin(), kHeader.end());
}

}  // namespace meshcheck::ingest
