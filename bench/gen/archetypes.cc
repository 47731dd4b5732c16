#include "gen/archetypes.h"

namespace meshcheck::gen {
namespace {

// The peer help forum (A7); A8 and A10 are variants.
ArchetypeParams Community() {
  return {
      .name = "community",
      .summary =
          "Peer help forum (ANALYSIS.md D, A7): members start most conversations and "
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
  };
}

// The support desk (A4); A5, A11, A13 and A4-kappa are variants. D leaves two parameters open,
// taken from what D's readings imply (its variants share both, but for A4-kappa's 25-minute
// gaps, D's 20-30):
// - rho = .8, as in D's other hub rows (A2 .92, A3 .98): members answer the question, not the
//   host's answer. At .5, host-silent days kept twice the peer replies per conversation, and
//   A11's HSR read .27-.54 (D .10-.22).
// - answers within ~5 minutes: B.6's inferred index matched the truth at low concurrency, so
//   answers fell inside W = 15 min. At a 15-minute median A4w read 10 points high.
ArchetypeParams SupportDesk() {
  return {
      .name = "audience",
      .summary =
          "Support desk (ANALYSIS.md D, A4): members ask, the host answers nearly "
          "everything; members rarely talk to each other.",
      .topic = Topic::kProductSupport,
      .members = 400,
      .hosts = 1,
      .host_sessions = 0.3,
      .member_sessions = 6,
      .replies_mean = 2,
      .host_share = 0.85,
      .zipf = 0.8,
      .reply_to_root = 0.8,
      .cliques = 1,
      .cross_clique = 0,
      .host_active = 0.95,
      .silent_factor = 0.6,
      .silent_from = 0,
      .silent_days = 0,
      .reply_gap_s = 300,
      .host_gap_s = 300,
      .joins = 0.3,
      .reactions = 0.3,
      .bots = {.welcome = 0.5, .level_up = 0, .commands = 0.02, .feed_per_day = 0.5},
  };
}

// The emerging community (A14); A15 is a variant.
ArchetypeParams Emerging() {
  return {
      .name = "emerging",
      .summary =
          "Emerging community (ANALYSIS.md D, A14): the host takes 45% of the reply "
          "slots and starts 1.5 conversations a day; members answer the rest.",
      .topic = Topic::kMakerHelp,
      .members = 200,
      .hosts = 1,
      .host_sessions = 1.5,
      .member_sessions = 6,
      .replies_mean = 3,
      .host_share = 0.45,
      .zipf = 1.0,
      .reply_to_root = 0.5,
      .cliques = 1,
      .cross_clique = 0,
      .host_active = 0.9,
      .silent_factor = 0.9,
      .silent_from = 0,
      .silent_days = 0,
      .reply_gap_s = 300,
      .host_gap_s = 600,
      .joins = 0.2,
      .reactions = 0.5,
      .bots = {},
  };
}

// `base` under another name and summary, with what `change` sets.
template <typename Change>
ArchetypeParams Variant(ArchetypeParams base,
                        std::string_view name,
                        std::string_view summary,
                        Change change) {
  base.name = name;
  base.summary = summary;
  change(base);
  return base;
}

}  // namespace

const std::vector<ArchetypeParams>& Archetypes() {
  static const std::vector<ArchetypeParams> kTable = {
      Community(),
      SupportDesk(),
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
      Variant(Community(), "host-away",
              "The peer forum with its host silent on days 55-84 (ANALYSIS.md D, A10): "
              "the practical test passes, members carry on.",
              [](ArchetypeParams& p) {
                p.silent_from = 55;
                p.silent_days = 30;
                p.bots = {};
              }),
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
      {
          .name = "pure-broadcast",
          .summary = "Pure broadcast channel (ANALYSIS.md D, A1): the host posts three times a "
                     "day and nobody replies; members only react.",
          .topic = Topic::kProductSupport,
          .members = 300,
          .hosts = 1,
          .host_sessions = 3,
          .member_sessions = 0,
          .replies_mean = 0,
          .host_share = 0,
          .zipf = 0.6,
          .reply_to_root = 1,
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
          .name = "ama",
          .summary = "AMA, hub-and-spoke Q&A (ANALYSIS.md D, A3): a host session every other day "
                     "with 40 slots, half of them the host answering the members' questions.",
          .topic = Topic::kProductSupport,
          .members = 300,
          .hosts = 1,
          .host_sessions = 0.5,
          .member_sessions = 0,
          .replies_mean = 40,
          .host_share = 0.5,
          .zipf = 0.8,
          .reply_to_root = 0.98,
          .cliques = 1,
          .cross_clique = 0,
          .host_active = 1,
          .silent_factor = 1,
          .silent_from = 0,
          .silent_days = 0,
          .reply_gap_s = 120,
          .host_gap_s = 180,
          .joins = 0.2,
          .reactions = 0.5,
          .bots = {},
      },
      Variant(SupportDesk(), "support-staff",
              "Support desk run by 3 staff (ANALYSIS.md D, A5; declaring only the owner "
              "as host is A5b): the audience's parameters with H = 3.",
              [](ArchetypeParams& p) {
                p.hosts = 3;
                p.bots = {};
              }),
      {
          .name = "showcase",
          .summary = "Showcase, parallel play (ANALYSIS.md D, A6): members post 10 things a day, "
                     "a quarter get a reply, mostly the host's; members do not talk.",
          .topic = Topic::kMakerHelp,
          .members = 300,
          .hosts = 1,
          .host_sessions = 0.2,
          .member_sessions = 10,
          .replies_mean = 0.25,
          .host_share = 0.8,
          .zipf = 0.8,
          .reply_to_root = 1,
          .cliques = 1,
          .cross_clique = 0,
          .host_active = 0.95,
          .silent_factor = 0.9,
          .silent_from = 0,
          .silent_days = 0,
          .reply_gap_s = 600,
          .host_gap_s = 1800,
          .joins = 0.2,
          .reactions = 1.0,
          .bots = {},
      },
      Variant(Community(), "answer-person",
              "Answer-person forum (ANALYSIS.md D, A8): the peer forum with activity "
              "Zipf(2.2): one member writes about half of the answers.",
              [](ArchetypeParams& p) {
                p.zipf = 2.2;
                // The answer person answers; members ask as in the peer forum (A7's Zipf), or the
                // answer person would be asking most of the questions too.
                p.opener_zipf = 1.0;
                p.joins = 0;
                p.bots = {};
              }),
      {
          .name = "mesh",
          .summary = "Small mesh chat of 8 friends (ANALYSIS.md D, A9): flat activity, the host is "
                     "one of the eight, replies every few minutes.",
          .topic = Topic::kMakerHelp,
          .members = 7,
          .hosts = 1,
          .host_sessions = 0.5,
          .member_sessions = 3.5,
          .replies_mean = 5,
          .host_share = 0.125,
          .zipf = 0,
          .reply_to_root = 0.3,
          .cliques = 1,
          .cross_clique = 0,
          .host_active = 1,
          .silent_factor = 1,
          .silent_from = 0,
          .silent_days = 0,
          .reply_gap_s = 240,
          .host_gap_s = 240,
          .joins = 0,
          .reactions = 0.3,
          .bots = {},
      },
      Variant(SupportDesk(), "audience-away",
              "Support desk with its host silent on days 55-84 (ANALYSIS.md D, A11): "
              "members mostly stop (alpha = .15), the practical test fails.",
              [](ArchetypeParams& p) {
                p.silent_factor = 0.15;
                p.silent_from = 55;
                p.silent_days = 30;
                p.bots = {};
              }),
      Variant(SupportDesk(), "creator-bots",
              "Creator server with bots (ANALYSIS.md D, A13; unflagged bots are A13b): "
              "the support desk plus welcome, level-up (20%), command (5%) and feed "
              "(10 a day) bots.",
              [](ArchetypeParams& p) {
                p.bots = {.welcome = 1, .level_up = 0.2, .commands = 0.05, .feed_per_day = 10};
              }),
      Emerging(),
      Variant(Emerging(), "emerging-away",
              "Emerging community with its host away on days 50-63 (ANALYSIS.md D, A15): "
              "members carry on at half the rate (alpha = .5).",
              [](ArchetypeParams& p) {
                p.silent_factor = 0.5;
                p.silent_from = 50;
                p.silent_days = 14;
              }),
      {
          .name = "dormant",
          .summary = "Dormant group (ANALYSIS.md D, A16; meant for 20 days): a conversation "
                     "every day or so, 25-46 messages in all.",
          .topic = Topic::kMakerHelp,
          .members = 15,
          .hosts = 1,
          .host_sessions = 0.2,
          .member_sessions = 0.8,
          .replies_mean = 1.0,
          .host_share = 0.3,
          .zipf = 0.8,
          .reply_to_root = 0.5,
          .cliques = 1,
          .cross_clique = 0,
          .host_active = 0.8,
          .silent_factor = 0.9,
          .silent_from = 0,
          .silent_days = 0,
          .reply_gap_s = 1800,
          .host_gap_s = 3600,
          .joins = 0,
          .reactions = 0.3,
          .bots = {},
      },
      Variant(SupportDesk(), "audience-busy",
              "Support desk at high concurrency (ANALYSIS.md D, A4-kappa): nine times the "
              "conversations, answers 20-30 minutes apart, so turns interleave.",
              [](ArchetypeParams& p) {
                p.members = 1500;
                p.member_sessions = 54;
                p.reply_gap_s = 1500;
                p.host_gap_s = 1500;
                p.joins = 0.1;
                p.bots = {};
              }),
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
