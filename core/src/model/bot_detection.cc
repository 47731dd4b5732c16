#include "model/bot_detection.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "base/strings.h"
#include "base/time.h"
#include "model/members_named.h"

namespace meshcheck::model {
namespace {

// ANALYSIS.md B.4 item 2 ("reply latency < 2 s", "inhuman rates"): a person needs seconds to read
// and type, so a member who follows another person's message within kReflexMs nearly every time
// is a bot. The bound is wider than 2 s because the delay is measured from the message just
// before, which may come after the one the bot reacts to (a welcome 3 s after a join).
constexpr int64_t kReflexMs = 5000;
// At least this many measured delays, and this share of them within kReflexMs. A person in a
// fast chat (10 messages a minute) follows within 5 s about 57 % of the time.
constexpr uint32_t kReflexMinMessages = 20;
constexpr double kReflexShare = 0.9;
// Exports whose times have minutes only (WhatsApp) make every delay 0 or 60 s: no reflex signal
// when more than this share of the dated messages fall on a whole minute.
constexpr double kMinuteResolutionShare = 0.5;

// Well-known bots whose names carry no "bot" (Discord, Slack, streaming and code hosting).
constexpr std::array<std::string_view, 22> kKnownBots = {
    "mee6",       "dyno",       "welcomer",       "probot",      "tatsu",    "arcane",
    "yagpdb.xyz", "dank memer", "disboard",       "ticket tool", "statbot",  "sesh",
    "zapier",     "ifttt",      "github",         "gitlab",      "slackbot", "dependabot",
    "nightbot",   "geekbot",    "streamelements", "streamlabs"};
// Last words that name an automated feed rather than a person.
constexpr std::array<std::string_view, 3> kFeedWords = {"feed", "rss", "webhook"};

// "bot" as the name's last word: "carl-bot", "dyno bot", "bot", or camel case "HelperBot".
bool EndsInBotWord(std::string_view name, std::string_view lower) {
  if (base::EndsWith(lower, "[bot]"))
    return true;
  if (!base::EndsWith(lower, "bot"))
    return false;
  const size_t at = lower.size() - 3;
  if (at == 0 || !base::IsAsciiAlpha(lower[at - 1]))
    return true;
  return name[at] == 'B' && base::IsAsciiLower(name[at - 1]);
}

// A feed's name ends in a word that names one: "Release Feed", "blog_rss", "CI webhook".
bool EndsInFeedWord(std::string_view lower) {
  size_t start = lower.size();
  while (start > 0 && base::IsAsciiAlnum(lower[start - 1]))
    --start;
  const std::string_view word = lower.substr(start);
  return std::find(kFeedWords.begin(), kFeedWords.end(), word) != kFeedWords.end();
}

bool MinuteResolution(const Dataset& data) {
  uint64_t dated = 0;
  uint64_t whole_minutes = 0;
  for (const MessageRecord& m : data.messages()) {
    if (m.time_ms() == kNoTime)
      continue;
    ++dated;
    whole_minutes += m.time_ms() % base::kMsPerMinute == 0;
  }
  return dated == 0 || static_cast<double>(whole_minutes) > kMinuteResolutionShare * dated;
}

// Per member: delays measured (a message right after another author's) and those within
// kReflexMs. Messages are in time order after Finalize, undated ones last.
void CountReflexes(const Dataset& data,
                   std::vector<uint32_t>* measured,
                   std::vector<uint32_t>* quick) {
  struct Last {
    int64_t time_ms = kNoTime;
    uint32_t author = kNone;
  };
  std::vector<Last> last(data.channels().size());
  const auto& messages = data.messages();
  for (uint32_t i = 0; i < messages.size(); ++i) {
    const MessageRecord& m = messages[i];
    if (m.time_ms() == kNoTime || m.author == kNone)
      continue;
    Last& before = last[data.channel_of(i)];
    if (!m.is_system() && before.author != kNone && before.author != m.author) {
      ++(*measured)[m.author];
      (*quick)[m.author] += m.time_ms() - before.time_ms <= kReflexMs;
    }
    before = {m.time_ms(), m.author};
  }
}

}  // namespace

bool IsBotName(std::string_view name) {
  const std::string lower = base::AsciiLowered(base::TrimAscii(name));
  return std::find(kKnownBots.begin(), kKnownBots.end(), lower) != kKnownBots.end() ||
         EndsInBotWord(base::TrimAscii(name), lower) || EndsInFeedWord(lower);
}

std::vector<DetectedBot> DetectBots(const Dataset& data, const std::vector<std::string>& hosts) {
  const auto& members = data.members();
  std::vector<bool> exempt(members.size(), false);
  for (const uint32_t i : MembersNamed(data, hosts, nullptr))
    exempt[i] = true;
  std::vector<uint32_t> measured(members.size(), 0);
  std::vector<uint32_t> quick(members.size(), 0);
  if (!MinuteResolution(data))
    CountReflexes(data, &measured, &quick);
  std::vector<DetectedBot> found;
  for (uint32_t i = 0; i < members.size(); ++i) {
    const Member& m = members[i];
    if (m.is_bot || m.is_host_hint || m.is_deleted || m.messages == 0 || exempt[i])
      continue;
    if (IsBotName(data.Text(m.name)) || IsBotName(data.Text(m.key))) {
      found.push_back({i, BotSignal::kName});
    } else if (measured[i] >= kReflexMinMessages && quick[i] >= kReflexShare * measured[i]) {
      found.push_back({i, BotSignal::kReflex});
    }
  }
  return found;
}

}  // namespace meshcheck::model
