// DiscordChatExporter PlainText reader (FORMATS.md 1b): the corpus file in every chunking,
// cross-checked message by message against the CSV export of the same channel (the PlainText
// file holds the same 100 messages as the first CSV partition: Python found their dates,
// authors, texts and reactions identical), and crafted files for the layout rules.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ingest/detect.h"
#include "ingest/discord_text.h"
#include "reader_harness.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

constexpr char kHeader[] =
    "==============================================================\n"
    "Guild: Test Guild\n"
    "Channel: Text / general\n"
    "Topic: Talk\n"
    "After: 01-Jan-18 12:00 AM\n"
    "==============================================================\n"
    "\n";

ReadResult ReadText(const std::string& data, std::string_view name = "g/general/1.txt") {
  return ReadAllAs(Format::kDiscordText, data, name);
}

std::string CorpusText() {
  return ReadFile(CorpusDir() / "discord" / "komodo-dce-plaintext-news-official-part1.txt");
}

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("DCE text: the corpus file agrees with the CSV export of the same messages") {
  const ReadResult text = ReadText(CorpusText(), "plaintext/news-announcements/official/1.txt");
  REQUIRE(text.status.ok());
  REQUIRE(text.sink.channels.size() == 1);
  const RecordedChannel& c = text.sink.channels[0];
  CHECK(c.key == "plaintext/news-announcements/official");
  CHECK(c.name == "official\xF0\x9F\x93\xA2");  // "official📢" from the header.
  CHECK(c.group_name == "Komodo");
  CHECK_FALSE(c.replies_exported);
  // Its megaphone and its topic ("Official Announcements is for Komodo news only") make it an
  // announcement channel, which the format cannot say otherwise.
  CHECK(c.kind == model::ChannelKind::kAnnouncement);
  CHECK(text.diagnostics.Count("ingest.discord.announcement_by_name") == 1);
  // The header says "Messages: 100": no count mismatch.
  CHECK(text.diagnostics.Count("ingest.discord.count_mismatch") == 0);
  CHECK(text.diagnostics.Count("ingest.discord.stray_line") == 0);
  CHECK(text.diagnostics.Count("ingest.discord.local_time") == 100);

  const auto csv_path = UnzippedCorpusDir() / "discord" / "komodo-dce-csv-news-official" /
                        "news-announcements" / "official" / "1.csv";
  const ReadResult csv = ReadAllAs(Format::kDiscordCsv, ReadFile(csv_path), "official/1.csv");
  REQUIRE(csv.status.ok());
  REQUIRE(text.sink.messages.size() == 100);
  REQUIRE(csv.sink.messages.size() == 100);
  CHECK(text.diagnostics.Count("ingest.discord.bridge_relay") ==
        csv.diagnostics.Count("ingest.discord.bridge_relay"));
  uint64_t reactions = 0, mentions = 0;
  for (size_t i = 0; i < 100; ++i) {
    INFO("message " << i);
    const RecordedMessage& t = text.sink.messages[i];
    const RecordedMessage& v = csv.sink.messages[i];
    CHECK(t.time_ms == v.time_ms);
    CHECK(t.has_time);
    CHECK(t.author.name == v.author.name);
    CHECK(t.author.is_bot == v.author.is_bot);
    CHECK(t.author.is_deleted == v.author.is_deleted);
    if (v.author.key.find(':') != std::string::npos)
      CHECK(t.author.key == v.author.key);  // Relayed people are keyed alike.
    CHECK(t.text_bytes == v.text_bytes);
    CHECK(t.reaction_count == v.reaction_count);
    REQUIRE(t.mentions.size() == v.mentions.size());
    for (size_t k = 0; k < t.mentions.size(); ++k)
      CHECK(t.mentions[k].name == v.mentions[k].name);
    reactions += t.reaction_count;
    mentions += t.mentions.size();
  }
  // Python over 1.csv: 3 mentions by the rule of dce_common.h; reactions summed there.
  CHECK(mentions == 3);
  CHECK(reactions > 0);
  // Authors: the same set of names.
  std::vector<std::string> text_names, csv_names;
  for (size_t i = 0; i < 100; ++i) {
    text_names.push_back(text.sink.messages[i].author.name);
    csv_names.push_back(csv.sink.messages[i].author.name);
  }
  CHECK(text_names == csv_names);
}

TEST_CASE("DCE text: a file cut short keeps what it has and says the count is off") {
  const std::string data = CorpusText();
  const std::string cut = data.substr(0, data.find("[04-Aug-18 12:28 AM]"));
  const ReadResult r = ReadText(cut);
  REQUIRE(r.status.ok());
  CHECK(r.sink.messages.size() == 99);
  CHECK(r.diagnostics.Count("ingest.discord.count_mismatch") == 1);
}

TEST_CASE("DCE text: the current layout, blocks, pinned messages and the footer") {
  const std::string data = std::string(kHeader) +
                           "[1/15/2024 10:30 AM] ann (pinned)\n"
                           "first line\n"
                           "\n"
                           "third line with @bob\n"
                           "\n"
                           "{Attachments}\n"
                           "https://cdn/x.png\n"
                           "\n"
                           "{Reactions}\n"
                           "👍 (3) 🎉\n"
                           "\n"
                           "[1/15/2024 10:31 AM] bob#0002\n"
                           "@ann [12:30] is not a message start\n"
                           "[12:30] nor this\n"
                           "\n"
                           "{Embed}\n"
                           "Title\n"
                           "\n"
                           "{Stickers}\n"
                           "https://cdn/s.png\n"
                           "\n"
                           "==============================================================\n"
                           "Exported 2 message(s)\n"
                           "==============================================================\n";
  const ReadResult r = ReadText(data);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.channels.size() == 1);
  CHECK(r.sink.channels[0].name == "Text / general");
  CHECK(r.sink.channels[0].group_name == "Test Guild");
  REQUIRE(r.sink.messages.size() == 2);
  const RecordedMessage& a = r.sink.messages[0];
  CHECK(a.author == RecordedPerson{"ann", "ann"});
  CHECK(a.time_ms == 1705314600000);  // 2024-01-15 10:30 (date -u -d ... +%s).
  CHECK(a.text_bytes == std::string("first line\n\nthird line with @bob").size());
  CHECK(a.reaction_count == 4);
  CHECK(a.mentions.empty());  // bob had not posted yet.
  const RecordedMessage& b = r.sink.messages[1];
  CHECK(b.author == RecordedPerson{"bob#0002", "bob"});
  CHECK(b.text_bytes ==
        std::string("@ann [12:30] is not a message start\n[12:30] nor this").size());
  REQUIRE(b.mentions.size() == 1);
  CHECK(b.mentions[0].key == "ann");
  CHECK(r.diagnostics.Count("ingest.discord.count_mismatch") == 0);
  // The footer's count disagreeing with the messages is said.
  std::string wrong = data;
  wrong.replace(wrong.find("Exported 2"), 10, "Exported 3");
  CHECK(ReadText(wrong).diagnostics.Count("ingest.discord.count_mismatch") == 1);
}

TEST_CASE("DCE text: bridge relays and their own notices") {
  const std::string data = std::string(kHeader) +
                           "[10-Jun-18 09:43 AM] Gateway#3763\n"
                           "[telegram] <Ann Lee> hello\n"
                           "second line\n"
                           "\n"
                           "[10-Jun-18 09:44 AM] Gateway#3763\n"
                           "<system> file too big\n"
                           "\n";
  const ReadResult r = ReadText(data);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 2);
  CHECK(r.sink.messages[0].author == RecordedPerson{"telegram:Ann Lee", "Ann Lee"});
  CHECK(r.sink.messages[0].text_bytes == std::string("hello\nsecond line").size());
  CHECK(r.sink.messages[1].author == RecordedPerson{"Gateway#3763", "Gateway", true});
  CHECK(r.diagnostics.Count("ingest.discord.bridge_relay") == 1);
}

TEST_CASE("DCE text: reaction lines") {
  CHECK(ingest::DceTextReactionCount("😜 ") == 1);
  CHECK(ingest::DceTextReactionCount("👌 🚀 (2) ") == 3);
  CHECK(ingest::DceTextReactionCount("✅ (4) Komodo (8) ") == 12);
  CHECK(ingest::DceTextReactionCount("👍 (0)") == 0);
  CHECK(ingest::DceTextReactionCount("(5)") == 1);  // A count before any emoji is an emoji.
  CHECK(ingest::DceTextReactionCount("a (2) (3)") == 3);
  CHECK(ingest::DceTextReactionCount("a (99999999999)") == UINT32_MAX);
  CHECK(ingest::DceTextReactionCount("") == 0);
}

TEST_CASE("DCE text: damaged and foreign input") {
  SECTION("a date that does not parse: the message is kept undated") {
    const ReadResult r = ReadText(std::string(kHeader) + "[31-Feb-18 09:43 AM] ann#0001\nhi\n");
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.messages.size() == 1);
    CHECK_FALSE(r.sink.messages[0].has_time);
    CHECK(r.diagnostics.Count("ingest.discord.bad_date") == 1);
    CHECK(r.diagnostics.entries().at("ingest.discord.bad_date").first.line == 8);
  }
  SECTION("text before the first message") {
    const ReadResult r =
        ReadText(std::string(kHeader) + "stray\nmore\n[10-Jun-18 09:43 AM] ann#0001\nhi\n");
    REQUIRE(r.status.ok());
    CHECK(r.sink.messages.size() == 1);
    CHECK(r.diagnostics.Count("ingest.discord.stray_line") == 2);
    CHECK(r.diagnostics.entries().at("ingest.discord.stray_line").first.line == 8);
  }
  SECTION("messages without the header block, CRLF and a BOM") {
    const ReadResult r = ReadText(
        "\xEF\xBB\xBF[10-Jun-18 09:43 AM] ann#0001\r\nhi\r\n\r\n[10-Jun-18 09:44 AM] "
        "bob#0002\r\nyo\r\n",
        "x/export.txt");
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.messages.size() == 2);
    CHECK(r.sink.channels[0].key == "x/export");
    CHECK(r.sink.messages[0].text_bytes == 2);
  }
  SECTION("invalid UTF-8 in a name") {
    const ReadResult r = ReadText(std::string(kHeader) + "[10-Jun-18 09:43 AM] a\xFF#0001\nhi\n");
    REQUIRE(r.status.ok());
    CHECK(r.sink.messages[0].author.name == "a\xEF\xBF\xBD");
    CHECK(r.diagnostics.Count("ingest.invalid_utf8") >= 1);
  }
  SECTION("a header alone is an empty channel") {
    const ReadResult r = ReadText(kHeader);
    REQUIRE(r.status.ok());
    CHECK(r.sink.channels.size() == 1);
    CHECK(r.sink.messages.empty());
  }
  SECTION("other text is refused") {
    for (const std::string& other :
         {std::string(""), std::string("hello\nworld\n"),
          ReadFile(CorpusDir() / "whatsapp" / "chat-analytics-4A_11M-android-24h.txt")}) {
      const ReadResult r = ReadText(other);
      CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
      CHECK(r.status.id() == "ingest.discord.not_dce_text");
      CHECK(r.sink.messages.empty());
    }
  }
  SECTION("a line over 16 MiB") {
    const std::string huge = std::string(kHeader) + "[10-Jun-18 09:43 AM] ann#0001\n" +
                             std::string((16u << 20) + 1, 'x') + "\n";
    const ReadResult r = ReadAs(Format::kDiscordText, huge, 1u << 20);
    CHECK(r.status.code() == StatusCode::kLimitExceeded);
    CHECK(r.status.id() == "ingest.discord.line_too_long");
    CHECK(r.status.location().line == 9);
  }
}

TEST_CASE("DCE text: sniffed by its header") {
  const auto known = [](std::string_view head) {
    const ingest::Detection d = ingest::Detect(head, "1.txt", true);
    return d.state == ingest::Detection::State::kKnown ? d.format : Format::kAuto;
  };
  CHECK(known(CorpusText()) == Format::kDiscordText);
  CHECK(known(kHeader) == Format::kDiscordText);
  CHECK(known("[10-Jun-18 09:43 AM] ann#0001\nhi\n") != Format::kDiscordText);
  CHECK(known("====\nGuild: x\nChannel: y\n") != Format::kDiscordText);  // A short rule.
}

TEST_CASE("DCE text: only a name, path or topic that says so makes an announcement channel") {
  auto kind_of = [](const std::string& header, const std::string& path) {
    const std::string file = "==============================================================\n" +
                             header +
                             "==============================================================\n\n"
                             "[10-Jun-18 09:43 AM] Ann#1234\nhello\n\n";
    const ReadResult r = ReadText(file, path);
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.channels.size() == 1);
    return r.sink.channels[0].kind;
  };
  using model::ChannelKind;
  CHECK(kind_of("Guild: G\nChannel: general\nTopic: chat about anything\n", "general.txt") !=
        ChannelKind::kAnnouncement);
  CHECK(kind_of("Guild: G\nChannel: server-announcements\n", "x.txt") ==
        ChannelKind::kAnnouncement);
  CHECK(kind_of("Guild: G\nChannel: news\xF0\x9F\x93\xA3\n", "x.txt") ==
        ChannelKind::kAnnouncement);
  CHECK(kind_of("Guild: G\nChannel: updates\nTopic: We announce releases here\n", "x.txt") ==
        ChannelKind::kAnnouncement);
  CHECK(kind_of("Guild: G\nChannel: official\n", "Announcements/official/1.txt") ==
        ChannelKind::kAnnouncement);
}
