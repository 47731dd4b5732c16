#include "gen/archetypes.h"

namespace meshcheck::gen {

const std::vector<ArchetypeParams>& Archetypes() {
  static const std::vector<ArchetypeParams> kTable = {
      {
          .name = "community",
          .summary = "Peer help forum (ANALYSIS.md D, A7): members start most conversations and "
                     "answer each other; the host is one voice among many.",
          .topic = Topic::kMakerHelp,
          .members = 160,
          .hosts = 1,
          .host_sessions = 0.4,
          .member_sessions = 8,
          .replies_mean = 3,
          .host_share = 0.08,
          .zipf = 1.0,
          .reply_to_root = 0.5,
          .cliques = 1,
          .cross_clique = 0,
          .host_active = 0.7,
          .silent_factor = 0.9,
          .silent_from = 0,
          .silent_days = 0,
          .reply_gap_s = 240,
          .host_gap_s = 600,
          .joins = 0.25,
          .reactions = 0.5,
          .bots = {.welcome = 0.8, .level_up = 0.02, .commands = 0, .feed_per_day = 0},
      },
      {
          .name = "audience",
          .summary = "Support desk (ANALYSIS.md D, A4): members ask, the host answers nearly "
                     "everything; members rarely talk to each other.",
          .topic = Topic::kProductSupport,
          .members = 400,
          .hosts = 1,
          .host_sessions = 0.3,
          .member_sessions = 6,
          .replies_mean = 2,
          .host_share = 0.85,
          .zipf = 0.8,
          .reply_to_root = 0.5,
          .cliques = 1,
          .cross_clique = 0,
          .host_active = 0.95,
          .silent_factor = 0.6,
          .silent_from = 0,
          .silent_days = 0,
          .reply_gap_s = 300,
          .host_gap_s = 900,
          .joins = 0.3,
          .reactions = 0.3,
          .bots = {.welcome = 0.5, .level_up = 0, .commands = 0.02, .feed_per_day = 0.5},
      },
      {
          .name = "broadcast",
          .summary = "Broadcast with comments (ANALYSIS.md D, A2): the host posts daily, members "
                     "comment under the posts and hardly ever to each other.",
          .topic = Topic::kProductSupport,
          .members = 400,
          .hosts = 1,
          .host_sessions = 1,
          .member_sessions = 0,
          .replies_mean = 12,
          .host_share = 0.03,
          .zipf = 0.6,
          .reply_to_root = 0.92,
          .cliques = 1,
          .cross_clique = 0,
          .host_active = 0.95,
          .silent_factor = 1,
          .silent_from = 0,
          .silent_days = 0,
          .reply_gap_s = 900,
          .host_gap_s = 1800,
          .joins = 0.3,
          .reactions = 1.0,
          .bots = {},
      },
      {
          .name = "host-away",
          .summary = "The peer forum with its host silent on days 55-84 (ANALYSIS.md D, A10): "
                     "the practical test passes, members carry on.",
          .topic = Topic::kMakerHelp,
          .members = 160,
          .hosts = 1,
          .host_sessions = 0.4,
          .member_sessions = 8,
          .replies_mean = 3,
          .host_share = 0.08,
          .zipf = 1.0,
          .reply_to_root = 0.5,
          .cliques = 1,
          .cross_clique = 0,
          .host_active = 0.7,
          .silent_factor = 0.9,
          .silent_from = 55,
          .silent_days = 30,
          .reply_gap_s = 240,
          .host_gap_s = 600,
          .joins = 0.25,
          .reactions = 0.5,
          .bots = {},
      },
      {
          .name = "cliques",
          .summary = "Two cliques of 20 bridged only by the host (ANALYSIS.md D, A12): members "
                     "talk within their clique, the host talks to both.",
          .topic = Topic::kMakerHelp,
          .members = 40,
          .hosts = 1,
          .host_sessions = 1,
          .member_sessions = 8,
          .replies_mean = 3,
          .host_share = 0.3,
          .zipf = 0.5,
          .reply_to_root = 0.5,
          .cliques = 2,
          .cross_clique = 0,
          .host_active = 0.9,
          .silent_factor = 0.9,
          .silent_from = 0,
          .silent_days = 0,
          .reply_gap_s = 240,
          .host_gap_s = 600,
          .joins = 0,
          .reactions = 0.5,
          .bots = {},
      },
  };
  return kTable;
}

const ArchetypeParams* FindArchetype(std::string_view name) {
  for (const ArchetypeParams& p : Archetypes()) {
    if (p.name == name)
      return &p;
  }
  return nullptr;
}

}  // namespace meshcheck::gen
