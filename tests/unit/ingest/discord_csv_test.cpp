// DiscordChatExporter CSV reader (FORMATS.md 1b): every partition of the corpus exports in every
// chunking, checked against counts taken independently with Python's csv module, the
// partitions of a channel read into one Dataset, and crafted files for each rule of
// discord_csv.h and dce_common.h.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/time.h"
#include "ingest/dce_common.h"
#include "ingest/detect.h"
#include "ingest/discord_csv.h"
#include "model/dataset.h"
#include "reader_harness.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

using model::MessageKind;

constexpr char kOldHeader[] = "AuthorID;Author;Date;Content;Attachments;Reactions;\n";
constexpr char kNewHeader[] = "AuthorID,Author,Date,Content,Attachments,Reactions\n";

// A row of the 2019 variant: every field quoted, a trailing ';'.
std::string Row(const std::string& id,
                const std::string& author,
                const std::string& content,
                const std::string& date = "10-Jun-18 09:43 AM",
                const std::string& reactions = "") {
  return "\"" + id + "\";\"" + author + "\";\"" + date + "\";\"" + content + "\";\"\";\"" +
         reactions + "\";\n";
}

ReadResult ReadCsv(const std::string& data, std::string_view name = "guild/chan/1.csv") {
  return ReadAllAs(Format::kDiscordCsv, data, name);
}

const RecordedMessage& Only(const ReadResult& r) {
  INFO(r.status.ToString());
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 1);
  return r.sink.messages[0];
}

// The partitions of a corpus channel in numeric order, with their path inside the zip.
struct Partition {
  std::string name;  // "news-announcements/official/1.csv"
  std::string data;
};
std::vector<Partition> Partitions(const std::string& zip, const std::string& folder) {
  const auto dir = UnzippedCorpusDir() / "discord" / zip / folder;
  std::vector<std::pair<int, std::filesystem::path>> numbered;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    numbered.emplace_back(std::stoi(e.path().stem().string()), e.path());
  std::sort(numbered.begin(), numbered.end());
  std::vector<Partition> out;
  for (const auto& [n, path] : numbered)
    out.push_back({folder + "/" + path.filename().string(), ReadFile(path)});
  return out;
}

// Independent counts of a corpus channel, from Python's csv module over all its partitions
// (delimiter ';'): messages; distinct people once bridge relays "[slack] <nick> " are
// re-attributed to "slack:nick"; relayed messages; UTF-8 bytes of the texts (relay prefixes
// removed); the sum of the "(n)" reaction counts; rows by "Deleted User#0000"; the most
// messages by one person; first and last dates (datetime.strptime("%d-%b-%y %I:%M %p"));
// mentions under the rule of dce_common.h (a Python re-implementation); messages a bot wrote.
struct ChannelFacts {
  std::string zip, folder;
  size_t partitions, messages, people, relays;
  uint64_t text_bytes, reactions;
  size_t deleted, top;
  int64_t first_ms, last_ms;
  size_t mentions, bot_messages;
  bool announcement;  // SOURCES.md: the #official announcements channel.
};
const ChannelFacts kNews = {"komodo-dce-csv-news-official",
                            "news-announcements/official",
                            5,
                            500,
                            31,
                            40,
                            153116,
                            24051,
                            0,
                            275,
                            1528623780000,
                            1575474660000,
                            38,
                            1,
                            true};
const ChannelFacts kTalk = {"komodo-dce-csv-talk-trading-parts1-30",
                            "community-lounge/talk-trading",
                            30,
                            3000,
                            121,
                            745,
                            156456,
                            154,
                            285,
                            516,
                            1528735800000,
                            1530186660000,
                            55,
                            0,
                            false};

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("DCE CSV: every corpus partition, in every chunking, matches Python's counts") {
  for (const ChannelFacts& facts : {kNews, kTalk}) {
    INFO(facts.folder);
    const auto parts = Partitions(facts.zip, facts.folder);
    REQUIRE(parts.size() == facts.partitions);
    std::vector<RecordedMessage> all;
    uint64_t relays = 0, local = 0;
    for (const Partition& p : parts) {
      INFO(p.name);
      const ReadResult r = ReadCsv(p.data, p.name);
      REQUIRE(r.status.ok());
      REQUIRE(r.sink.channels.size() == 1);
      const RecordedChannel& c = r.sink.channels[0];
      CHECK(c.key == facts.folder);
      CHECK(c.name == facts.folder.substr(facts.folder.rfind('/') + 1));
      CHECK_FALSE(c.replies_exported);
      // CSV keeps no channel type: the folder's name says which is the announcement channel.
      CHECK((c.kind == model::ChannelKind::kAnnouncement) == facts.announcement);
      CHECK(r.sink.messages.size() == 100);
      all.insert(all.end(), r.sink.messages.begin(), r.sink.messages.end());
      relays += r.diagnostics.Count("ingest.discord.bridge_relay");
      local += r.diagnostics.Count("ingest.discord.local_time");
      // Only the expected notices: relays, zone-less dates, and a channel typed by its name.
      for (const auto& [id, e] : r.diagnostics.entries()) {
        CHECK((id == "ingest.discord.bridge_relay" || id == "ingest.discord.local_time" ||
               (id == "ingest.discord.announcement_by_name" && facts.announcement)));
      }
    }
    CHECK(all.size() == facts.messages);
    CHECK(relays == facts.relays);
    CHECK(local == facts.messages);
    std::map<std::string, size_t> by_person;
    uint64_t text_bytes = 0, reactions = 0;
    size_t deleted = 0, mentions = 0, bot = 0, relayed = 0;
    for (const RecordedMessage& m : all) {
      ++by_person[m.author.key];
      text_bytes += m.text_bytes;
      reactions += m.reaction_count;
      deleted += m.author.is_deleted;
      mentions += m.mentions.size();
      bot += m.author.is_bot;
      relayed += m.author.key.find(':') != std::string::npos;
      CHECK(m.has_time);
      CHECK(m.id.empty());
      CHECK(m.reply_to.empty());
      CHECK(m.kind == MessageKind::kMessage);
    }
    CHECK(relayed == facts.relays);
    CHECK(by_person.size() == facts.people);
    CHECK(text_bytes == facts.text_bytes);
    CHECK(reactions == facts.reactions);
    CHECK(deleted == facts.deleted);
    CHECK(mentions == facts.mentions);
    CHECK(bot == facts.bot_messages);
    size_t top = 0;
    for (const auto& [key, n] : by_person)
      top = std::max(top, n);
    CHECK(top == facts.top);
    CHECK(all.front().time_ms == facts.first_ms);
    CHECK(all.back().time_ms == facts.last_ms);
  }
}

TEST_CASE("DCE CSV: the partitions of a channel make one channel in the Dataset") {
  for (const ChannelFacts& facts : {kNews, kTalk}) {
    INFO(facts.folder);
    base::Diagnostics diagnostics;
    model::Dataset data(&diagnostics);
    int32_t input = 0;
    for (const Partition& p : Partitions(facts.zip, facts.folder)) {
      data.BeginInput(input++);
      REQUIRE(Feed(Format::kDiscordCsv, p.data, 4096, &data, &diagnostics, p.name).ok());
    }
    data.Finalize();
    REQUIRE(data.channels().size() == 1);
    CHECK(data.channels()[0].messages == facts.messages);
    CHECK_FALSE(data.channels()[0].replies_exported);
    CHECK(data.messages().size() == facts.messages);
    CHECK(data.duplicates() == 0);  // No ids: nothing is deduplicated.
    // Each message of "Deleted User#0000" is a person of its own (dataset.h).
    const size_t deleted_people = facts.deleted > 0 ? facts.deleted - 1 : 0;
    CHECK(data.members().size() == facts.people + deleted_people);
    uint32_t top = 0;
    for (const model::Member& m : data.members())
      top = std::max(top, m.messages);
    CHECK(top == facts.top);
    // Sorted by time: the first and last dates of the channel.
    CHECK(data.messages().front().time_ms() == facts.first_ms);
    CHECK(data.messages().back().time_ms() == facts.last_ms);
  }
  // SOURCES.md: in news-official one member writes 55 % and the bridge 8 % (41 of 500 rows
  // are the bridge's: 40 relays and one notice of its own).
  CHECK(kNews.top * 100 / kNews.messages == 55);
  CHECK((kNews.relays + kNews.bot_messages) * 100 / kNews.messages == 8);
  CHECK(kTalk.relays * 100 / kTalk.messages == 24);  // 745 of 3,000: "25 %" in SOURCES.md.
}

TEST_CASE("DCE CSV: the corpus zips, sniffed and read through the zip layer") {
  for (const ChannelFacts& facts : {kNews, kTalk}) {
    INFO(facts.zip);
    const ReadResult r =
        ReadAllAs(Format::kAuto, ReadFile(CorpusDir() / "discord" / (facts.zip + ".zip")),
                  facts.zip + ".zip");
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.channels.size() == 1);  // The partitions meet on one channel.
    CHECK(r.sink.messages.size() == facts.messages);
    CHECK(r.diagnostics.Count("ingest.discord.bridge_relay") == facts.relays);
  }
}

TEST_CASE("DCE CSV: a relayed message and a mention in the corpus, read by eye") {
  const auto parts = Partitions(kNews.zip, kNews.folder);
  const ReadResult r = ReadCsv(parts[0].data, parts[0].name);
  REQUIRE(r.status.ok());
  // Row 1: "455021680935436290";"Gateway#3763";"10-Jun-18 09:43 AM";"[slack] <grewalsatinder> ...
  const RecordedMessage& first = r.sink.messages[0];
  CHECK(first.author.key == "slack:grewalsatinder");
  CHECK(first.author.name == "grewalsatinder");
  CHECK_FALSE(first.author.is_bot);
  CHECK(first.time_ms == 1528623780000);
  // "Very good @benohanlon - always read the weekly bullets ..." by Jonathan#3687 mentions
  // benohanlon#1119 (AuthorID 136534544470900736 in 1.csv), who posted before.
  const auto jonathan =
      std::find_if(r.sink.messages.begin(), r.sink.messages.end(),
                   [](const RecordedMessage& m) { return m.author.name == "Jonathan"; });
  REQUIRE(jonathan != r.sink.messages.end());
  REQUIRE(jonathan->mentions.size() == 1);
  CHECK(jonathan->mentions[0].name == "benohanlon");
  CHECK(jonathan->mentions[0].key == "136534544470900736");
}

TEST_CASE("DCE CSV: the current ',' variant with ISO dates") {
  const std::string data =
      std::string(kNewHeader) +
      "\"1\",\"ann#0001\",\"2024-01-15T10:30:00.123+01:00\",\"hi, all\","
      "\"https://x/a.png\",\"👍 (3),🚀 (1)\"\r\n"
      "\"2\",\"bob\",\"2024-01-15T10:31:00+01:00\",\"@ann hello\",\"\",\"\"\r\n";
  const ReadResult r = ReadCsv(data);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 2);
  const RecordedMessage& a = r.sink.messages[0];
  CHECK(a.author.key == "1");
  CHECK(a.author.name == "ann");
  CHECK(a.time_ms == base::ParseIso8601("2024-01-15T09:30:00.123Z")->ms);
  CHECK(a.text_bytes == 7);
  CHECK(a.reaction_count == 4);
  const RecordedMessage& b = r.sink.messages[1];
  CHECK(b.author.name == "bob");  // A new username has no "#1234".
  REQUIRE(b.mentions.size() == 1);
  CHECK(b.mentions[0].key == "1");
  CHECK(r.diagnostics.Count("ingest.discord.local_time") == 0);  // ISO dates carry an offset.
}

TEST_CASE("DCE CSV: reaction counts") {
  CHECK(ingest::DceCsvReactionCount("") == 0);
  CHECK(ingest::DceCsvReactionCount("😜 (1)") == 1);
  CHECK(ingest::DceCsvReactionCount("👌 (3),👍 (1)") == 4);
  CHECK(ingest::DceCsvReactionCount("✅ (4),Komodo (8)") == 12);
  CHECK(ingest::DceCsvReactionCount("👍") == 1);          // No count written: one.
  CHECK(ingest::DceCsvReactionCount("x (abc),y") == 2);  // Unreadable counts: one each.
  CHECK(ingest::DceCsvReactionCount("a (99999999999)") == UINT32_MAX);
  CHECK(ingest::DceCsvReactionCount("a (4294967295),b (9)") == UINT32_MAX);  // Saturates.
}

TEST_CASE("DCE CSV: authors, deleted users and webhooks") {
  const std::string data =
      std::string(kOldHeader) + Row("456226577798135808", "Deleted User#0000", "a") +
      Row("456226577798135808", "Deleted User#0000", "b") + Row("77", "GitHub#0000", "c") +
      Row("5", "Ann Lee#1234", "d") + Row("", "noid#4321", "e");
  const ReadResult r = ReadCsv(data);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 5);
  CHECK(r.sink.messages[0].author.is_deleted);
  CHECK_FALSE(r.sink.messages[0].author.is_bot);
  CHECK(r.sink.messages[1].author.is_deleted);
  CHECK(r.sink.messages[2].author.is_bot);  // Webhooks have the discriminator 0000.
  CHECK(r.sink.messages[2].author.name == "GitHub");
  CHECK(r.sink.messages[3].author == RecordedPerson{"5", "Ann Lee"});
  CHECK(r.sink.messages[4].author == RecordedPerson{"noid#4321", "noid"});  // No id: the tag.
}

TEST_CASE("DCE CSV: bridge relays are the relayed person's") {
  const std::string data =
      std::string(kOldHeader) + Row("9", "Gateway#3763", "[slack] <bob> hi there") +
      Row("9", "Gateway#3763", "[Telegram] <Ann Lee> hey") +
      Row("9", "Gateway#3763", "[matrix] <siu:matrix.org>") +  // No text at all.
      Row("9", "Gateway#3763", "[slack] <bob>\nline two") +    // Text on the next line.
      Row("9", "Gateway#3763", "<system> file too big") +      // The bridge's own notice.
      Row("8", "carl#1111", "[slack] <mallory>x") +            // No space: not a relay.
      Row("8", "carl#1111", "[mylog] <bob> hi") +              // Not a protocol.
      Row("8", "carl#1111", "[slack] <> hi");                  // No nick.
  const ReadResult r = ReadCsv(data);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 8);
  const auto& m = r.sink.messages;
  CHECK(m[0].author == RecordedPerson{"slack:bob", "bob"});
  CHECK(m[0].text_bytes == 8);  // "hi there"
  CHECK(m[1].author == RecordedPerson{"telegram:Ann Lee", "Ann Lee"});
  CHECK(m[1].text_bytes == 3);
  CHECK(m[2].author == RecordedPerson{"matrix:siu:matrix.org", "siu:matrix.org"});
  CHECK(m[2].text_bytes == 0);
  CHECK(m[3].author.key == "slack:bob");
  CHECK(m[3].text_bytes == 9);  // "\nline two"
  CHECK(m[4].author == RecordedPerson{"9", "Gateway", true});
  for (size_t i = 5; i < 8; ++i) {
    INFO(i);
    CHECK(m[i].author == RecordedPerson{"8", "carl"});
  }
  CHECK(r.diagnostics.Count("ingest.discord.bridge_relay") == 4);
  CHECK(r.diagnostics.entries().at("ingest.discord.bridge_relay").severity ==
        base::Severity::kInfo);
}

TEST_CASE("DCE CSV: @mentions resolve only to one earlier author of the same file") {
  const std::string data =
      std::string(kOldHeader) + Row("1", "dan#0001", "hello @ann") +  // ann has not posted yet.
      Row("2", "ann#0002", "hi") + Row("3", "Bob#0003", "@ANN. and @ann's and (@bob)") +
      Row("4", "eve#0004", "mail x@ann.com, @annabel, @everyone") +
      Row("9", "Gateway#3763", "[slack] <zed> yo") + Row("5", "fay#0005", "@zed @Bob: @ann") +
      Row("6", "ann#9999", "me too") +  // A second "ann": the name is ambiguous from here on.
      Row("7", "gus#0007", "@ann?");
  const ReadResult r = ReadCsv(data);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 8);
  const auto& m = r.sink.messages;
  CHECK(m[0].mentions.empty());
  // ann (twice, counted once); Bob is not known before his own first message.
  REQUIRE(m[2].mentions.size() == 1);
  CHECK(m[2].mentions[0] == RecordedPerson{"2", "ann"});
  CHECK(m[3].mentions.empty());  // An address, a longer name, @everyone.
  REQUIRE(m[5].mentions.size() == 3);
  CHECK(m[5].mentions[0] == RecordedPerson{"slack:zed", "zed"});
  CHECK(m[5].mentions[1].key == "3");
  CHECK(m[5].mentions[2].key == "2");
  CHECK(m[7].mentions.empty());
}

TEST_CASE("DCE CSV: the channel comes from the file's path") {
  struct Case {
    const char* path;
    const char* key;
    const char* name;
  };
  const Case cases[] = {
      {"news-announcements/official/3.csv", "news-announcements/official", "official"},
      {"zipname/a/b/12.csv", "zipname/a/b", "b"},
      {"7.csv", ".", "channel"},
      {"Komodo - news - official [412915799251222539].csv", "412915799251222539", "official"},
      {"x/Komodo - general [12] [part 3].csv", "12", "general"},
      {"exports/general.csv", "exports/general", "general"},
      {"general", "general", "general"},
      {"a/[part 2].csv", "a/[part 2]", "[part 2]"},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    const ingest::DceChannelPath p = ingest::DceChannelFromPath(c.path);
    CHECK(p.key == c.key);
    CHECK(p.name == c.name);
  }
  // Partitions 1..3 of one folder, and a DCE file name with the channel id, through the reader.
  for (const char* name : {"g/c/1.csv", "g/c/2.csv", "g/c/10.csv"}) {
    const ReadResult r = ReadCsv(std::string(kOldHeader) + Row("1", "a#0001", "x"), name);
    REQUIRE(r.sink.channels.size() == 1);
    CHECK(r.sink.channels[0].key == "g/c");
  }
}

TEST_CASE("DCE CSV: dates that do not parse leave the message undated, counted") {
  const std::string data = std::string(kOldHeader) + Row("1", "a#0001", "x", "31-Feb-18 09:43 AM") +
                           Row("1", "a#0001", "y", "yesterday") +
                           Row("1", "a#0001", "z", "10-Jun-9999 09:43 AM");  // Absurd but valid.
  const ReadResult r = ReadCsv(data);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 3);
  CHECK_FALSE(r.sink.messages[0].has_time);
  CHECK_FALSE(r.sink.messages[1].has_time);
  CHECK(r.sink.messages[2].has_time);  // The Dataset counts it as implausible.
  CHECK(r.sink.messages[2].time_ms > base::kMaxPlausibleMs);
  CHECK(r.diagnostics.Count("ingest.discord.bad_date") == 2);
  CHECK(r.diagnostics.entries().at("ingest.discord.bad_date").first.line == 2);
}

TEST_CASE("DCE CSV: damaged files") {
  const std::string three = std::string(kOldHeader) + Row("1", "a#0001", "one") +
                            Row("2", "b#0002", "two\nlines") + Row("3", "c#0003", "three");
  SECTION("cut inside a quoted field: the rows before are kept") {
    const std::string cut = three.substr(0, three.find("three") + 2);
    const ReadResult r = ReadCsv(cut);
    REQUIRE(r.status.ok());
    CHECK(r.sink.messages.size() == 2);
    CHECK(r.diagnostics.Count("ingest.discord.truncated") == 1);
    CHECK(r.diagnostics.entries().at("ingest.discord.truncated").first.byte == three.find("\"3\""));
  }
  SECTION("cut before any row: an error") {
    const ReadResult r = ReadCsv(three.substr(0, three.find("one")));
    CHECK(r.status.code() == StatusCode::kParseError);
    CHECK(r.status.id() == "ingest.csv.unterminated_quote");
    CHECK(r.status.location().line == 2);
  }
  SECTION("rows of another width are skipped and counted") {
    const std::string data = std::string(kOldHeader) + Row("1", "a#0001", "ok") +
                             "\"2\";\"b#0002\";\"10-Jun-18 09:43 AM\";\"a;b\";\"\";\n" +
                             "\"3\";\"c#0003\";\"10-Jun-18 09:43 AM\";unquoted;with;extra;;;\n" +
                             Row("4", "d#0004", "ok");
    const ReadResult r = ReadCsv(data);
    REQUIRE(r.status.ok());
    CHECK(r.sink.messages.size() == 2);
    CHECK(r.diagnostics.Count("ingest.discord.bad_row") == 2);
    CHECK(r.diagnostics.entries().at("ingest.discord.bad_row").first.line == 3);
  }
  SECTION("invalid UTF-8 in names is repaired and counted; in the text only its size counts") {
    const std::string data =
        std::string(kOldHeader) + Row("1", "bad\xFF\xFEname#0001", "text \xC3 here");
    const ReadResult r = ReadCsv(data);
    const RecordedMessage& m = Only(r);
    CHECK(m.author.name == "bad\xEF\xBF\xBD\xEF\xBF\xBDname");
    CHECK(m.text_bytes == 11);
    CHECK(r.diagnostics.Count("ingest.invalid_utf8") == 2);
  }
  SECTION("a 1 MB field") {
    const std::string big(1u << 20, 'x');
    const ReadResult r =
        ReadAs(Format::kDiscordCsv, std::string(kOldHeader) + Row("1", "a#0001", big), 4096);
    CHECK(Only(r).text_bytes == (1u << 20));
  }
  SECTION("an empty file, and a header alone") {
    const ReadResult empty = ReadCsv("");
    CHECK(empty.status.code() == StatusCode::kParseError);
    CHECK(empty.status.id() == "ingest.csv.empty");
    const ReadResult header = ReadCsv("\xEF\xBB\xBF" + std::string(kOldHeader));
    REQUIRE(header.status.ok());
    CHECK(header.sink.channels.size() == 1);
    CHECK(header.sink.messages.empty());
  }
  SECTION("a CSV of another shape") {
    const ReadResult r = ReadCsv("id,timestamp,author\n1,2024-01-01T00:00:00Z,ann\n");
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status.id() == "ingest.discord.not_dce_csv");
    // "author" matches Author in any case; the others are missing.
    CHECK(r.status.message().find("no \"AuthorID\", \"Date\", \"Content\" column") !=
          std::string::npos);
    CHECK(r.status.message().find("\"timestamp\"") != std::string::npos);
    CHECK(r.sink.messages.empty());
    const ReadResult binary = ReadCsv(std::string("PK\x03\x04\0\0\xFF", 7));
    CHECK(binary.status.code() == StatusCode::kUnsupportedFormat);
  }
}

TEST_CASE("DCE CSV: sniffed by its exact header only") {
  using ingest::Detect;
  const auto known = [](std::string_view head, std::string_view name = "x.csv") {
    const ingest::Detection d = Detect(head, name, true);
    return d.state == ingest::Detection::State::kKnown ? d.format : Format::kAuto;
  };
  CHECK(known(std::string(kOldHeader) + Row("1", "a#0001", "x")) == Format::kDiscordCsv);
  CHECK(known(kNewHeader) == Format::kDiscordCsv);
  CHECK(known("\xEF\xBB\xBF" + std::string(kNewHeader), "no-extension") == Format::kDiscordCsv);
  CHECK(ingest::SniffDiscordCsv(ingest::Head{}) == false);
  CHECK(known("AuthorID,Author,Date,Content\n") != Format::kDiscordCsv);
  CHECK(known("ID,Timestamp,Contents,Attachments\n") != Format::kDiscordCsv);  // Discord's own.
  // Not sure before the header line ends.
  CHECK(Detect("AuthorID;Author;Date;Con", "1.csv", false).state ==
        ingest::Detection::State::kNeedMore);
}
