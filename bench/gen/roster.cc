#include "gen/roster.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace meshcheck::gen {
namespace {

struct Name {
  std::string_view display;  // As people write it.
  std::string_view ascii;    // Lowercase ASCII for handles.
};

constexpr Name kFirstNames[] = {
    {"Mira", "mira"},   {"Jonas", "jonas"},   {"Aisha", "aisha"},   {"Tom", "tom"},
    {"Zoë", "zoe"},     {"Łukasz", "lukasz"}, {"Priya", "priya"},   {"Mateo", "mateo"},
    {"Yuki", "yuki"},   {"Olu", "olu"},       {"Hannah", "hannah"}, {"Dmitri", "dmitri"},
    {"Søren", "soren"}, {"Inès", "ines"},     {"Kwame", "kwame"},   {"Lena", "lena"},
    {"Ravi", "ravi"},   {"Chloé", "chloe"},   {"Ben", "ben"},       {"Fatima", "fatima"},
    {"Nils", "nils"},   {"Camila", "camila"}, {"Hiro", "hiro"},     {"Ana", "ana"},
    {"Marek", "marek"}, {"Noor", "noor"},     {"Elif", "elif"},     {"Sam", "sam"},
    {"Jules", "jules"}, {"Tariq", "tariq"},   {"Björn", "bjorn"},   {"Lucía", "lucia"},
    {"Wen", "wen"},     {"Kai", "kai"},       {"Greta", "greta"},   {"Dev", "dev"},
    {"Олег", "oleg"},   {"Мария", "maria"},   {"さくら", "sakura"}, {"美玲", "meiling"},
    {"Ngozi", "ngozi"}, {"Pál", "pal"},       {"Astrid", "astrid"}, {"Émile", "emile"},
    {"Rosa", "rosa"},   {"Tomás", "tomas"},   {"Ida", "ida"},       {"Viktor", "viktor"},
};

constexpr std::string_view kHandles[] = {
    "pixelfox", "nightowl",   "coldsolder", "bytewitch", "layerlord", "filamentfan",
    "retrobit", "quietstorm", "moss",       "tinkerer",  "voxel",     "snek",
    "hexnut",   "captainjam", "lumen",      "orbit",     "sprocket",  "wavelet",
    "gremlin",  "kettle",     "zebra",      "nova",      "frogbyte",  "patchwork",
};

constexpr std::string_view kDecorations[] = {" 🌸",        " ✨",      " 🦊", " (she/her)",
                                             " (he/him)", " | away", " 🎮",    " ☕"};

struct BotSpec {
  BotRole role;
  std::string_view display;
  std::string_view username;
};

constexpr BotSpec kBots[] = {
    {BotRole::kWelcome, "Welcomer", "welcomer"},
    {BotRole::kLevel, "MEE6", "mee6"},
    {BotRole::kCommand, "Carl-bot", "carl-bot"},
    {BotRole::kFeed, "Release Feed", "release-feed"},
};

class NameMaker {
 public:
  explicit NameMaker(Rng* rng) : rng_(rng) {}

  void Make(Person* p) {
    const Name& first = kFirstNames[rng_->Below(std::size(kFirstNames))];
    const uint32_t style = rng_->Below(10);
    std::string handle;
    if (style < 4) {
      p->display = first.display;
      handle = std::string(first.ascii) + (rng_->Chance(0.5) ? "." : "_") +
               static_cast<char>('a' + rng_->Below(26));
    } else if (style < 6) {
      p->display = std::string(first.display) +
                   std::string(kDecorations[rng_->Below(std::size(kDecorations))]);
      handle = std::string(first.ascii) + std::to_string(rng_->Below(100));
    } else {
      handle = std::string(kHandles[rng_->Below(std::size(kHandles))]);
      if (rng_->Chance(0.5))
        handle += std::to_string(rng_->Below(1000));
      p->display = rng_->Chance(0.3) ? handle : std::string(first.display);
    }
    Unique(std::move(handle), p);
  }

  // `handle`, else the first free of handle_2, handle_3, ... (counted per handle, so that a
  // roster of 100,000 people sharing a few thousand handles is not quadratic).
  void Unique(std::string handle, Person* p) {
    uint32_t& n = uses_[handle];
    std::string candidate = n == 0 ? handle : handle + "_" + std::to_string(n + 1);
    for (++n; !used_.insert(candidate).second; ++n) {
      candidate = handle + "_" + std::to_string(n + 1);
    }
    p->username = std::move(candidate);
  }

 private:
  Rng* rng_;
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, uint32_t> uses_;  // Requests per handle.
};

uint8_t MemberTier(uint32_t rank, uint32_t members) {
  if (rank * 20 < members)
    return 2;
  if (rank * 4 < members)
    return 1;
  return 0;
}

}  // namespace

Roster MakeRoster(const ArchetypeParams& params,
                  uint32_t members,
                  double joins,
                  int64_t start_ms,
                  int64_t end_ms,
                  Rng* rng) {
  Roster roster;
  NameMaker names(rng);
  for (uint32_t h = 0; h < params.hosts; ++h) {
    Person p;
    p.kind = PersonKind::kHost;
    p.tier = h == 0 ? 0 : 1;
    names.Make(&p);
    p.uid = rng->Next();
    roster.hosts.push_back(static_cast<uint32_t>(roster.people.size()));
    roster.people.push_back(std::move(p));
  }
  // A random activity ranking: rank r is the member at by_rank[r].
  const auto first_member = static_cast<uint32_t>(roster.people.size());
  roster.by_rank.resize(members);
  for (uint32_t i = 0; i < members; ++i)
    roster.by_rank[i] = first_member + i;
  for (uint32_t i = members; i > 1; --i)
    std::swap(roster.by_rank[i - 1], roster.by_rank[rng->Below(i)]);
  for (uint32_t i = 0; i < members; ++i) {
    Person p;
    p.kind = PersonKind::kMember;
    names.Make(&p);
    p.uid = rng->Next();
    if (rng->Chance(joins)) {
      p.joined_ms =
          start_ms + static_cast<int64_t>(rng->Uniform() * static_cast<double>(end_ms - start_ms));
    }
    roster.people.push_back(std::move(p));
  }
  for (uint32_t r = 0; r < members; ++r) {
    Person& p = roster.people[roster.by_rank[r]];
    p.tier = MemberTier(r, members);
  }
  const BotParams& b = params.bots;
  for (const BotSpec& spec : kBots) {
    const bool wanted = (spec.role == BotRole::kWelcome && b.welcome > 0) ||
                        (spec.role == BotRole::kLevel && b.level_up > 0) ||
                        (spec.role == BotRole::kCommand && b.commands > 0) ||
                        (spec.role == BotRole::kFeed && b.feed_per_day > 0);
    if (!wanted)
      continue;
    Person p;
    p.kind = PersonKind::kBot;
    p.bot = spec.role;
    p.display = spec.display;
    names.Unique(std::string(spec.username), &p);
    p.uid = rng->Next();
    roster.bots[static_cast<int>(spec.role)] = static_cast<uint32_t>(roster.people.size());
    roster.people.push_back(std::move(p));
  }
  return roster;
}

}  // namespace meshcheck::gen
