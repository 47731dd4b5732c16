// The archetypes of ANALYSIS.md section D as one parameter table. Each row parameterises the
// session model of conversation.h; adding an archetype means adding a row (and, if it needs a
// new kind of behaviour, a field with a neutral default).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace meshcheck::gen {

// What people talk about: selects the vocabulary of content.h and the server's names.
enum class Topic : uint8_t {
  kMakerHelp,       // A hobby community (3D printing, electronics) helping each other.
  kProductSupport,  // Users of an app asking its team for help.
};

// Bot behaviour (ANALYSIS.md D add-ons). Probabilities are per eligible event.
struct BotParams {
  double welcome = 0;       // A welcome bot greets a member who joins.
  double level_up = 0;      // A level bot congratulates a member after one of their messages.
  double commands = 0;      // A member message is a bot command; the command bot replies to it.
  double feed_per_day = 0;  // Posts per day of a feed bot (links with a preview, no replies).
};

struct ArchetypeParams {
  std::string_view name;
  std::string_view summary;  // What it models, with its ANALYSIS.md row.
  Topic topic;
  uint32_t members;        // Roster at scale 1, hosts and bots excluded (many never post).
  uint32_t hosts;          // The host set: owner first, then staff. Hosts act together.
  double host_sessions;    // r_h: conversations a host starts per host-active day.
  double member_sessions;  // r_m: conversations members start per day.
  double replies_mean;     // mu: reply slots per conversation, K ~ Poisson(mu).
  double host_share;       // beta: a slot is the host's (skipped on host-silent days).
  double zipf;             // s: members are drawn by Zipf(s) over a random activity ranking.
  double reply_to_root;    // rho: a member replies to the root, else to the previous message.
  uint32_t cliques;        // Members are split into this many cliques...
  double cross_clique;     // ...and a slot goes outside the initiator's clique with epsilon.
  double host_active;      // A day outside the silent window is host-active with this chance.
  double silent_factor;    // alpha: member conversation rate on host-silent days.
  uint32_t silent_from;    // A host-silent window: day offsets [from, from + days)...
  uint32_t silent_days;    // ...(0 days: none).
  double reply_gap_s;      // Median delay of a member's reply (log-normal), seconds.
  double host_gap_s;       // Median delay of a host's answer, seconds.
  double joins;            // Share of the roster that joins during the export (join notices).
  double reactions;        // Mean reactions per message (more on host posts).
  BotParams bots;
  // s of the Zipf that picks who opens a member's conversation (negative: `zipf`).
  double opener_zipf = -1;
};

const std::vector<ArchetypeParams>& Archetypes();
const ArchetypeParams* FindArchetype(std::string_view name);

}  // namespace meshcheck::gen
