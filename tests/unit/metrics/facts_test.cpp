// metrics::ComputeFacts: the plain counts of a hand-built dataset.
#include <catch2/catch.hpp>

#include "analysis.h"

namespace {

using meshcheck::model::kNoTime;
using meshcheck::testing::Analyze;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::kBaseMs;
using meshcheck::testing::kDayMinutes;
using meshcheck::testing::kMinuteMs;
using meshcheck::testing::Msg;
using meshcheck::testing::Who;

}  // namespace

TEST_CASE("facts count people's speech apart from bots, system events and forwards") {
  DatasetBuilder b;
  const uint32_t quiet = b.Channel("quiet");
  const uint32_t bots_only = b.Channel("bots");
  b.Channel("empty");
  const auto deleted = Who("0").Named("Deleted User").Deleted();
  b.Say("1", "ann", kDayMinutes - 1);  // 2024-01-01 23:59
  b.Say("2", "bob", kDayMinutes + 1);  // 2024-01-02 00:01
  b.Post(Msg("3", Who("ann"), kDayMinutes + 2).Forward());
  b.Post(Msg("4", Who("feed").Bot(), 3 * kDayMinutes).In(bots_only));
  b.Post(Msg("5", Who("feed").Bot(), 4 * kDayMinutes));
  b.Post(Msg("6", Who("cat"), 9 * kDayMinutes).System().In(quiet));  // A join: not speech.
  b.Post(Msg("7", deleted, 5 * kDayMinutes));
  b.Post(Msg("8", deleted, 5 * kDayMinutes + 1));
  b.Post(Msg("9", Who("dan"), 0).Undated());
  b.Post(Msg("10", Who("eve"), 0).Mention(Who("zed")).At(kBaseMs + 2 * kDayMinutes * kMinuteMs));
  const auto a = Analyze(b);
  const auto& f = a.facts;
  CHECK(f.messages == 7);  // 1, 2, 3, 7, 8, 9, 10.
  CHECK(f.bot_messages == 2);
  CHECK(f.system_events == 1);
  CHECK(f.forwards == 1);
  CHECK(f.posters == 6);  // ann, bob, two deleted accounts, dan, eve.
  CHECK(f.bots == 1);
  CHECK(f.deleted_accounts == 2);
  CHECK(f.channels == 2);  // general and bots; "quiet" holds only a join, "empty" nothing.
  CHECK(f.first_ms == kBaseMs + (kDayMinutes - 1) * kMinuteMs);
  CHECK(f.last_ms == kBaseMs + (5 * kDayMinutes + 1) * kMinuteMs);
  CHECK(f.span_days == 6);    // 2024-01-01 .. 2024-01-06.
  CHECK(f.active_days == 4);  // Days 0, 1, 2 and 5; the bots' days do not count.
  const auto& data = b.data();
  CHECK(f.is_poster[b.MemberIndex("ann")]);
  CHECK_FALSE(f.is_poster[b.MemberIndex("feed")]);  // A bot is never a person.
  CHECK_FALSE(f.is_poster[b.MemberIndex("cat")]);   // Only a system event.
  CHECK_FALSE(f.is_poster[b.MemberIndex("zed")]);   // Only mentioned.
  CHECK(f.is_poster.size() == data.members().size());
}

TEST_CASE("facts of an empty or undated dataset have no dates") {
  DatasetBuilder empty;
  const auto e = Analyze(empty);
  CHECK(e.facts.messages == 0);
  CHECK(e.facts.first_ms == kNoTime);
  CHECK(e.facts.span_days == 0);
  CHECK(e.facts.active_days == 0);

  DatasetBuilder undated;
  undated.Post(Msg("1", Who("ann"), 0).Undated());
  const auto u = Analyze(undated);
  CHECK(u.facts.messages == 1);
  CHECK(u.facts.posters == 1);
  CHECK(u.facts.last_ms == kNoTime);
  CHECK(u.facts.span_days == 0);
}
