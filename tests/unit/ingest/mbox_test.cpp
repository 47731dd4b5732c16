// Mailing-list reader (FORMATS.md section 7): the corpus archives in every chunking, checked
// against Python's own mail stack (mailbox.mbox, email.utils.parseaddr/parsedate_tz/mktime_tz,
// email.header.decode_header; body sizes by splitting the file at its separator lines), and
// crafted mailboxes for each rule of mbox.h.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "ingest/detect.h"
#include "reader_harness.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

using model::ChannelKind;

ReadResult ReadMbox(std::string_view data, std::string_view name = "list.mbox") {
  return ReadAllAs(Format::kMbox, data, name);
}

// One message: the separator line, headers, a blank line and a body.
std::string Mail(
    const std::string& headers,
    const std::string& body = "Hello.\n",
    const std::string& separator = "From ann at example.org  Fri Jan  8 11:01:14 2010") {
  return separator + "\n" + headers + "\n\n" + body + "\n";
}

const RecordedMessage& Only(const ReadResult& r) {
  INFO(r.status.ToString());
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 1);
  return r.sink.messages[0];
}

// Figures from the Python oracle, per corpus file.
struct FileFacts {
  const char* file;
  size_t messages;
  size_t keys;        // Distinct lower-cased addresses.
  size_t names;       // Distinct display names.
  const char* top;    // The most frequent address,
  size_t top_count;   // and its messages.
  size_t replies;     // Messages with In-Reply-To (none has References only).
  size_t resolvable;  // ... whose target is in the file,
  size_t cross;       // ... written by another address.
  size_t threaded;    // Messages with a thread root (References, or the subject).
  uint64_t body_bytes;
  int64_t time_sum;  // Sum of the Date headers in ms.
  const char* channel;
};

constexpr FileFacts kFacts[] = {
    {"perceval-mbox_complex.mbox", 2, 2, 2, "eloli@hotmail.com", 1, 1, 0, 0, 1, 3351, 2301590325000,
     "list:desktop-devel-list.gnome.org"},
    {"r-announce-2010.mbox", 18, 6, 6, "pd.mes@cbs.dk", 12, 2, 2, 1, 3, 81693, 23017665770000,
     "mbox:r-announce-2010"},
    {"r-devel-2015-11.mbox", 79, 36, 38, "aixtools@gmail.com", 13, 58, 54, 50, 58, 198077,
     114368140452000, "mbox:r-devel-2015-11"},
};

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck;
using namespace meshcheck::testing;

TEST_CASE("mbox: every corpus archive reads the same in every chunking, as Python reads it") {
  size_t seen = 0;
  for (const auto& path : CorpusFiles(".mbox")) {
    ++seen;
    const std::string name = path.filename().string();
    INFO(name);
    const FileFacts* f = nullptr;
    for (const FileFacts& facts : kFacts) {
      if (name == facts.file)
        f = &facts;
    }
    REQUIRE(f != nullptr);
    const ReadResult r = ReadMbox(ReadFile(path), name);
    INFO(DiagnosticsSummary(r.diagnostics));
    REQUIRE(r.status.ok());
    REQUIRE(r.sink.channels.size() == 1);
    CHECK(r.sink.channels[0].key == f->channel);
    CHECK(r.sink.channels[0].kind == ChannelKind::kForum);
    CHECK(r.sink.channels[0].replies_exported);
    REQUIRE(r.sink.messages.size() == f->messages);
    std::map<std::string, size_t> by_key;
    std::map<std::string, std::string> author_of;
    std::set<std::string> names;
    uint64_t body = 0;
    int64_t time_sum = 0;
    size_t replies = 0, threaded = 0;
    for (const auto& m : r.sink.messages) {
      ++by_key[m.author.key];
      names.insert(m.author.name);
      author_of[m.id] = m.author.key;
      body += m.text_bytes;
      CHECK(m.has_time);
      time_sum += m.time_ms;
      replies += !m.reply_to.empty();
      threaded += !m.thread.empty();
      CHECK_FALSE(m.author.is_bot);
      CHECK_FALSE(m.id.empty());
    }
    size_t resolvable = 0, cross = 0;
    for (const auto& m : r.sink.messages) {
      const auto target = author_of.find(m.reply_to);
      if (m.reply_to.empty() || target == author_of.end())
        continue;
      ++resolvable;
      cross += target->second != m.author.key;
    }
    CHECK(by_key.size() == f->keys);
    CHECK(names.size() == f->names);
    CHECK(by_key[f->top] == f->top_count);
    CHECK(replies == f->replies);
    CHECK(resolvable == f->resolvable);
    CHECK(cross == f->cross);
    CHECK(threaded == f->threaded);
    CHECK(body == f->body_bytes);
    CHECK(time_sum == f->time_sum);
    CHECK(r.diagnostics.entries().empty());
  }
  CHECK(seen == std::size(kFacts));
}

TEST_CASE("mbox: corpus details: Pipermail addresses, encoded names, junk In-Reply-To") {
  const auto dir = CorpusDir() / "mbox";
  const ReadResult ann = ReadMbox(ReadFile(dir / "r-announce-2010.mbox"), "r-announce-2010.mbox");
  REQUIRE(ann.status.ok());
  const auto& first = ann.sink.messages.front();
  CHECK(first.id == "2c3c9e81001080201w2f2a1bc1j9228a11104c49fd@mail.gmail.com");
  CHECK(first.author.key == "stvjc@channing.harvard.edu");
  CHECK(first.author.name == "Vincent Carey");
  CHECK(first.time_ms == 1262944874000);
  const ReadResult gnome = ReadMbox(ReadFile(dir / "perceval-mbox_complex.mbox"));
  REQUIRE(gnome.sink.messages.size() == 2);
  CHECK(gnome.sink.channels[0].name == "GNOME Desktop Development List");
  const auto& danilo = gnome.sink.messages[1];
  CHECK(danilo.author.key == "danilo@gnome.org");
  CHECK(danilo.author.name ==
        "Danilo \xC5\xA0"
        "egan");  // =?utf-8?Q?=C5=A0egan?=
  CHECK(danilo.reply_to == "1205676169.6819.27.camel@user-computer.NETWORK");
  CHECK(danilo.thread == "1204225143.12769.9.camel@localhost.localdomain");
  CHECK(gnome.sink.messages[0].author.name == "Eugenia Loli-Queru");
}

TEST_CASE("mbox: a message starts only at a dated From line followed by headers") {
  const std::string body =
      "From the docs, this is text.\n"
      "From ann at example.org  Fri Jan  8 11:01:14 2010\n"
      "but the line after it is no header, so it is text too.\n"
      ">From quoted\n";
  const ReadResult r = ReadMbox(Mail("From: ann at example.org (Ann)\nMessage-ID: <1@x>", body) +
                                Mail("From: bob@example.org\nMessage-ID: <2@x>", "x\n"));
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 2);
  CHECK(r.sink.messages[0].text_bytes == body.size() + 1);  // + the blank line before "From ".
  CHECK(r.sink.messages[1].text_bytes == 3);
  CHECK(r.sink.messages[1].author.key == "bob@example.org");
  CHECK(r.sink.messages[1].author.name == "bob@example.org");
  // A sender that starts like a day name ("fri at ...") still leaves the date at the end.
  const ReadResult fri = ReadMbox(
      Mail("Message-ID: <3@x>", "x\n", "From fri at example.org  Fri Jan  8 11:01:14 2010"));
  CHECK(Only(fri).author.key == "fri@example.org");
}

TEST_CASE("mbox: senders, encoded names, mangled addresses, bots and owners") {
  struct Case {
    const char* from;
    const char* key;
    const char* name;
    bool bot, host;
  };
  const Case cases[] = {
      {"ann at example.org (Ann Lee)", "ann@example.org", "Ann Lee", false, false},
      {"\"Lee, Ann\" <Ann@Example.ORG>", "ann@example.org", "Lee, Ann", false, false},
      {"Ann Lee <ann@example.org>", "ann@example.org", "Ann Lee", false, false},
      {"ann@example.org (Viechtbauer, Wolfgang (SP))", "ann@example.org",
       "Viechtbauer, Wolfgang (SP)", false, false},
      {"=?UTF-8?B?Sm9zw6k=?= <jose@example.org>", "jose@example.org", "Jos\xC3\xA9", false, false},
      {"=?iso-8859-1?q?Andr=E9?= <andre@example.org>", "andre@example.org", "Andr\xC3\xA9", false,
       false},
      {"@d|rk@e @end|ng |rom g@m@@com (Steven Dirkse)", "", "Steven Dirkse", false, false},
      {"r-devel-bounces at r-project.org", "r-devel-bounces@r-project.org",
       "r-devel-bounces@r-project.org", true, false},
      {"Mailman <mailman@example.org>", "mailman@example.org", "Mailman", true, false},
      {"GitHub <noreply@github.com>", "noreply@github.com", "GitHub", true, false},
      {"list-owner@example.org (List Owner)", "list-owner@example.org", "List Owner", false, true},
  };
  for (const Case& c : cases) {
    INFO(c.from);
    const ReadResult r = ReadMbox(Mail(std::string("From: ") + c.from + "\nMessage-ID: <1@x>"));
    const auto& m = Only(r);
    CHECK(m.author.key == c.key);
    CHECK(m.author.name == c.name);
    CHECK(m.author.is_bot == c.bot);
    CHECK(m.author.is_host_hint == c.host);
  }
  // Folded headers continue on the next line.
  const ReadResult folded = ReadMbox(
      Mail("From: =?utf-8?q?Ann?=\n =?utf-8?q?_Lee?= <ann@example.org>\nMessage-ID: <1@x>"));
  CHECK(Only(folded).author.name == "Ann Lee");
}

TEST_CASE("mbox: replies, references and threads") {
  const std::string mbox =
      Mail("From: a@x.org\nMessage-ID: <root@x>\nSubject: [Rd] Question") +
      Mail(
          "From: b@x.org\nMessage-ID: <r1@x>\nIn-Reply-To: <root@x> from \"Ann\" at Feb 28, 99 "
          "05:09:28 pm\nSubject: Re: [Rd] Question") +
      Mail(
          "From: c@x.org\nMessage-ID: <r2@x>\nReferences: <root@x>\n <r1@x>\nSubject: "
          "[Rd] Question") +
      Mail("From: d@x.org\nMessage-ID: <r3@x>\nSubject: [Rd]  question") +  // no links at all
      Mail("From: e@x.org\nMessage-ID: <new@x>\nSubject: Another topic") +
      Mail("From: f@x.org\nMessage-ID: <r4@x>\nIn-Reply-To: junk without brackets") +
      Mail(
          "From: f@x.org\nMessage-Id: <later@x>\nIn-Reply-To: <zzz@x>\nReferences: <aaa@x> "
          "<bbb@x>");
  const ReadResult r = ReadMbox(mbox);
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 7);
  const auto& m = r.sink.messages;
  CHECK(m[0].reply_to.empty());
  CHECK(m[0].thread.empty());
  CHECK(m[1].reply_to == "root@x");
  CHECK(m[1].thread.empty());
  CHECK(m[2].reply_to == "r1@x");  // The last of References.
  CHECK(m[2].thread == "root@x");  // The first.
  CHECK(m[3].reply_to.empty());
  CHECK(m[3].thread == "root@x");  // By its subject.
  CHECK(m[4].thread.empty());
  CHECK(m[5].reply_to.empty());
  CHECK(m[6].id == "later@x");
  CHECK(m[6].reply_to == "zzz@x");  // In-Reply-To wins over References.
  CHECK(m[6].thread == "aaa@x");
}

TEST_CASE("mbox: dates, fallbacks and the channel") {
  const ReadResult r = ReadMbox(
      Mail("From: a@x.org\nMessage-ID: <1@x>\nDate: Fri, 8 Jan 2010 10:01:14 -7900 (MST)") +
      Mail("From: a@x.org\nMessage-ID: <2@x>\nDate: garbage") +
      Mail("From: a@x.org\nMessage-ID: <3@x>\nList-Id: R Development <r-devel.r-project.org>\n"
           "Date: Fri, 8 Jan 2010 11:01:14 +0100"));
  REQUIRE(r.status.ok());
  REQUIRE(r.sink.messages.size() == 3);
  CHECK(r.sink.messages[0].time_ms == 1262944874000);  // Impossible zone: read as UTC.
  CHECK(r.sink.messages[1].time_ms == 1262948474000);  // From line: Fri Jan  8 11:01:14 2010.
  CHECK(r.sink.messages[2].time_ms == 1262944874000);
  CHECK(r.diagnostics.Count("ingest.mbox.no_zone") == 2);
  CHECK(r.diagnostics.Count("ingest.mbox.date_from_separator") == 1);
  // Absurd but well-formed dates are kept (the Dataset keeps them out of the timeline);
  // impossible ones fall back to the From line.
  const ReadResult odd = ReadMbox(Mail("From: a@x.org\nDate: Mon, 1 Jan 2999 00:00:00 +0000") +
                                  Mail("From: a@x.org\nDate: Sun, 32 Jan 2010 00:00:00 +0000"));
  REQUIRE(odd.sink.messages.size() == 2);
  CHECK(odd.sink.messages[0].time_ms == 32472144000000);  // date -u -d 2999-01-01 +%s
  CHECK(odd.sink.messages[1].time_ms == 1262948474000);
  // The first message has no List-Id: the file names the channel.
  CHECK(r.sink.channels[0].key == "mbox:list");
  const ReadResult listed = ReadMbox(
      Mail("From: a@x.org\nList-Id: \"R Development\" <R-devel.r-project.org>\nMessage-ID: <1@x>"),
      "2015-November.txt");
  CHECK(listed.sink.channels[0].key == "list:r-devel.r-project.org");
  CHECK(listed.sink.channels[0].name == "R Development");
}

TEST_CASE("mbox: CRLF, invalid UTF-8, long lines and damaged files") {
  const std::string lf = Mail("From: Ann <a@x.org>\nMessage-ID: <1@x>", "one\ntwo\n") +
                         Mail("From: Bob <b@x.org>\nMessage-ID: <2@x>\nIn-Reply-To: <1@x>");
  std::string crlf;
  for (char c : lf)
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const ReadResult a = ReadMbox(lf), b = ReadMbox(crlf);
  REQUIRE(a.sink.messages.size() == 2);
  CHECK(a.sink.messages[1].author == b.sink.messages[1].author);
  CHECK(a.sink.messages[1].reply_to == b.sink.messages[1].reply_to);
  CHECK(a.sink.messages[0].text_bytes == 8 + 1);
  CHECK(b.sink.messages[0].text_bytes == 8 + 1);  // '\r' is part of the line break.
  const ReadResult bad = ReadMbox(Mail("From: A\xFFn <a@x.org>\nMessage-ID: <1@x>"));
  CHECK(Only(bad).author.name == "A\xEF\xBF\xBDn");
  CHECK(bad.diagnostics.Count("ingest.invalid_utf8") == 1);
  const std::string big(1 << 20, 'x');
  CHECK(Only(ReadMbox(Mail("From: a@x.org", big + "\n"))).text_bytes == big.size() + 2);
  // Cut inside the headers of the last message: kept, and said.
  const ReadResult cut =
      ReadMbox(Mail("From: a@x.org\nMessage-ID: <1@x>") +
               "From b at x.org  Fri Jan  8 11:01:14 2010\nFrom: b@x.org\nMessage-ID: <2");
  REQUIRE(cut.status.ok());
  REQUIRE(cut.sink.messages.size() == 2);
  CHECK(cut.sink.messages[1].id == "<2");
  CHECK(cut.diagnostics.Count("ingest.mbox.truncated") == 1);
  // Text before the first message is skipped and counted.
  const ReadResult pre = ReadMbox("junk\n\n" + Mail("From: a@x.org"));
  CHECK(Only(pre).author.key == "a@x.org");
  CHECK(pre.diagnostics.Count("ingest.mbox.text_before_first_message") == 1);
}

TEST_CASE("mbox: inputs that are not mailboxes are errors, never crashes") {
  std::string garbage;
  for (int i = 0; i < 5000; ++i)
    garbage += static_cast<char>((i * 7919) % 256);
  for (const std::string& input :
       {std::string(), std::string("hello\n"), garbage,
        std::string("From the desk of nobody\nDear all\n"),
        std::string("From ann at x.org  Fri Jan  8 11:01:14 2010\nno header here\n")}) {
    const ReadResult r = ReadMbox(input);
    CHECK(r.status.code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status.id() == "ingest.mbox.not_mbox");
  }
  const std::string endless = Mail("From: a@x.org", "") + std::string((16u << 20) + 10, 'x');
  for (size_t chunk : {size_t{0}, size_t{4096}}) {
    const ReadResult r = ReadAs(Format::kMbox, endless, chunk, "m.mbox");
    CHECK(r.status.code() == StatusCode::kLimitExceeded);
    CHECK(r.status.id() == "ingest.mbox.line_too_long");
  }
}

TEST_CASE("mbox: the sniffer wants a dated From line and a header after it") {
  using ingest::Detect;
  const std::string head = "From ann at x.org  Fri Jan  8 11:01:14 2010\nFrom: ann at x.org\n";
  CHECK(Detect(head, "2010.txt", false).format == Format::kMbox);
  CHECK(Detect(head.substr(0, 45), "a.mbox", false).state == ingest::Detection::State::kNeedMore);
  CHECK(Detect("From the desk of nobody\nDear all\n", "a.mbox", true).format != Format::kMbox);
  CHECK(Detect("From ann at x.org  Fri Jan  8 11:01:14 2010\n\nbody\n", "a.mbox", true).format !=
        Format::kMbox);
}
