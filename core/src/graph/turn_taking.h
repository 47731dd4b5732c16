// Turn-taking inference (ANALYSIS.md B.6): who answers whom in a chat whose export keeps no
// reply links.
//
// Which channels are inferred:
// - every channel whose export has no reply links at all (ChannelInfo.replies_exported false:
//   WhatsApp, Messenger/Instagram, DiscordChatExporter CSV and PlainText);
// - a channel whose export could carry links but where none of its messages has one (no reply
//   and no thread link) although people wrote at least `min_unlinked_messages` messages in it:
//   a Slack export from before threads (2016), Discord before replies, old forum topics. Zero
//   explicit links is not zero conversation (ANALYSIS.md C.7 fix 4, B.4 item 3). Announcement
//   channels are never inferred: they are broadcasts by definition (B.4 item 4).
//
// The algorithm, per inferred channel, over people's dated speech messages in time order (bots
// and system messages take no turn and get no parent):
// 1. Consecutive messages by the same author, each within `merge_gap_ms` of the previous one,
//    make one turn. The turn's later messages continue its first one (a parent by the same
//    author: conversation, no reply).
// 2. The turn answers the latest turn of a person its messages @mention, if that person spoke
//    earlier in the channel (the first such mention wins; vocative names in the text are not
//    seen: no text reaches the analysis). Otherwise it answers the latest turn by a different
//    author if that turn ended within `window_ms` (W) of this turn's start. Otherwise the turn
//    starts a new conversation.
// 3. A message that carries an explicit link keeps it; only unlinked messages are inferred.
//
// Concurrency kappa (B.6 mitigations): the share of those messages preceded, within
// `concurrency_window_ms`, by messages of at least two other distinct authors in the channel.
#pragma once

#include <cstdint>
#include <vector>

#include "model/dataset.h"

namespace meshcheck::graph {

// The parameters (their values, with citations, are in metrics/params.h).
struct InferenceOptions {
  int64_t merge_gap_ms = 0;            // B.6 step 2: same-author messages that form one turn.
  int64_t window_ms = 0;               // B.6 step 3: W.
  int64_t concurrency_window_ms = 0;   // B.6 mitigations: kappa's look-back.
  uint32_t min_unlinked_messages = 0;  // C.7 fix 4: see above.
};

struct InferenceStats {
  uint32_t channels = 0;                // Channels whose replies were inferred...
  uint32_t channels_without_links = 0;  // ...of which: links possible, but none in the channel.
  uint64_t messages = 0;                // People's dated speech messages in them.
  uint64_t turns = 0;
  uint64_t replies = 0;             // Turns that answer another person's turn...
  uint64_t replies_by_mention = 0;  // ...of which through an @mention.
  uint64_t concurrent = 0;          // Messages preceded by >= 2 other authors within the window.
};

// Per channel of `data`: true if its replies are inferred (see above).
std::vector<bool> ChannelsToInfer(const model::Dataset& data, const InferenceOptions& options);

// For every unlinked message of an inferred channel, sets parent[i] to the message it answers
// or continues (model::kNone for a new conversation) and inferred[i] when a parent was
// set. `parent` and `inferred` have one entry per message of `data`; linked messages and other
// channels are left alone. Adds the counts to `stats` (stats->concurrent only with
// `count_concurrency`). Linear in the messages and mentions.
void InferTurns(const model::Dataset& data,
                const InferenceOptions& options,
                const std::vector<bool>& infer,
                bool count_concurrency,
                std::vector<uint32_t>* parent,
                std::vector<bool>* inferred,
                InferenceStats* stats);

}  // namespace meshcheck::graph
