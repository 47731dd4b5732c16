// The units of a dataset (model/scope.h) and the part of it a unit is (Dataset::Subset).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/dataset.h"
#include "model/scope.h"

namespace {

using meshcheck::model::ChannelInfo;
using meshcheck::model::ChannelKind;
using meshcheck::model::Dataset;
using meshcheck::model::Message;
using meshcheck::model::PersonRef;

constexpr int64_t kDay0 = 1704067200000;  // 2024-01-01T00:00:00Z.

uint32_t Channel(Dataset* d,
                 const char* key,
                 const char* group,
                 const char* parent = "",
                 ChannelKind kind = ChannelKind::kChat) {
  ChannelInfo info;
  info.key = key;
  info.name = key;
  info.group_key = group;
  info.group_name = group;
  info.parent_key = parent;
  info.kind = kind;
  return d->OnChannel(info);
}

void Post(Dataset* d,
          uint32_t channel,
          const char* id,
          const char* who,
          int minute,
          const char* reply_to = "") {
  Message m;
  m.channel = channel;
  m.id = id;
  PersonRef p;
  p.key = who;
  p.name = who;
  m.author = p;
  m.time_ms = kDay0 + minute * 60000LL;
  m.has_time = true;
  m.reply_to = reply_to;
  d->OnMessage(m);
}

std::vector<std::string> Names(const Dataset& d, const meshcheck::model::Scope& s) {
  std::vector<std::string> out;
  for (const auto& u : s.units)
    out.emplace_back(d.Text(u.name));
  return out;
}

}  // namespace

TEST_CASE("the channels of one group are its units, threads folded into their channel") {
  meshcheck::base::Diagnostics diagnostics;
  Dataset d(&diagnostics);
  const uint32_t general = Channel(&d, "general", "guild");
  const uint32_t thread = Channel(&d, "thread-1", "guild", "general", ChannelKind::kThread);
  const uint32_t help = Channel(&d, "help", "guild");
  Channel(&d, "empty", "guild");
  Post(&d, general, "1", "ann", 0);
  Post(&d, thread, "2", "bob", 1);
  Post(&d, thread, "3", "ann", 2, "2");
  Post(&d, help, "4", "cid", 3);
  d.Finalize();
  const auto scope = meshcheck::model::ScopeOf(d);
  CHECK(scope.one_group);
  CHECK(scope.separate_groups == 1);
  CHECK(scope.channels == 2);
  CHECK(Names(d, scope) == std::vector<std::string>{"general", "help"});
  CHECK(scope.units[0].messages == 3);
  CHECK(scope.units[0].channels == std::vector<uint32_t>{general, thread});
}

TEST_CASE("separate groups read together are the units, and the scope says so") {
  meshcheck::base::Diagnostics diagnostics;
  Dataset d(&diagnostics);
  const uint32_t a = Channel(&d, "a-main", "r/alpha");
  const uint32_t a2 = Channel(&d, "a-side", "r/alpha");
  const uint32_t b = Channel(&d, "b-main", "r/beta");
  Post(&d, a, "1", "ann", 0);
  Post(&d, a2, "2", "ann", 1);
  Post(&d, b, "3", "bob", 2);
  Post(&d, b, "4", "cid", 3);
  Post(&d, b, "5", "bob", 4);
  d.Finalize();
  const auto scope = meshcheck::model::ScopeOf(d);
  CHECK_FALSE(scope.one_group);
  CHECK(scope.separate_groups == 2);
  CHECK(scope.channels == 3);
  CHECK(Names(d, scope) == std::vector<std::string>{"r/beta", "r/alpha"});
  CHECK(scope.units[1].channels == std::vector<uint32_t>{a, a2});

  // Names pick channels or whole groups, with an optional "#" or "r/", in any case.
  auto picked = [&](std::vector<std::string_view> names) {
    return meshcheck::model::ChannelsNamed(d, names);
  };
  CHECK(picked({"R/Alpha"}) == std::vector<bool>{true, true, false});
  CHECK(picked({"beta"}) == std::vector<bool>{false, false, true});
  CHECK(picked({"#a-side"}) == std::vector<bool>{false, true, false});
  CHECK(picked({"nowhere"}).empty());
}

TEST_CASE("a subset keeps its channels' messages, links and people, recounted") {
  meshcheck::base::Diagnostics diagnostics;
  Dataset d(&diagnostics);
  const uint32_t one = Channel(&d, "one", "g");
  const uint32_t two = Channel(&d, "two", "g");
  Post(&d, one, "1", "ann", 0);
  Post(&d, two, "2", "bob", 1);
  Post(&d, two, "3", "ann", 2, "2");
  Post(&d, one, "4", "cid", 3, "1");
  Post(&d, two, "5", "bob", 5, "3");
  d.Finalize();
  const Dataset part = d.Subset({false, true}, &diagnostics);
  REQUIRE(part.channels().size() == 1);
  CHECK(part.Text(part.channels()[0].key) == "two");
  REQUIRE(part.messages().size() == 3);
  for (size_t i = 0; i < part.messages().size(); ++i)
    CHECK(part.channel_of(i) == 0);
  // Replies point inside the part: 3 -> 2 and 5 -> 3 become 1 -> 0 and 2 -> 1.
  CHECK(part.parent(0) == meshcheck::model::kNone);
  CHECK(part.parent(1) == 0);
  CHECK(part.parent(2) == 1);
  // Only bob and ann wrote there: bob twice (minutes 1 and 5), ann once (minute 2).
  REQUIRE(part.members().size() == 2);
  for (const auto& m : part.members()) {
    const std::string key(part.Text(m.key));
    CHECK((key == "bob" || key == "ann"));
    CHECK(m.messages == (key == "bob" ? 2u : 1u));
    CHECK(m.first_ms == kDay0 + (key == "bob" ? 1 : 2) * 60000LL);
    CHECK(m.last_ms == kDay0 + (key == "bob" ? 5 : 2) * 60000LL);
  }
  // The whole is untouched.
  CHECK(d.messages().size() == 5);
  CHECK(d.members().size() == 3);
}
