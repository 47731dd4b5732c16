// The safety limits of ingestion (ingest/limits.h, docs/limits.md): each one, just past its
// value, ends the input with its own kLimitExceeded Status located where it was hit (or, for
// Reddit's skippable lines, a counted diagnostic), in every chunking, and never crashes. Real
// corpus files are the valid part; the offending part is appended, and the expected location
// is counted from the bytes here. The zip limits are tested in zip_test.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/limits.h"
#include "reader_harness.h"
#include "test_files.h"

namespace {

using meshcheck::Format;
using meshcheck::Status;
using meshcheck::StatusCode;
using meshcheck::ingest::kCsvMaxRecordBytes;
using meshcheck::ingest::kJsonMaxDepth;
using meshcheck::ingest::kJsonMaxTokenBytes;
using meshcheck::ingest::kMaxLineBytes;
using meshcheck::ingest::kRedditMaxLineBytes;
using meshcheck::testing::Chunks;
using meshcheck::testing::CorpusDir;
using meshcheck::testing::ReadFile;

// Whole, and in chunks small and large (1-byte chunks of 16 MiB would only be slow).
constexpr size_t kLimitChunkSizes[] = {0, 7, 4096, size_t{1} << 20};

struct Result {
  Status status;
  size_t messages = 0;
  uint64_t reddit_long_lines = 0;
};

// The reader's outcome (tests/support/reader_harness.h, in one chunking).
Result Read(Format format, const std::string& name, std::string_view bytes, size_t chunk) {
  const meshcheck::testing::ReadResult r = meshcheck::testing::ReadAs(format, bytes, chunk, name);
  return {r.status, r.sink.messages.size(), r.diagnostics.Count("ingest.reddit.line_too_long")};
}

// A corpus text file ending with a newline, then one line of kMaxLineBytes + 1 bytes.
struct LongLine {
  std::string bytes;
  uint64_t line_start = 0;  // Byte offset of the long line.
  uint64_t line = 0;        // Its 1-based number.
};

LongLine WithLongLine(const std::string& corpus_path) {
  LongLine l;
  l.bytes = ReadFile(CorpusDir() / corpus_path);
  REQUIRE(!l.bytes.empty());
  if (l.bytes.back() != '\n')
    l.bytes += '\n';
  l.line_start = l.bytes.size();
  l.line = static_cast<uint64_t>(std::count(l.bytes.begin(), l.bytes.end(), '\n')) + 1;
  l.bytes.append(kMaxLineBytes + 1, 'a');
  l.bytes += "\nmore\n";
  return l;
}

TEST_CASE("a line over the limit ends each text format with its own id, where it starts",
          "[limits]") {
  struct Case {
    Format format;
    std::string file, id;
  };
  const Case cases[] = {
      {Format::kWhatsAppText, "whatsapp/chat-analytics-4A_11M-android-24h.txt",
       "ingest.whatsapp.line_too_long"},
      {Format::kDiscordText, "discord/komodo-dce-plaintext-news-official-part1.txt",
       "ingest.discord.line_too_long"},
      {Format::kMbox, "mbox/r-announce-2010.mbox", "ingest.mbox.line_too_long"},
  };
  for (const Case& c : cases) {
    const LongLine input = WithLongLine(c.file);
    for (size_t chunk : kLimitChunkSizes) {
      INFO(c.file << " in chunks of " << chunk);
      const Result r = Read(c.format, c.file, input.bytes, chunk);
      CHECK(r.status.code() == StatusCode::kLimitExceeded);
      CHECK(r.status.id() == c.id);
      CHECK(r.status.location().byte == input.line_start);
      CHECK(r.status.location().line == input.line);
      CHECK(r.status.message().find("16 MiB") != std::string::npos);
    }
  }
}

TEST_CASE("a line exactly at the limit is read", "[limits]") {
  std::string bytes = ReadFile(CorpusDir() / "whatsapp" / "chat-analytics-4A_11M-android-24h.txt");
  bytes += "\n";
  bytes.append(kMaxLineBytes, 'a');  // A continuation line of the last message.
  const Result r = Read(Format::kWhatsAppText, "chat.txt", bytes, 4096);
  CHECK(r.status.ok());
  CHECK(r.messages > 0);
}

TEST_CASE("a CSV record over the limit (a quote never closed) ends the input", "[limits]") {
  std::string bytes = "id,timestamp,author,reply_to,thread,channel,kind,text\n";
  bytes += "1,2024-03-01T09:00:00Z,ann,,,general,,hello\n";
  const uint64_t record_start = bytes.size();
  bytes += "2,2024-03-01T09:01:00Z,bob,,,general,,\"";
  bytes.append(kCsvMaxRecordBytes, 'x');
  for (size_t chunk : kLimitChunkSizes) {
    INFO("chunks of " << chunk);
    const Result r = Read(Format::kGenericCsv, "export.csv", bytes, chunk);
    CHECK(r.status.code() == StatusCode::kLimitExceeded);
    CHECK(r.status.id() == "ingest.csv.record_too_long");
    CHECK(r.status.location().byte == record_start);
    CHECK(r.status.location().line == 3);
    CHECK(r.status.message().find("16 MiB") != std::string::npos);
  }
}

// A DCE JSON export whose first message holds `extra` as the value of a field "x".
std::string DiscordJsonWith(const std::string& extra) {
  return R"({"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "type": "GuildTextChat",)"
         R"( "name": "general"}, "messages": [{"id": "3", "type": "Default", "timestamp": )"
         R"("2024-03-01T09:00:00+00:00", "author": {"id": "4", "name": "ann"}, "x": )" +
         extra + "}]}";
}

TEST_CASE("JSON nested past the limit ends the input at the bracket that goes too deep",
          "[limits]") {
  const std::string doc = DiscordJsonWith(std::string(300, '[') + std::string(300, ']'));
  // The bracket opening level kJsonMaxDepth + 1, found here (no brackets inside strings).
  uint64_t at = 0;
  for (size_t i = 0, depth = 0; i < doc.size() && at == 0; ++i) {
    if (doc[i] == '[' || doc[i] == '{') {
      if (++depth == kJsonMaxDepth + 1)
        at = i;
    } else if (doc[i] == ']' || doc[i] == '}') {
      --depth;
    }
  }
  REQUIRE(at > 0);
  for (size_t chunk : kLimitChunkSizes) {
    INFO("chunks of " << chunk);
    const Result r = Read(Format::kDiscordJson, "general.json", doc, chunk);
    CHECK(r.status.code() == StatusCode::kLimitExceeded);
    CHECK(r.status.id() == "ingest.json.too_deep");
    CHECK(r.status.location().byte == at);
  }
  // At the limit exactly, the same document is read.
  const size_t inner = kJsonMaxDepth - 3;  // Root, messages and the message are 3 levels.
  const Result ok = Read(Format::kDiscordJson, "general.json",
                         DiscordJsonWith(std::string(inner, '[') + std::string(inner, ']')), 0);
  CHECK(ok.status.ok());
  CHECK(ok.messages == 1);
}

TEST_CASE("a JSON string past the token limit ends the input at its opening quote", "[limits]") {
  const std::string doc = DiscordJsonWith("\"" + std::string(kJsonMaxTokenBytes + 1, 's') + "\"");
  const uint64_t quote = doc.find("\"sss");
  for (size_t chunk : {size_t{0}, size_t{1} << 20}) {
    INFO("chunks of " << chunk);
    const Result r = Read(Format::kDiscordJson, "general.json", doc, chunk);
    CHECK(r.status.code() == StatusCode::kLimitExceeded);
    CHECK(r.status.id() == "ingest.json.token_too_large");
    CHECK(r.status.location().byte == quote);
  }
}

TEST_CASE("a Reddit line past its limit is skipped and counted, the others read", "[limits]") {
  const std::string corpus =
      ReadFile(CorpusDir() / "reddit" / "pushshift-RC_2015-01-head-sample.ndjson");
  const size_t first_end = corpus.find('\n') + 1;
  const size_t second_end = corpus.find('\n', first_end) + 1;
  std::string bytes = corpus.substr(0, first_end);
  bytes += "{\"body\": \"" + std::string(kRedditMaxLineBytes, 'b') + "\"}\n";
  bytes += corpus.substr(first_end, second_end - first_end);
  for (size_t chunk : kLimitChunkSizes) {
    INFO("chunks of " << chunk);
    const Result r = Read(Format::kRedditNdjson, "RC.ndjson", bytes, chunk);
    CHECK(r.status.ok());
    CHECK(r.reddit_long_lines == 1);
    CHECK(r.messages == 2);
  }
}

TEST_CASE("BytesText names limits in whole units", "[limits]") {
  using meshcheck::ingest::BytesText;
  CHECK(BytesText(kMaxLineBytes) == "16 MiB");
  CHECK(BytesText(uint64_t{32} << 30) == "32 GiB");
  CHECK(BytesText(4096) == "4 KiB");
  CHECK(BytesText(1000) == "1000 bytes");
  CHECK(BytesText((uint64_t{1} << 20) + 1) == "1048577 bytes");
}

}  // namespace
