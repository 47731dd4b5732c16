// metrics::DetectHosts (ANALYSIS.md B.4 item 1): declared, export signals, data, none.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis.h"

namespace {

using meshcheck::metrics::HostSource;
using meshcheck::model::ChannelKind;
using meshcheck::testing::Analyze;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::Msg;
using meshcheck::testing::Who;

// Posts `count` messages by `author`, numbering ids from `*next`.
void Posts(DatasetBuilder* b, const std::string& author, int count, int* next) {
  for (int i = 0; i < count; ++i, ++*next)
    b->Say(std::to_string(*next), author, *next);
}

std::vector<std::string> HostKeys(const DatasetBuilder& b, const meshcheck::metrics::HostSet& h) {
  std::vector<std::string> out;
  const auto& data = b.data();
  for (uint32_t m : h.members)
    out.emplace_back(data.Text(data.members()[m].key));
  return out;
}

}  // namespace

TEST_CASE("declared hosts match ids and names case-insensitively") {
  DatasetBuilder b;
  b.Post(Msg("1", Who("111").Named("Ann Lee"), 0));
  b.Post(Msg("2", Who("222").Named("bob"), 1));
  b.Post(Msg("3", Who("333").Named("Cat"), 2));
  b.Post(Msg("4", Who("444").Named("Dan"), 3).Mention(Who("555").Named("Eve")));
  b.Post(Msg("5", Who("666").Named("Bot").Bot(), 4));
  const auto a = Analyze(b, {"ann LEE", "333", "Zed", "eve"});
  CHECK(a.hosts.source == HostSource::kDeclared);
  // Eve is declared but wrote nothing here: a host all the same, with no messages.
  CHECK(HostKeys(b, a.hosts) == std::vector<std::string>{"111", "333", "555"});
  CHECK(a.hosts.unmatched == std::vector<std::string>{"Zed"});
  CHECK(a.hosts.host_messages == 2);
  CHECK(a.hosts.non_host_posters == 2);  // bob and Dan; the bot is no person.
  CHECK(a.hosts.is_host[b.MemberIndex("555")]);
  CHECK_FALSE(a.hosts.is_host[b.MemberIndex("222")]);
}

TEST_CASE("declared names that match nobody fall back to detection and are reported") {
  DatasetBuilder b;
  int next = 0;
  Posts(&b, "ann", 6, &next);
  Posts(&b, "bob", 1, &next);
  Posts(&b, "cat", 1, &next);
  const auto a = Analyze(b, {"nobody", "Nemo"});
  CHECK(a.hosts.source == HostSource::kData);
  CHECK(HostKeys(b, a.hosts) == std::vector<std::string>{"ann"});
  CHECK(a.hosts.unmatched == std::vector<std::string>{"nobody", "Nemo"});
}

TEST_CASE("staff roles in the export make hosts, but only among people who posted") {
  DatasetBuilder b;
  int next = 0;
  Posts(&b, "ann", 5, &next);  // The top poster, but the export names other staff.
  b.Post(Msg("s1", Who("mod").Staff(), 100));
  b.Post(Msg("s2", Who("bob"), 101).Mention(Who("owner").Staff()));  // Staff, never posted.
  b.Post(Msg("s3", Who("botmod").Staff().Bot(), 102));               // Staff, but a bot.
  const auto a = Analyze(b);
  CHECK(a.hosts.source == HostSource::kExportSignal);
  CHECK(HostKeys(b, a.hosts) == std::vector<std::string>{"mod"});
  CHECK(a.hosts.how ==
        "Found in the export: 1 poster with a staff role (owner, admin, moderator).");
  CHECK(a.hosts.host_messages == 1);
  CHECK(a.hosts.non_host_posters == 2);
}

TEST_CASE("people who post in an announcement channel are hosts") {
  DatasetBuilder b;
  const uint32_t news = b.Channel("news", ChannelKind::kAnnouncement);
  b.Post(Msg("1", Who("ann"), 0).In(news));
  b.Post(Msg("2", Who("bob"), 1).In(news));
  b.Post(Msg("3", Who("cat").Staff(), 2));
  b.Post(Msg("4", Who("feed").Bot(), 3).In(news));
  b.Post(Msg("5", Who("dan"), 4));
  b.Post(Msg("6", Who("dan"), 5).In(news).System());  // Not speech.
  const auto a = Analyze(b);
  CHECK(a.hosts.source == HostSource::kExportSignal);
  CHECK(HostKeys(b, a.hosts) == std::vector<std::string>{"ann", "bob", "cat"});
  CHECK(a.hosts.how ==
        "Found in the export: 1 poster with a staff role (owner, admin, moderator) and 2 "
        "posters in an announcement channel.");
  CHECK(a.hosts.non_host_posters == 1);
}

TEST_CASE("the data names a host when the top poster holds at least 2/n of the messages") {
  // 4 posters: the threshold is 2/4 = 50% of the people's messages (bots excluded).
  DatasetBuilder at;
  int next = 0;
  Posts(&at, "ann", 4, &next);
  Posts(&at, "bob", 2, &next);
  Posts(&at, "cat", 1, &next);
  Posts(&at, "dan", 1, &next);
  for (int i = 0; i < 20; ++i, ++next) {
    at.Post(Msg(std::to_string(next), Who("feed").Bot(), next));
  }
  const auto a = Analyze(at);
  CHECK(a.hosts.source == HostSource::kData);
  CHECK(HostKeys(at, a.hosts) == std::vector<std::string>{"ann"});
  CHECK(a.hosts.how ==
        "Inferred from the data: the most active poster wrote 50% of the messages. Name the "
        "host yourself if this is wrong.");
  CHECK(a.hosts.host_messages == 4);
  CHECK(a.hosts.non_host_posters == 3);

  DatasetBuilder below;  // 3/8 = 37.5% < 50%.
  next = 0;
  Posts(&below, "ann", 3, &next);
  Posts(&below, "bob", 2, &next);
  Posts(&below, "cat", 2, &next);
  Posts(&below, "dan", 1, &next);
  const auto n = Analyze(below);
  CHECK(n.hosts.source == HostSource::kNone);
  CHECK(n.hosts.members.empty());
  CHECK(n.hosts.how ==
        "Nobody holds a host-like share of the messages: no host-centred structure.");
  CHECK(n.hosts.host_messages == 0);
  CHECK(n.hosts.non_host_posters == 4);
}

TEST_CASE("no host is inferred among fewer than three people") {
  DatasetBuilder b;
  int next = 0;
  Posts(&b, "ann", 9, &next);
  Posts(&b, "bob", 1, &next);
  const auto a = Analyze(b);
  CHECK(a.hosts.source == HostSource::kNone);
  CHECK(a.hosts.non_host_posters == 2);
}
