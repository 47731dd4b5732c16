// CsvParser (csv.h) and the header helpers of csv_table.h: RFC 4180 records from pushed bytes,
// the same for every split of the input, with the errors the readers rely on.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "ingest/csv.h"
#include "ingest/csv_table.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

using ingest::CsvParser;
using Records = std::vector<std::vector<std::string>>;

struct Parsed {
  Records records;
  CsvParser::Error error = CsvParser::Error::kNone;
  uint64_t line = 0, offset = 0;
};

// Pushes `data` in chunks of `chunk` bytes (0: whole), then finishes.
Parsed Parse(std::string_view data, size_t chunk = 0, char delimiter = ',', size_t max = 1000) {
  Parsed p;
  CsvParser parser(delimiter, max);
  auto on_record = [&p](ingest::CsvFields fields) {
    p.records.emplace_back(fields.begin(), fields.end());
    return true;
  };
  bool ok = true;
  for (std::string_view piece : Chunks(data, chunk)) {
    ok = parser.Push(std::string(piece), on_record);
    if (!ok)
      break;
  }
  if (ok)
    parser.Finish(on_record);
  p.error = parser.error();
  p.line = parser.record_line();
  p.offset = parser.record_offset();
  return p;
}

// Parses in every split: whole, and chunks of 1 to 9 bytes; all must agree.
Parsed ParseEveryWay(std::string_view data, char delimiter = ',') {
  const Parsed whole = Parse(data, 0, delimiter);
  for (size_t chunk = 1; chunk < 10; ++chunk) {
    INFO("chunks of " << chunk);
    const Parsed split = Parse(data, chunk, delimiter);
    CHECK(split.records == whole.records);
    CHECK(split.error == whole.error);
    CHECK(split.line == whole.line);
    CHECK(split.offset == whole.offset);
  }
  return whole;
}

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("CSV: quoting, doubled quotes, delimiters and newlines inside quotes") {
  const Parsed p = ParseEveryWay(
      "a,\"b,c\",\"say \"\"hi\"\"\"\n"
      "\"line 1\nline 2\",,\"\"\n");
  REQUIRE(p.error == CsvParser::Error::kNone);
  const Records expected = {{"a", "b,c", "say \"hi\""}, {"line 1\nline 2", "", ""}};
  CHECK(p.records == expected);
}

TEST_CASE("CSV: CRLF, blank lines, a last record without terminator") {
  const Parsed p = ParseEveryWay("h1,h2\r\n\r\n1,2\r\n\n3,4");
  REQUIRE(p.error == CsvParser::Error::kNone);
  const Records expected = {{"h1", "h2"}, {"1", "2"}, {"3", "4"}};
  CHECK(p.records == expected);
  // A CR before LF inside quotes is text; a lone CR outside quotes is text too.
  const Parsed cr = ParseEveryWay("\"a\r\nb\",c\rd\n");
  const Records with_cr = {{"a\r\nb", "c\rd"}};
  CHECK(cr.records == with_cr);
  // A CR at the very end (no LF) stays in the field.
  CHECK(ParseEveryWay("x,y\r").records == Records{{"x", "y\r"}});
}

TEST_CASE("CSV: a line holding only \"\" is a record of one empty field, not a blank line") {
  const Parsed p = ParseEveryWay("a\n\"\"\n\nb\n");
  const Records expected = {{"a"}, {""}, {"b"}};
  CHECK(p.records == expected);
}

TEST_CASE("CSV: lenient with quotes real exports misplace") {
  // A quote inside an unquoted field is text; text after a closing quote is kept.
  const Parsed p = ParseEveryWay("ab\"c,\"d\"e,f\n");
  const Records expected = {{"ab\"c", "de", "f"}};
  CHECK(p.records == expected);
}

TEST_CASE("CSV: the delimiter is the parser's; a trailing one makes an empty last field") {
  const Parsed p = ParseEveryWay("\"a\";\"b,c\";\n", ';');
  const Records expected = {{"a", "b,c", ""}};
  CHECK(p.records == expected);
  CHECK(ParseEveryWay("a\tb\n", '\t').records == Records{{"a", "b"}});
}

TEST_CASE("CSV: an unclosed quote at the end is an error after the records before it") {
  const std::string data = "a,b\nc,d\ne,\"never closed\nmore\n";
  const Parsed p = ParseEveryWay(data);
  CHECK(p.error == CsvParser::Error::kUnterminatedQuote);
  CHECK(p.records == Records{{"a", "b"}, {"c", "d"}});
  CHECK(p.line == 3);
  CHECK(p.offset == data.find("e,"));
}

TEST_CASE("CSV: a record over the limit stops the parser at that record") {
  const std::string data = "ok,1\n" + std::string(2000, 'x') + "\nnever,read\n";
  const Parsed p = ParseEveryWay(data);
  CHECK(p.error == CsvParser::Error::kRecordTooLong);
  CHECK(p.records == Records{{"ok", "1"}});
  CHECK(p.line == 2);
  CHECK(p.offset == 5);
  // Exactly at the limit (1000 bytes of field and its newline) still reads.
  const Parsed at = Parse(std::string(999, 'y') + "\n", 0);
  CHECK(at.error == CsvParser::Error::kNone);
  CHECK(at.records.size() == 1);
}

TEST_CASE("CSV: a callback returning false stops the parser") {
  CsvParser parser;
  int seen = 0;
  auto stop_at_two = [&seen](ingest::CsvFields) { return ++seen < 2; };
  CHECK_FALSE(parser.Push("a\nb\nc\n", stop_at_two));
  CHECK(parser.error() == CsvParser::Error::kStopped);
  CHECK(seen == 2);
  CHECK(parser.record_line() == 2);
  CHECK_FALSE(parser.Push("d\n", stop_at_two));  // Sticky.
  CHECK(seen == 2);
}

TEST_CASE("CSV: every byte split of a tricky input gives the same records") {
  const std::string data =
      "\xEF\xBB\xBFid;\"na;me\";x\r\n1;\"a\"\"b\r\nc\";\r\n\r\n2;\xC3\xA9;\"\"\"\"\n3;;";
  const Parsed whole = Parse(data, 0, ';');
  REQUIRE(whole.records.size() == 4);
  for (size_t cut = 1; cut < data.size(); ++cut) {
    INFO("cut at " << cut);
    Parsed p;
    CsvParser parser(';');
    auto on_record = [&p](ingest::CsvFields fields) {
      p.records.emplace_back(fields.begin(), fields.end());
      return true;
    };
    REQUIRE(parser.Push(data.substr(0, cut), on_record));
    REQUIRE(parser.Push(data.substr(cut), on_record));
    REQUIRE(parser.Finish(on_record));
    CHECK(p.records == whole.records);
  }
  CHECK(whole.records[1] == std::vector<std::string>{"1", "a\"b\r\nc", ""});
  CHECK(whole.records[2] == std::vector<std::string>{"2", "\xC3\xA9", "\""});
  CHECK(whole.records[3] == std::vector<std::string>{"3", "", ""});
}

TEST_CASE("CSV: the corpus DCE partitions parse as Python's csv module reads them") {
  // Python: csv.reader(open(f, newline=''), delimiter=';') gives 101 records of 7 fields for
  // every partition (a header and 100 messages); the first record of news 1.csv is the header.
  const auto root = UnzippedCorpusDir() / "discord";
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.path().extension() != ".csv")
      continue;
    INFO(e.path().string());
    ++files;
    const Parsed p = Parse(ReadFile(e.path()), 4096, ';', CsvParser::kDefaultMaxRecordBytes);
    REQUIRE(p.error == CsvParser::Error::kNone);
    CHECK(p.records.size() == 101);
    for (const auto& r : p.records)
      CHECK(r.size() == 7);
    CHECK(p.records[0] == std::vector<std::string>{"AuthorID", "Author", "Date", "Content",
                                                   "Attachments", "Reactions", ""});
  }
  CHECK(files == 35);  // 5 news partitions + 30 talk-trading partitions.
}

TEST_CASE("CSV header helpers: delimiter detection, one-line split, column lookup") {
  CHECK(ingest::DetectCsvDelimiter("a;b;c", ",;") == ';');
  CHECK(ingest::DetectCsvDelimiter("a,b;c,d", ",;\t") == ',');
  CHECK(ingest::DetectCsvDelimiter("\"x;y;z\",b,c", ",;") == ',');  // Quoted ';' do not count.
  CHECK(ingest::DetectCsvDelimiter("a\tb\tc;d", ",;\t") == '\t');
  CHECK(ingest::DetectCsvDelimiter("single", ";,") == ';');  // Nothing found: the first.
  const auto fields = ingest::SplitCsvLine("id, \"Time stamp\" ,author", ',');
  REQUIRE(fields.has_value());
  CHECK(*fields == std::vector<std::string>{"id", " \"Time stamp\" ", "author"});
  CHECK_FALSE(ingest::SplitCsvLine("\"open,b", ',').has_value());
  const std::vector<std::string_view> header = {"ID", " Timestamp ", "author", "id"};
  CHECK(ingest::FindCsvColumn(header, "id") == 0);
  CHECK(ingest::FindCsvColumn(header, "timestamp") == 1);
  CHECK(ingest::FindCsvColumn(header, "reply_to") == -1);
}
