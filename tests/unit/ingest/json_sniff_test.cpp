// The JSON-family sniffers side by side: every corpus JSON file is claimed by exactly its own
// format's sniffer once complete, and no prefix of it by another one. Heads are built with
// nlohmann's SAX parser (json_head.h), independently of detect.cc.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "ingest/detect.h"
#include "ingest/discord_csv.h"
#include "ingest/discord_json.h"
#include "ingest/discord_text.h"
#include "ingest/discourse_json.h"
#include "ingest/generic_csv.h"
#include "ingest/mbox.h"
#include "ingest/messenger_json.h"
#include "ingest/reddit_ndjson.h"
#include "ingest/slack.h"
#include "ingest/telegram_json.h"
#include "ingest/whatsapp_text.h"
#include "ingest/youtube.h"
#include "json_head.h"
#include "test_files.h"

namespace meshcheck::testing {
namespace {

struct NamedSniffer {
  const char* name;
  bool (*sniff)(const ingest::Head&);
  bool jsonfam;  // One of the four sniffers this test is about.
};

const NamedSniffer kSniffers[] = {
    {"discord-json", ingest::SniffDiscordJson, false},
    {"slack", ingest::SniffSlack, false},
    {"telegram", ingest::SniffTelegramJson, true},
    {"messenger", ingest::SniffMessengerJson, true},
    {"discourse", ingest::SniffDiscourseJson, true},
    {"youtube-json", ingest::SniffYouTubeJson, true},
    {"reddit", ingest::SniffRedditNdjson, false},
    {"discord-csv", ingest::SniffDiscordCsv, false},
    {"discord-text", ingest::SniffDiscordText, false},
    {"whatsapp", ingest::SniffWhatsAppText, false},
    {"mbox", ingest::SniffMbox, false},
    {"youtube-csv", ingest::SniffYouTubeCsv, false},
    {"generic-csv", ingest::SniffGenericCsv, false},
};

std::vector<std::string> Claimants(const ingest::Head& head) {
  std::vector<std::string> out;
  for (const NamedSniffer& s : kSniffers) {
    if (s.sniff(head))
      out.push_back(s.name);
  }
  return out;
}

bool IsJsonFam(const std::string& format) {
  for (const NamedSniffer& s : kSniffers) {
    if (s.jsonfam && format == s.name)
      return true;
  }
  return false;
}

// A crafted commentThreads response (no YouTube file is in the corpus).
const char kYouTubeResponse[] = R"({
  "kind": "youtube#commentThreadListResponse",
  "etag": "abc",
  "pageInfo": {"totalResults": 1, "resultsPerPage": 20},
  "items": [{"kind": "youtube#commentThread", "etag": "d", "id": "Ugz1",
    "snippet": {"channelId": "UCowner", "videoId": "vid1", "topLevelComment": {
      "kind": "youtube#comment", "etag": "e", "id": "Ugz1",
      "snippet": {"channelId": "UCowner", "videoId": "vid1", "textDisplay": "hi",
        "textOriginal": "hi", "authorDisplayName": "@ann",
        "authorChannelId": {"value": "UCann"}, "canRate": true, "viewerRating": "none",
        "likeCount": 2, "publishedAt": "2024-03-01T10:00:00Z", "updatedAt": "2024-03-01T10:00:00Z"}},
      "canReply": true, "totalReplyCount": 0, "isPublic": true}}]
})";

// Checks `data` (named `name`, of format `expected`): complete, only `expected` claims it among
// the four jsonfam sniffers (and, for a jsonfam format, among all sniffers); no prefix is claimed
// by a sniffer that should not.
void CheckFile(std::string_view data, const std::string& name, const std::string& expected) {
  const bool mine = IsJsonFam(expected);
  const auto whole = MakeHead(data, name, ingest::kSniffBytes, true);
  const std::vector<std::string> claimed = Claimants(whole->head);
  INFO("claimed by: " << Catch::Detail::stringify(claimed));
  for (const std::string& c : claimed) {
    if (mine || IsJsonFam(c))
      CHECK(c == expected);
  }
  if (mine)
    CHECK(claimed == std::vector<std::string>{expected});
  for (size_t n = 16; n < data.size() && n <= ingest::kSniffBytes; n *= 2) {
    INFO("first " << n << " bytes");
    const auto prefix = MakeHead(data, name, n, false);
    for (const std::string& c : Claimants(prefix->head)) {
      if (mine || IsJsonFam(c))
        CHECK(c == expected);
    }
  }
}

}  // namespace
}  // namespace meshcheck::testing

using namespace meshcheck::testing;

TEST_CASE("JSON sniffers: each corpus JSON file is claimed by its own format's sniffer only") {
  int seen = 0;
  for (const std::string suffix : {".json", ".ndjson"}) {
    for (const auto& path : CorpusFiles(suffix)) {
      const std::string folder = path.parent_path().filename().string();
      const std::string expected = folder == "discord" ? "discord-json" : folder;
      INFO(path.string());
      const std::string data = ReadFile(path);
      // As a lone file, and as Facebook / scrapers lay them out in folders.
      CheckFile(data, path.filename().string(), expected);
      CheckFile(data, "export/" + folder + "/thread_1/" + path.filename().string(), expected);
      ++seen;
    }
  }
  CHECK(seen == 17);
  CheckFile(kYouTubeResponse, "comments.json", "youtube-json");
  CheckFile(std::string("[") + kYouTubeResponse + "]", "pages.json", "youtube-json");
}
