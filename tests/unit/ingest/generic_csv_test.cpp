// meshcheck's generic CSV (generic_csv.h, docs/generic-csv.md): the documentation's example
// read as the documentation says, delimiters, the --csv-columns mapping and its errors,
// timestamps, kinds, and bad input. Expected times from Python:
// int((datetime(2024, 3, 1, 9, 0) - datetime(1970, 1, 1)).total_seconds() * 1000).
#include <catch2/catch.hpp>

#include <string>

#include "ingest/detect.h"
#include "ingest/generic_csv.h"
#include "model/dataset.h"
#include "reader_harness.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

using model::MessageKind;
using model::SystemAction;

ReadResult ReadGeneric(const std::string& data,
                       const std::string& columns = "",
                       std::string_view name = "exports/chat.csv") {
  Options options;
  options.csv_columns = columns;
  return ReadAllAs(Format::kGenericCsv, data, name, options);
}

// The first ```csv block of docs/generic-csv.md.
std::string DocExample() {
  const std::string doc = ReadFile(std::string(MESHCHECK_SOURCE_DIR) + "/docs/generic-csv.md");
  const size_t start = doc.find("```csv\n");
  REQUIRE(start != std::string::npos);
  const size_t end = doc.find("```", start + 7);
  return doc.substr(start + 7, end - start - 7);
}

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("Generic CSV: the documentation's example reads as documented") {
  const std::string example = DocExample();
  const ReadResult r = ReadGeneric(example);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.channels.size() == 2);
  CHECK(r.sink.channels[0].key == "general");
  CHECK(r.sink.channels[1].key == "releases");
  CHECK(r.sink.channels[0].replies_exported);
  REQUIRE(r.sink.messages.size() == 6);
  const auto& m = r.sink.messages;
  CHECK(m[0].id == "1");
  CHECK(m[0].author == RecordedPerson{"ann", "ann", false, false, true});  // kind host.
  CHECK(m[0].time_ms == 1709283600000);                                    // 2024-03-01 09:00 UTC.
  CHECK(m[0].text_bytes == 17);                                            // "Welcome everyone!"
  CHECK(m[1].time_ms == 1709280300000);                                    // 09:05 at +01:00.
  CHECK(m[1].reply_to == "1");
  CHECK(m[1].thread == "1");
  CHECK(m[2].time_ms == 1709284200000);  // Unix seconds.
  CHECK(m[3].time_ms == 1709284500123);  // Unix milliseconds.
  CHECK(m[3].kind == MessageKind::kSystem);
  CHECK(m[3].action == SystemAction::kJoin);
  CHECK(m[4].time_ms == 1709288400000);                      // No zone: read as UTC...
  CHECK(r.diagnostics.Count("ingest.csv.local_time") == 1);  // ...and said.
  CHECK(m[4].text_bytes == 20);
  CHECK(m[5].author.is_bot);
  CHECK(m[5].channel == 1);
  // In the Dataset the replies find their targets.
  base::Diagnostics diagnostics;
  model::Dataset set(&diagnostics);
  set.BeginInput(0);
  REQUIRE(Feed(Format::kGenericCsv, example, 1, &set, &diagnostics, "chat.csv").ok());
  set.Finalize();
  int linked = 0;
  for (size_t i = 0; i < set.messages().size(); ++i)
    linked += set.parent(i) != model::kNone;
  CHECK(linked == 3);
  CHECK(set.members().size() == 5);
}

TEST_CASE("Generic CSV: ';' and tab delimiters, any case and order of the header") {
  const ReadResult semi = ReadGeneric("Author;ID;TimeStamp;extra\nann;1;1709283600;x\n");
  REQUIRE(semi.status.ok());
  REQUIRE(semi.sink.messages.size() == 1);
  CHECK(semi.sink.messages[0].author.key == "ann");
  CHECK(semi.sink.messages[0].id == "1");
  CHECK(semi.sink.messages[0].time_ms == 1709283600000);
  // Without a reply_to column the channel has no reply links; it is named after the file.
  REQUIRE(semi.sink.channels.size() == 1);
  CHECK_FALSE(semi.sink.channels[0].replies_exported);
  CHECK(semi.sink.channels[0].key == "exports/chat.csv");
  CHECK(semi.sink.channels[0].name == "chat");
  const ReadResult tab = ReadGeneric(" timestamp \t author \n2024-03-01T09:00:00Z\t\"b, c\"\n");
  REQUIRE(tab.status.ok());
  CHECK(tab.sink.messages.at(0).author.key == "b, c");
}

TEST_CASE("Generic CSV: --csv-columns maps the fields to the file's own header") {
  const std::string data =
      "Message ID,Date,User,In reply to,Body\n"
      "m1,2024-03-01T09:00:00Z,ann,,hi\n"
      "m2,2024-03-01T09:01:00Z,bob,m1,hello\n";
  const ReadResult r = ReadGeneric(
      data, " author = User , timestamp=Date,id=Message ID,reply_to=In reply to,text=Body");
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 2);
  CHECK(r.sink.messages[1].id == "m2");
  CHECK(r.sink.messages[1].reply_to == "m1");
  CHECK(r.sink.messages[1].text_bytes == 5);
  // Without the mapping the header lacks the required columns.
  const ReadResult plain = ReadGeneric(data);
  CHECK(plain.status.code() == StatusCode::kUnsupportedFormat);
  CHECK(plain.status.id() == "ingest.csv.missing_columns");
  CHECK(plain.status.message().find("timestamp (looked for \"timestamp\"), author (looked for "
                                    "\"author\")") != std::string::npos);
  CHECK(plain.status.message().find("\"Message ID\", \"Date\", \"User\"") != std::string::npos);
  CHECK(plain.status.message().find("--csv-columns") != std::string::npos);
  CHECK(plain.status.location().line == 1);
  // A column the mapping names must exist, even an optional one.
  const ReadResult named = ReadGeneric(data, "author=User,timestamp=Date,channel=Room");
  CHECK(named.status.id() == "ingest.csv.missing_columns");
  CHECK(named.status.message().find("channel (looked for \"Room\")") != std::string::npos);
}

TEST_CASE("Generic CSV: a bad --csv-columns spec is an invalid argument") {
  struct Case {
    const char* spec;
    const char* says;
  };
  const Case cases[] = {
      {"author", "\"author\", which is not field=Header"},
      {"writer=User", "unknown field \"writer\""},
      {"author=A,author=B", "the field \"author\" twice"},
      {"author=", "no header name for \"author\""},
  };
  for (const Case& c : cases) {
    INFO(c.spec);
    const ReadResult r = ReadGeneric("id,timestamp,author\n", c.spec);
    CHECK(r.status.code() == StatusCode::kInvalidArgument);
    CHECK(r.status.id() == "ingest.csv.bad_columns_option");
    CHECK(r.status.message().find(c.says) != std::string::npos);
  }
  ingest::CsvColumnNames names;
  REQUIRE(ingest::ParseCsvColumns("", &names).ok());
  CHECK(names.header[2] == "author");
  REQUIRE(ingest::ParseCsvColumns("KIND=Type,", &names).ok());
  CHECK(names.header[6] == "Type");
  CHECK(names.named[6]);
  CHECK_FALSE(names.named[0]);
}

TEST_CASE("Generic CSV: timestamps") {
  struct Case {
    const char* text;
    bool ok;
    int64_t ms;
  };
  const Case cases[] = {
      {"1709283600", true, 1709283600000},
      {"1709283600.5", true, 1709283600500},
      {"99999999999", true, 99999999999000},  // The largest number read as seconds...
      {"100000000000", true, 100000000000},   // ...and the smallest read as milliseconds.
      {"0", true, 0},
      {"2024-03-01T09:00:00.250-02:00", true, 1709290800250},
      {"2024-03-01", false, 0},  // A date without a time.
      {"-5", false, 0},
      {"1e9", false, 0},
      {"12abc", false, 0},
      {"99999999999999999999999", false, 0},
      {"", false, 0},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const ReadResult r = ReadGeneric(std::string("timestamp,author\n\"") + c.text + "\",ann\n");
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.messages.size() == 1);
    CHECK(r.sink.messages[0].has_time == c.ok);
    if (c.ok)
      CHECK(r.sink.messages[0].time_ms == c.ms);
    CHECK(r.diagnostics.Count("ingest.csv.bad_timestamp") == (c.ok ? 0 : 1));
  }
}

TEST_CASE("Generic CSV: kinds") {
  const std::string data =
      "timestamp,author,kind\n"
      "0,a,MESSAGE\n0,b,System\n0,c,leave\n0,d,forward\n0,e,reaction\n0,f,\n";
  const ReadResult r = ReadGeneric(data);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 6);
  const auto& m = r.sink.messages;
  CHECK(m[0].kind == MessageKind::kMessage);
  CHECK(m[1].kind == MessageKind::kSystem);
  CHECK(m[1].action == SystemAction::kOther);
  CHECK(m[2].action == SystemAction::kLeave);
  CHECK(m[3].is_forward);
  CHECK(m[3].kind == MessageKind::kMessage);
  CHECK(m[4].kind == MessageKind::kMessage);  // Unknown: a message, counted.
  CHECK(m[5].kind == MessageKind::kMessage);
  CHECK(r.diagnostics.Count("ingest.csv.unknown_kind") == 1);
  CHECK(r.diagnostics.entries().at("ingest.csv.unknown_kind").first.line == 6);
}

TEST_CASE("Generic CSV: bad rows and damaged files") {
  SECTION("rows without an author, of another width, and invalid UTF-8") {
    const ReadResult r =
        ReadGeneric("id,timestamp,author\n1,0,ann\n2,0,\n3,0\n4,0,b\xFFo,extra\n5,0,\"b\xFFo\"\n");
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.messages.size() == 2);
    CHECK(r.sink.messages[1].author.key == "b\xEF\xBF\xBDo");
    CHECK(r.diagnostics.Count("ingest.csv.no_author") == 1);
    CHECK(r.diagnostics.Count("ingest.csv.bad_row") == 2);
    CHECK(r.diagnostics.Count("ingest.invalid_utf8") == 1);
  }
  SECTION("cut inside a quoted field") {
    const ReadResult r = ReadGeneric("id,timestamp,author\n1,0,ann\n2,0,\"bo");
    REQUIRE(r.status.ok());
    CHECK(r.sink.messages.size() == 1);
    CHECK(r.diagnostics.Count("ingest.csv.truncated") == 1);
  }
  SECTION("empty, and a header alone") {
    CHECK(ReadGeneric("").status.id() == "ingest.csv.empty");
    const ReadResult header = ReadGeneric("id,timestamp,author\r\n");
    REQUIRE(header.status.ok());
    CHECK(header.sink.messages.empty());
  }
  SECTION("a CSV of another shape, and a binary file") {
    const std::string dce = "AuthorID;Author;Date;Content;Attachments;Reactions;\n";
    CHECK(ReadGeneric(dce).status.id() == "ingest.csv.missing_columns");
    CHECK(ReadGeneric(std::string("\x89PNG\r\n\x1A\n\0\0", 10)).status.code() ==
          StatusCode::kUnsupportedFormat);
  }
}

TEST_CASE("Generic CSV: sniffed only by id, timestamp and author under their own names") {
  const auto known = [](std::string_view head) {
    const ingest::Detection d = ingest::Detect(head, "data.csv", true);
    return d.state == ingest::Detection::State::kKnown ? d.format : Format::kAuto;
  };
  CHECK(known(DocExample()) == Format::kGenericCsv);
  CHECK(known("Author;ID;Timestamp\n") == Format::kGenericCsv);
  CHECK(known("timestamp\tauthor\tid\n") == Format::kGenericCsv);
  CHECK(known("timestamp,author\n0,a\n") != Format::kGenericCsv);              // No id.
  CHECK(known("ID,Timestamp,Contents,Attachments\n") != Format::kGenericCsv);  // Discord's own.
  CHECK(known("AuthorID,Author,Date,Content,Attachments,Reactions\n") == Format::kDiscordCsv);
}
