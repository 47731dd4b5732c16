// WhatsApp "Export chat" text reader (FORMATS.md section 4): every corpus chat in every chunking,
// checked against counts and timelines computed independently with Python regexes per file
// layout (numbers below; the script parsed each file's known layout with re and datetime), and
// crafted chats for each rule of whatsapp_text.h.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "base/time.h"
#include "ingest/detect.h"
#include "reader_harness.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

using model::ChannelKind;
using model::MessageKind;
using model::SystemAction;

ReadResult ReadChat(std::string_view data, std::string_view name = "WhatsApp Chat with Test.txt") {
  return ReadAllAs(Format::kWhatsAppText, data, name);
}

int64_t Utc(int64_t y, unsigned mo, unsigned d, int h, int mi, int s = 0) {
  return base::DaysFromCivil(y, mo, d) * base::kMsPerDay + h * base::kMsPerHour +
         mi * base::kMsPerMinute + s * base::kMsPerSecond;
}

std::vector<const RecordedMessage*> Speech(const ReadResult& r) {
  std::vector<const RecordedMessage*> out;
  for (const auto& m : r.sink.messages) {
    if (m.kind == MessageKind::kMessage)
      out.push_back(&m);
  }
  return out;
}

const RecordedMessage& Only(const ReadResult& r) {
  INFO(r.status.ToString());
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 1);
  return r.sink.messages[0];
}

// Counts per corpus file from the Python oracle: messages (speech), system lines, distinct
// message authors, text bytes of the messages, first and last time (ms, naive read as UTC).
struct FileFacts {
  const char* file;
  size_t messages, system, authors;
  uint64_t text_bytes;
  int64_t first_ms, last_ms;
};

constexpr FileFacts kFacts[] = {
    {"chat-analytics-4A_11M-android-24h.txt", 11, 3, 5, 94, 1599954900000, 1599954960000},
    {"chat-miner-ios-bracket-mmddyy-24h.txt", 7, 2, 5, 227, 1546341900000, 1640901660000},
    {"chat-miner-mmddyyyy-12h-es-ampm.txt", 7, 2, 5, 227, 1546341900000, 1640901660000},
    {"chat-miner-yyyymmdd-24h.txt", 7, 2, 5, 227, 1546341900000, 1640901660000},
    {"frozenspider-whatsapp-text-2023-10.txt", 10, 3, 2, 129, 1688141580000, 1688141700000},
    {"whatstk-lorem-ios-seconds.txt", 500, 0, 4, 30606, 1579054976000, 1589236368000},
    {"whatstk-pokemon-dotted-date.txt", 18, 2, 8, 651, 1460732640000, 1477916580000},
};

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("WhatsApp: every corpus chat reads the same in every chunking, as counted in Python") {
  const auto files = CorpusFiles(".txt");
  size_t seen = 0;
  for (const auto& path : files) {
    if (path.parent_path().filename() != "whatsapp")
      continue;
    ++seen;
    const std::string name = path.filename().string();
    INFO(name);
    const FileFacts* facts = nullptr;
    for (const FileFacts& f : kFacts) {
      if (name == f.file)
        facts = &f;
    }
    REQUIRE(facts != nullptr);
    const ReadResult r = ReadChat(ReadFile(path), name);
    INFO(DiagnosticsSummary(r.diagnostics));
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.channels.size() == 1);
    CHECK_FALSE(r.sink.channels[0].replies_exported);
    CHECK(r.sink.channels[0].kind == ChannelKind::kChat);
    const auto speech = Speech(r);
    CHECK(speech.size() == facts->messages);
    CHECK(r.sink.messages.size() - speech.size() == facts->system);
    std::set<std::string> authors;
    uint64_t text = 0;
    for (const auto* m : speech) {
      authors.insert(m->author.name);
      text += m->text_bytes;
      CHECK(m->author.key.empty());
    }
    CHECK(authors.size() == facts->authors);
    CHECK(text == facts->text_bytes);
    for (const auto& m : r.sink.messages)
      CHECK(m.has_time);
    CHECK(r.sink.messages.front().time_ms == facts->first_ms);
    CHECK(r.sink.messages.back().time_ms == facts->last_ms);
    CHECK(r.diagnostics.Count("ingest.whatsapp.local_time") == 1);
    CHECK(r.diagnostics.Count("ingest.whatsapp.bad_date") == 0);
  }
  CHECK(seen == std::size(kFacts));
}

TEST_CASE("WhatsApp: three layouts of one chat give one timeline") {
  // chat-miner wrote the same chat as iOS [MM/DD/YY HH:MM], Android MM/DD/YYYY with Spanish
  // "a. m."/"p. m." (and "00:08 a. m."), and YYYY/MM/DD: each reading must agree, and agree with
  // the times the Python oracle listed.
  const auto dir = CorpusDir() / "whatsapp";
  const ReadResult ios = ReadChat(ReadFile(dir / "chat-miner-ios-bracket-mmddyy-24h.txt"));
  const ReadResult es = ReadChat(ReadFile(dir / "chat-miner-mmddyyyy-12h-es-ampm.txt"));
  const ReadResult ymd = ReadChat(ReadFile(dir / "chat-miner-yyyymmdd-24h.txt"));
  REQUIRE(ios.status.ok());
  CHECK(ios.sink.messages == es.sink.messages);
  CHECK(ios.sink.messages == ymd.sink.messages);
  const int64_t times[] = {1546341900000, 1547983380000, 1548881340000,
                           1591804500000, 1592611680000, 1593508200000,
                           1639131000000, 1640002200000, 1640901660000};
  const uint32_t bytes[] = {27, 1, 69, 29, 0, 0, 16, 16, 69};
  const char* authors[] = {"John Doe",
                           "John Doe",
                           "Jahn Doe",
                           "John-John Doe",
                           "+12 345 578",
                           "You",
                           "John Doe \xF0\x9F\xA4\x93",
                           "\xF0\x9F\xA4\x93",
                           "John Doe"};
  REQUIRE(ios.sink.messages.size() == 9);
  for (size_t i = 0; i < 9; ++i) {
    INFO("message " << i);
    const auto& m = ios.sink.messages[i];
    CHECK(m.time_ms == times[i]);
    CHECK(m.text_bytes == bytes[i]);
    CHECK(m.author.name == authors[i]);
  }
  // "+12 345 578 created group" and "You were added".
  CHECK(ios.sink.messages[4].kind == MessageKind::kSystem);
  CHECK(ios.sink.messages[4].action == SystemAction::kOther);
  CHECK(ios.sink.messages[5].action == SystemAction::kJoin);
  CHECK(ios.diagnostics.Count("ingest.whatsapp.ambiguous_date_order") == 0);
}

TEST_CASE("WhatsApp: corpus system lines, media and a date layout switch") {
  const auto dir = CorpusDir() / "whatsapp";
  // 2023 Android: "M/D/YY" lines, then "D/M/YYYY" lines: each layout decides its own order.
  const ReadResult fs = ReadChat(ReadFile(dir / "frozenspider-whatsapp-text-2023-10.txt"));
  REQUIRE(fs.status.ok());
  REQUIRE(fs.sink.messages.size() == 13);
  CHECK(fs.sink.messages[0].author.name == "WhatsApp");  // E2E notice
  CHECK(fs.sink.messages[0].author.is_bot);
  CHECK(fs.sink.messages[1].author.name == "+123 45 6789");  // "is a contact"
  CHECK(fs.sink.messages[1].kind == MessageKind::kSystem);
  CHECK(fs.sink.messages[2].text_bytes == 43);  // "hello there!\n\nthis is a\nmulti-line message!"
  CHECK(fs.sink.messages[6].text_bytes == 13);  // IMG (file attached) + "image comment"
  for (size_t i = 7; i <= 11; ++i)
    CHECK(fs.sink.messages[i].text_bytes == 0);              // VID, AUD, STK, null, <Media omitted>
  CHECK(fs.sink.messages[12].kind == MessageKind::kSystem);  // "+123...: +123... updated the..."
  CHECK(fs.sink.messages[9].time_ms == Utc(2023, 6, 30, 16, 15));
  CHECK(fs.sink.messages[5].time_ms == Utc(2023, 6, 30, 16, 14));
  // Android 24 h: "12/9/20" only: never decided; day first (no AM/PM), with a warning.
  const ReadResult ca = ReadChat(ReadFile(dir / "chat-analytics-4A_11M-android-24h.txt"));
  REQUIRE(ca.status.ok());
  CHECK(ca.diagnostics.Count("ingest.whatsapp.ambiguous_date_order") == 14);
  CHECK(ca.sink.messages[3].time_ms == Utc(2020, 9, 12, 23, 55));
  CHECK(ca.sink.messages[1].author.name == "Alice");  // created group
  CHECK(ca.sink.messages[2].author.name == "You");    // "Alice added you"
  CHECK(ca.sink.messages[2].action == SystemAction::kJoin);
  // "Pokemon Chat: Messages and calls are end-to-end encrypted": the group speaking.
  const ReadResult pk = ReadChat(ReadFile(dir / "whatstk-pokemon-dotted-date.txt"));
  REQUIRE(pk.status.ok());
  CHECK(pk.sink.messages[0].kind == MessageKind::kSystem);
  CHECK(pk.sink.messages[0].author.name == "WhatsApp");
  CHECK(pk.sink.messages.back().text_bytes == 11);  // The trailing blank line is no text.
}

TEST_CASE("WhatsApp: header layouts, clocks and marks") {
  struct Case {
    const char* line;
    int64_t ms;
  };
  const int64_t t = Utc(2021, 3, 14, 15, 9);
  const Case cases[] = {
      {"14/03/2021, 15:09 - Ann: hi", t},
      {"14.03.21, 15:09 - Ann: hi", t},
      {"14-03-2021 15:09 - Ann: hi", t},
      {"2021-03-14, 15:09 - Ann: hi", t},
      {"2021/03/14 15:09 - Ann: hi", t},
      {"[14/03/2021, 15:09:00] Ann: hi", t},
      {"[14.03.21 15:09:07] Ann: hi", t + 7000},
      {"\xE2\x80\x8E[14/03/2021, 15:09:00] Ann: hi", t},  // U+200E before '['
      {"3/14/21, 3:09 PM - Ann: hi", t},
      {"3/14/21, 3:09\xE2\x80\xAFPM - Ann: hi", t},     // U+202F before PM
      {"[3/14/21, 3:09:00\xE2\x80\xAFpm] Ann: hi", t},  // iOS 12 h
      {"14/3/2021, 3:09 p.\xC2\xA0m. - Ann: hi", t},    // NBSP inside "p. m."
      {"14/3/2021, 3:09 p. m. - Ann: hi", t},
      {"14/3/2021, 12:09 a. m. - Ann: hi", t - 15 * base::kMsPerHour},
      {"14/3/2021, 00:09 a. m. - Ann: hi", t - 15 * base::kMsPerHour},
      {"14/3/2021, 12:09 p. m. - Ann: hi", t - 3 * base::kMsPerHour},
      {"14/03/2021, 15.09 - Ann: hi", t},
      {"14/03/2021, 15:09 \xE2\x80\x93 Ann: hi", t},  // en dash
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const ReadResult r = ReadChat(c.line);
    CHECK(Only(r).time_ms == c.ms);
    CHECK(Only(r).author.name == "Ann");
    CHECK(Only(r).text_bytes == 2);
  }
}

TEST_CASE("WhatsApp: names lose bidi marks, keep what people see") {
  const ReadResult r = ReadChat(
      "14/03/2021, 15:09 - \xE2\x80\xAA+49 151 1234567\xE2\x80\xAC: hi\n"
      "14/03/2021, 15:10 - ~\xC2\xA0"
      "Bob: yo\n");
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 2);
  CHECK(r.sink.messages[0].author.name == "+49 151 1234567");
  CHECK(r.sink.messages[1].author.name == "~ Bob");
}

TEST_CASE("WhatsApp: multi-line messages, blank lines and look-alike lines") {
  const ReadResult r = ReadChat(
      "14/03/2021, 15:09 - Ann: one\n"
      "\n"
      "two\n"
      "[14/03/2021, 15:09:00] Bob: a quoted iOS line stays text\n"
      "14/03/2021 15:09 Bob: no dash: text\n"
      "45/03/2021, 15:09 - Bob: impossible date: text\n"
      "\n"
      "\n"
      "14/03/2021, 15:10 - Bob: next\n"
      "\n");
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 2);
  const std::string first =
      "one\n\ntwo\n[14/03/2021, 15:09:00] Bob: a quoted iOS line stays text\n"
      "14/03/2021 15:09 Bob: no dash: text\n45/03/2021, 15:09 - Bob: impossible date: text";
  CHECK(r.sink.messages[0].text_bytes == first.size());
  CHECK(r.sink.messages[1].text_bytes == 4);
}

TEST_CASE("WhatsApp: system lines and who they are about") {
  struct Case {
    const char* rest;
    SystemAction action;
    std::vector<std::string> authors;
  };
  const Case cases[] = {
      {"Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
       "WhatsApp, can read or listen to them. Tap to learn more.",
       SystemAction::kOther,
       {"WhatsApp"}},
      {"Your security code with Bob changed. Tap to learn more.",
       SystemAction::kOther,
       {"WhatsApp"}},
      {"Ann created group \"Trip: 2021\"", SystemAction::kOther, {"Ann"}},
      {"Ann added Bob, Carol and Dan", SystemAction::kJoin, {"Bob", "Carol", "Dan"}},
      {"Ann added you", SystemAction::kJoin, {"You"}},
      {"You were added", SystemAction::kJoin, {"You"}},
      {"Bob joined using this group's invite link", SystemAction::kJoin, {"Bob"}},
      {"Bob left", SystemAction::kLeave, {"Bob"}},
      {"Ann removed Bob", SystemAction::kLeave, {"Bob"}},
      {"Ann changed the subject from \"a\" to \"b: c\"", SystemAction::kOther, {"Ann"}},
      {"Ann changed this group's icon", SystemAction::kOther, {"Ann"}},
      {"Ann changed the group description", SystemAction::kOther, {"Ann"}},
      {"Bob's security code changed. Tap to learn more.", SystemAction::kOther, {"Bob"}},
      {"+1 555 0100 is a contact", SystemAction::kOther, {"+1 555 0100"}},
      {"Ann hat die Gruppe erstellt", SystemAction::kOther, {"WhatsApp"}},  // Not known: kOther.
  };
  for (const Case& c : cases) {
    INFO(c.rest);
    const ReadResult r = ReadChat(std::string("14/03/2021, 15:09 - ") + c.rest);
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.messages.size() == c.authors.size());
    for (size_t i = 0; i < c.authors.size(); ++i) {
      CHECK(r.sink.messages[i].kind == MessageKind::kSystem);
      CHECK(r.sink.messages[i].action == c.action);
      CHECK(r.sink.messages[i].author.name == c.authors[i]);
      CHECK(r.sink.messages[i].text_bytes == 0);
    }
  }
  // What people write stays speech, even when it contains the words.
  for (const char* said : {"Bob: I left early", "Bob: Ann added salt", "Bob: You were added?"}) {
    INFO(said);
    const ReadResult r = ReadChat(std::string("14/03/2021, 15:09 - ") + said);
    CHECK(Only(r).kind == MessageKind::kMessage);
    CHECK(Only(r).author.name == "Bob");
  }
}

TEST_CASE("WhatsApp: iOS lets the group speak its system lines") {
  const ReadResult r = ReadChat(
      "[14/03/2021, 15:09:00] Trip: \xE2\x80\x8E"
      "Ann created group \xE2\x80\x9CTrip\xE2\x80\x9D\n"
      "[14/03/2021, 15:09:01] Trip: \xE2\x80\x8E"
      "Ann added Bob\n"
      "\xE2\x80\x8E[14/03/2021, 15:09:02] Trip: \xE2\x80\x8EMessages and calls are end-to-end "
      "encrypted.\n"
      "[14/03/2021, 15:09:03] Bob: \xE2\x80\x8Eimage omitted\n"
      "[14/03/2021, 15:09:04] Trip: Bob left\n"  // The group's name, known from "created group".
      "[14/03/2021, 15:09:05] Bob: \xE2\x80\x8E<attached: 00000012-PHOTO-2021-03-14.jpg>\n",
      "_chat.txt");
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 6);
  CHECK(r.sink.messages[0].author.name == "Ann");
  CHECK(r.sink.messages[1].author.name == "Bob");
  CHECK(r.sink.messages[1].action == SystemAction::kJoin);
  CHECK(r.sink.messages[2].author.name == "WhatsApp");
  CHECK(r.sink.messages[3].kind == MessageKind::kMessage);
  CHECK(r.sink.messages[3].text_bytes == 0);
  CHECK(r.sink.messages[4].action == SystemAction::kLeave);
  CHECK(r.sink.messages[4].author.name == "Bob");
  CHECK(r.sink.messages[5].kind == MessageKind::kMessage);
  CHECK(r.sink.messages[5].text_bytes == 0);
  CHECK(r.sink.channels[0].key == "whatsapp:WhatsApp chat");
}

TEST_CASE("WhatsApp: placeholders, deleted and edited messages") {
  const char* zero[] = {"<Media omitted>",
                        "<media omitted>",
                        "image omitted",
                        "sticker omitted",
                        "report.pdf \xE2\x80\xA2 3 pages document omitted",
                        "null",
                        "This message was deleted",
                        "You deleted this message.",
                        "IMG-20230630-WA0000.jpg (file attached)"};
  for (const char* text : zero) {
    INFO(text);
    const ReadResult r = ReadChat(std::string("14/03/2021, 15:09 - Ann: ") + text);
    CHECK(Only(r).kind == MessageKind::kMessage);
    CHECK(Only(r).text_bytes == 0);
  }
  const ReadResult edited = ReadChat("14/03/2021, 15:09 - Ann: fixed it <This message was edited>");
  CHECK(Only(edited).text_bytes == 8);
}

TEST_CASE("WhatsApp: the date order waits for the first telling date") {
  // Five ambiguous days, then the 13th: day first. The held messages take the same order.
  std::string chat;
  for (int day = 1; day <= 5; ++day)
    chat += "0" + std::to_string(day) + "/02/21, 10:00 - Ann: hi\n";
  chat += "13/02/21, 10:00 - Bob: yo\n";
  const ReadResult dm = ReadChat(chat);
  REQUIRE(dm.status.ok());
  REQUIRE(dm.sink.messages.size() == 6);
  for (int day = 1; day <= 5; ++day)
    CHECK(dm.sink.messages[day - 1].time_ms == Utc(2021, 2, day, 10, 0));
  CHECK(dm.sink.messages[5].time_ms == Utc(2021, 2, 13, 10, 0));
  CHECK(dm.diagnostics.Count("ingest.whatsapp.ambiguous_date_order") == 0);
  // The same with the month first.
  std::string md;
  for (int day = 1; day <= 5; ++day)
    md += "02/0" + std::to_string(day) + "/21, 10:00 - Ann: hi\n";
  md += "02/13/21, 10:00 - Bob: yo\n";
  const ReadResult mdr = ReadChat(md);
  REQUIRE(mdr.sink.messages.size() == 6);
  CHECK(mdr.sink.messages[0].time_ms == Utc(2021, 2, 1, 10, 0));
  CHECK(mdr.sink.messages[4].time_ms == Utc(2021, 2, 5, 10, 0));
  // Never telling, but only one order runs forward in time: 1 Feb, 1 Mar, 1 Apr, 2 Jan... as
  // day-first goes back; month-first (Jan 2, Jan 3, Jan 4, Feb 1) runs on.
  const ReadResult seq = ReadChat(
      "01/02/21, 10:00 - Ann: a\n01/03/21, 10:00 - Ann: b\n01/04/21, 10:00 - Ann: c\n"
      "02/01/21, 10:00 - Ann: d\n");
  REQUIRE(seq.sink.messages.size() == 4);
  CHECK(seq.sink.messages[3].time_ms == Utc(2021, 2, 1, 10, 0));
  CHECK(seq.diagnostics.Count("ingest.whatsapp.date_order_from_sequence") == 1);
  CHECK(seq.diagnostics.Count("ingest.whatsapp.ambiguous_date_order") == 0);
  // A tie: an AM/PM clock with '/' reads month first, and the warning counts the messages.
  const ReadResult us = ReadChat("02/03/21, 10:00 AM - Ann: a\n02/03/21, 10:01 AM - Bob: b\n");
  CHECK(us.sink.messages[0].time_ms == Utc(2021, 2, 3, 10, 0));
  CHECK(us.diagnostics.Count("ingest.whatsapp.ambiguous_date_order") == 2);
  const ReadResult eu = ReadChat("02/03/21, 10:00 - Ann: a\n");
  CHECK(Only(eu).time_ms == Utc(2021, 3, 2, 10, 0));
  // Same day and month: nothing is ambiguous.
  const ReadResult same = ReadChat("03/03/21, 10:00 - Ann: a\n");
  CHECK(same.diagnostics.Count("ingest.whatsapp.ambiguous_date_order") == 0);
}

TEST_CASE("WhatsApp: dates impossible in the file's order, and absurd years") {
  const ReadResult r = ReadChat(
      "13/02/21, 10:00 - Ann: day first\n"
      "02/14/21, 10:00 - Bob: only valid month first\n"
      "31/12/1901, 10:00 - Bob: 4-digit years are their own layout\n");
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 3);
  CHECK_FALSE(r.sink.messages[1].has_time);
  CHECK(r.diagnostics.Count("ingest.whatsapp.bad_date") == 1);
  CHECK(r.sink.messages[2].time_ms == Utc(1901, 12, 31, 10, 0));  // The Dataset flags it.
}

TEST_CASE("WhatsApp: mentions of people seen before") {
  const ReadResult r = ReadChat(
      "14/03/2021, 15:09 - Bob Ross: hi\n"
      "14/03/2021, 15:09 - +49 151 1234567: hey\n"
      "14/03/2021, 15:10 - Ann: @Bob Ross and @\xE2\x81\xA8+49 151 1234567\xE2\x81\xA9 and "
      "@491511234567 and @Bobby and @Ann\n");
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 3);
  const auto& mentions = r.sink.messages[2].mentions;
  REQUIRE(mentions.size() == 2);
  CHECK(mentions[0].name == "Bob Ross");
  CHECK(mentions[1].name == "+49 151 1234567");
}

TEST_CASE("WhatsApp: the chat name comes from the file name") {
  const char* line = "14/03/2021, 15:09 - Ann: hi\n";
  CHECK(ReadChat(line, "WhatsApp Chat with Family.txt").sink.channels[0].key == "whatsapp:Family");
  CHECK(ReadChat(line, "WhatsApp Chat - Club.zip/_chat.txt").sink.channels[0].name == "Club");
  CHECK(ReadChat(line, "exports/chat.txt").sink.channels[0].name == "chat");
  CHECK(ReadChat(line, "_chat.txt").sink.channels[0].name == "WhatsApp chat");
}

TEST_CASE("WhatsApp: CRLF, invalid UTF-8, long lines and damaged files") {
  const std::string lf = "14/03/2021, 15:09 - Ann: one\ntwo\n14/03/2021, 15:10 - Bob: x\n";
  std::string crlf;
  for (char c : lf)
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  CHECK(ReadChat(crlf).sink.messages == ReadChat(lf).sink.messages);
  // Invalid UTF-8 in a name is repaired and counted; in the text it is only measured.
  const ReadResult bad = ReadChat("14/03/2021, 15:09 - A\xFFn: \xC3(\n");
  CHECK(Only(bad).author.name == "A\xEF\xBF\xBDn");
  CHECK(Only(bad).text_bytes == 2);
  CHECK(bad.diagnostics.Count("ingest.invalid_utf8") == 1);
  // A 1 MB line is text like any other.
  const std::string big(1 << 20, 'x');
  const ReadResult huge = ReadChat("14/03/2021, 15:09 - Ann: " + big + "\n");
  CHECK(Only(huge).text_bytes == big.size());
  // Cut in the middle of a header: the fragment is text of the message before.
  const ReadResult cut = ReadChat("14/03/2021, 15:09 - Ann: hi\n14/03/2021, 15:1");
  CHECK(Only(cut).text_bytes == 2 + 1 + 16);  // "hi\n14/03/2021, 15:1"
  // Lines before the first message are counted and skipped.
  const ReadResult pre = ReadChat("junk\nmore junk\n14/03/2021, 15:09 - Ann: hi\n");
  CHECK(Only(pre).author.name == "Ann");
  CHECK(pre.diagnostics.Count("ingest.whatsapp.text_before_first_message") == 2);
}

TEST_CASE("WhatsApp: inputs that are not chats are errors, never crashes") {
  std::string garbage;
  for (int i = 0; i < 5000; ++i)
    garbage += static_cast<char>((i * 7919) % 256);
  for (const std::string& input :
       {std::string(), std::string("hello\nworld\n"), garbage, std::string(2000, '\n')}) {
    const ReadResult r = ReadChat(input);
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status.id() == "ingest.whatsapp.not_whatsapp");
    CHECK(r.sink.messages.empty());
  }
  // A line beyond the 16 MiB limit (whole and in 4 KiB chunks only: 1-byte chunks are slow).
  const std::string endless = "14/03/2021, 15:09 - Ann: " + std::string((16u << 20) + 10, 'x');
  for (size_t chunk : {size_t{0}, size_t{4096}}) {
    const ReadResult r = ReadAs(Format::kWhatsAppText, endless, chunk, "c.txt");
    CHECK(r.status.code() == StatusCode::kLimitExceeded);
    CHECK(r.status.id() == "ingest.whatsapp.line_too_long");
    CHECK(r.status.location().line == 1);
  }
}

TEST_CASE("WhatsApp: the sniffer wants a message line, and two or an export's name") {
  using ingest::Detect;
  const std::string two = "14/03/2021, 15:09 - Ann: hi\n14/03/2021, 15:10 - Bob: yo\n";
  CHECK(Detect(two, "x.txt", false).format == Format::kWhatsAppText);
  CHECK(Detect(two.substr(0, 28), "x.txt", false).state == ingest::Detection::State::kNeedMore);
  CHECK(Detect(two.substr(0, 28), "_chat.txt", false).format == Format::kWhatsAppText);
  CHECK(Detect(two.substr(0, 28), "WhatsApp Chat with Ann.txt", false).format ==
        Format::kWhatsAppText);
  CHECK(Detect(two.substr(0, 28), "x.txt", true).format == Format::kWhatsAppText);
  // The name alone is not enough.
  CHECK(Detect("hello\nworld\n", "_chat.txt", true).state == ingest::Detection::State::kUnknown);
  CHECK(Detect("Date,Author\n14/03/2021,Ann\n", "x.csv", true).format != Format::kWhatsAppText);
}
