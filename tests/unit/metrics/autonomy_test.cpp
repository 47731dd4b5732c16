// The practical test (ANALYSIS.md B.1 item 9): the host's calendar of presence, silent windows,
// gaps in the export, and host-silent window survival (HSR).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis.h"
#include "metrics/host_calendar.h"

namespace {

using meshcheck::metrics::DayKind;
using meshcheck::testing::Analyze;
using meshcheck::testing::AnalyzeAll;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::EvidenceOf;
using meshcheck::testing::Id;
using meshcheck::testing::kDayMinutes;
using meshcheck::testing::Msg;
using meshcheck::testing::Who;

int64_t Day(int64_t day, int64_t minute = 0) {
  return day * kDayMinutes + minute;
}

// One letter per day: '.' not observed, 'A' host-active, 'S' silent, 'q' quiet, '-' missing.
std::string Calendar(const meshcheck::metrics::HostCalendar& cal) {
  std::string out;
  for (DayKind k : cal.days) {
    switch (k) {
      case DayKind::kNotObserved:
        out += '.';
        break;
      case DayKind::kHostActive:
        out += 'A';
        break;
      case DayKind::kHostSilent:
        out += 'S';
        break;
      case DayKind::kHostQuiet:
        out += 'q';
        break;
      case DayKind::kMissing:
        out += '-';
        break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the host calendar: active days, silent windows, short pauses and export gaps") {
  DatasetBuilder b;
  int id = 0;
  auto say = [&](const char* who, int64_t day) { b.Say(std::to_string(++id), who, Day(day)); };
  say("m", 0);  // Before the host's first message: not observed.
  for (int d : {1, 2, 3, 7, 26})
    say("host", d);
  for (int d = 4; d <= 6; ++d)
    say("m", d);  // Three days without the host: a pause.
  // Days 8-17: no record at all (ten days): a gap in the export, not silence.
  for (int d = 18; d <= 25; ++d)
    say("m", d);  // Eight observed days without the host: a silent window.
  b.Post(Msg("bot", Who("feed").Bot(), Day(29)));  // A bot post is a record, not the host.
  say("m", 30);  // Days 27-30 without the host: four days, a pause.
  const auto a = AnalyzeAll(b, {"host"});
  const auto& cal = a.m.calendar;
  CHECK(Calendar(cal) == ".AAAqqqA----------SSSSSSSSAqqqq");
  CHECK(cal.silent_windows == 1);
  CHECK(cal.silent_days == 8);
  CHECK(cal.active_days == 5);
  CHECK(cal.missing_days == 10);

  // Without a host nothing is observed (the 19 empty days between are still a gap), and the
  // test is not run.
  DatasetBuilder none;
  none.Say("1", "a", Day(0));
  none.Say("2", "b", Day(20));
  const auto n = AnalyzeAll(none);
  CHECK(Calendar(n.m.calendar) == "." + std::string(19, '-') + ".");
  CHECK(n.m.structure.host_silent_survival.why_unavailable ==
        "There is no host whose silence could be tested.");
}

TEST_CASE("HSR: peer replies per host-silent day over peer replies per host-active day") {
  // Days 0-9 and 20-29: the host posts, b posts, a and c answer b (2 peer replies a day).
  // Days 10-19: the host is silent, b posts and only a answers (1 peer reply a day).
  DatasetBuilder b;
  for (int d = 0; d < 30; ++d) {
    const bool host_active = d < 10 || d >= 20;
    if (host_active)
      b.Say(Id("h", d), "host", Day(d, 0));
    b.Say(Id("b", d), "b", Day(d, 10));
    b.Reply(Id("a", d), "a", Id("b", d), Day(d, 11));
    if (host_active)
      b.Reply(Id("c", d), "c", Id("b", d), Day(d, 12));
  }
  const auto a = Analyze(b, {"host"});
  const auto& hsr = a.measures.host_silent_survival;
  REQUIRE(hsr.available);
  // (10 / 10) / (40 / 20) = 0.5.
  CHECK(hsr.value == 0.5);
  CHECK(EvidenceOf(hsr, "silent_days") == 10);
  CHECK(EvidenceOf(hsr, "active_days") == 20);
  CHECK(EvidenceOf(hsr, "peer_replies_silent") == 10);
  CHECK(EvidenceOf(hsr, "peer_replies_active") == 40);
  CHECK(EvidenceOf(hsr, "silent_windows") == 1);
  // MOC: every conversation (b's post of the day) has two people or more, and the host never
  // writes in one: 30 of 30.
  CHECK(a.measures.hostless_conversations.value == 1.0);
}

TEST_CASE("HSR is capped at 1, 0 when nothing continues, and needs something to compare") {
  auto group = [](int silent_replies, int active_replies, int active_days) {
    DatasetBuilder b;
    for (int d = 0; d < active_days + 10; ++d) {
      const bool active = d < active_days;
      if (active)
        b.Say(Id("h", d), "host", Day(d, 0));
      b.Say(Id("b", d), "b", Day(d, 1));
      const int replies = active ? active_replies : silent_replies;
      for (int r = 0; r < replies; ++r)
        b.Reply(Id("a", d * 100 + r), "a", Id("b", d), Day(d, 2 + r));
    }
    return Analyze(b, {"host"}).measures.host_silent_survival;
  };
  CHECK(group(3, 1, 10).value == 1.0);  // More talk without the host: capped.
  CHECK(group(0, 1, 10).value == 0.0);  // Nothing continues.
  CHECK(group(1, 1, 10).value == 1.0);
  const auto nothing = group(1, 0, 10);  // No peer reply while the host is active.
  CHECK_FALSE(nothing.available);
  CHECK(nothing.why_unavailable ==
        "Members never replied to each other on the host's days: there is nothing to compare the "
        "silent days with.");
  const auto few = group(1, 1, 6);  // Six active days only.
  CHECK_FALSE(few.available);
  CHECK(few.why_unavailable ==
        "The host posted on fewer than 7 days: there is too little host activity to compare "
        "with.");
}
