// model::DetectBots on hand-built datasets: bot names, reflexes, and who is never a bot.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "dataset_builder.h"
#include "model/bot_detection.h"
#include "model/members_named.h"

namespace {

using meshcheck::model::BotSignal;
using meshcheck::model::Dataset;
using meshcheck::model::DetectBots;
using meshcheck::model::DetectedBot;
using meshcheck::model::IsBotName;
using meshcheck::model::MembersNamed;
using meshcheck::model::SystemAction;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::Id;
using meshcheck::testing::kBaseMs;
using meshcheck::testing::Msg;
using meshcheck::testing::Who;

constexpr int64_t kSecondMs = 1000;

// "key:signal" for each detected bot, in member order.
std::vector<std::string> Found(const DatasetBuilder& b, const std::vector<std::string>& hosts) {
  std::vector<std::string> out;
  const Dataset& data = b.data();
  for (const DetectedBot& bot : DetectBots(data, hosts)) {
    out.push_back(std::string(data.Text(data.members()[bot.member].key)) +
                  (bot.signal == BotSignal::kName ? ":name" : ":reflex"));
  }
  return out;
}

// `n` people join at ten-minute steps, and `greeter` posts `delay_ms` after each join.
void JoinsGreeted(DatasetBuilder* b, int n, const std::string& greeter, int64_t delay_ms) {
  for (int i = 0; i < n; ++i) {
    const int64_t t = kBaseMs + i * 600 * kSecondMs + 17 * kSecondMs;
    b->Post(Msg(Id("j", i), Who(Id("newcomer", i)), 0).At(t).System(SystemAction::kJoin));
    b->Post(Msg(Id("w", i), Who(greeter), 0).At(t + delay_ms));
  }
}

}  // namespace

TEST_CASE("bot names: well-known bots, a last word 'bot', feeds and webhooks") {
  for (const char* name :
       {"MEE6", "mee6", "Dyno", "Welcomer", "Carl-bot", "Dyno Bot", "bot", "HelperBot",
        "dependabot[bot]", "Release Feed", "RSS", "blog_rss", "github", "  Slackbot "}) {
    INFO(name);
    CHECK(IsBotName(name));
  }
  for (const char* name :
       {"Abbot", "Talbot", "ROBOT", "Robot Wars fan", "Feedback Fred", "Feed_Me_Tea", "RSS reader",
        "Bottle", "Bo", "", "Мария", "Elif (elif_f_3)", "botanist"}) {
    INFO(name);
    CHECK_FALSE(IsBotName(name));
  }
}

TEST_CASE("a member who follows others within seconds every time is a bot") {
  DatasetBuilder b;
  JoinsGreeted(&b, 25, "greeter", 3 * kSecondMs);
  b.Finalize();
  CHECK(Found(b, {}) == std::vector<std::string>{"greeter:reflex"});
}

TEST_CASE("reflexes need 20 measured messages, 90 % of them within 5 s") {
  SECTION("19 greetings are too few") {
    DatasetBuilder b;
    JoinsGreeted(&b, 19, "greeter", 3 * kSecondMs);
    b.Finalize();
    CHECK(Found(b, {}).empty());
  }
  SECTION("6 s is a person's pace") {
    DatasetBuilder b;
    JoinsGreeted(&b, 25, "greeter", 6 * kSecondMs);
    b.Finalize();
    CHECK(Found(b, {}).empty());
  }
  SECTION("5 s exactly is a reflex") {
    DatasetBuilder b;
    JoinsGreeted(&b, 25, "greeter", 5 * kSecondMs);
    b.Finalize();
    CHECK(Found(b, {}) == std::vector<std::string>{"greeter:reflex"});
  }
}

TEST_CASE("people in a fast chat are not bots") {
  // Ten messages a minute among five people, exponential gaps (a seeded LCG): about 57 % of the
  // messages follow another within 5 s, well under 90 %.
  DatasetBuilder b;
  uint64_t state = 42;
  int64_t t = kBaseMs;
  for (int i = 0; i < 600; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const double u = static_cast<double>((state >> 11) + 1) / 9007199254740993.0;
    t += static_cast<int64_t>(-6000.0 * std::log(u)) + 1;
    b.Post(Msg(Id("m", i), Who(Id("person", (state >> 33) % 5)), 0).At(t));
  }
  b.Finalize();
  CHECK(Found(b, {}).empty());
}

TEST_CASE("no reflex signal when the export's times have minutes only") {
  // WhatsApp-like: each join and its greeting share a whole minute, so every delay reads 0.
  DatasetBuilder b;
  for (int i = 0; i < 25; ++i) {
    b.Post(Msg(Id("j", i), Who(Id("newcomer", i)), 10 * i).System(SystemAction::kJoin));
    b.Post(Msg(Id("w", i), Who("greeter"), 10 * i));
  }
  b.Finalize();
  CHECK(Found(b, {}).empty());
}

TEST_CASE("marked bots, staff, declared hosts and silent accounts are never detected") {
  DatasetBuilder b;
  b.Say("1", "mee6", 0);                                   // Detected by name.
  b.Post(Msg("2", Who("u2").Named("Carl-bot").Bot(), 1));  // Already a bot.
  b.Post(Msg("3", Who("u3").Named("Dyno").Staff(), 2));    // The export's staff.
  b.Post(Msg("4", Who("u4").Named("News Feed"), 3));       // Named host below.
  b.Member(Who("u5").Named("Welcomer"));                   // Never posted.
  b.Finalize();
  CHECK(Found(b, {"NEWS FEED"}) == std::vector<std::string>{"mee6:name"});
  CHECK(Found(b, {}) == std::vector<std::string>{"mee6:name", "u4:name"});
}

TEST_CASE("members named by key or display name, case-insensitively") {
  DatasetBuilder b;
  b.Post(Msg("1", Who("u1").Named("Ann"), 0));
  b.Post(Msg("2", Who("u2").Named("Bob"), 1));
  b.Post(Msg("3", Who("u3").Named("ann"), 2));
  const Dataset& data = b.Finalize();
  std::vector<std::string> unmatched;
  const std::vector<uint32_t> found = MembersNamed(data, {"ANN", "U2", "zed"}, &unmatched);
  CHECK(found ==
        std::vector<uint32_t>{b.MemberIndex("u1"), b.MemberIndex("u2"), b.MemberIndex("u3")});
  CHECK(unmatched == std::vector<std::string>{"zed"});
  CHECK(MembersNamed(data, {}, nullptr).empty());
}
