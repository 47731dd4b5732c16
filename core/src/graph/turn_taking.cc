#include "graph/turn_taking.h"

namespace meshcheck::graph {
namespace {

// A turn as later turns see it.
struct Turn {
  uint32_t first = model::kNone;  // Its first message; kNone = no such turn yet.
  uint32_t author = model::kNone;
  int64_t end_ms = 0;  // Time of its last message.
};

// Compressed rows: row r holds items[begin[r] .. begin[r + 1]).
struct Rows {
  std::vector<uint32_t> begin;
  std::vector<uint32_t> items;
};

// The messages that take turns, per inferred channel, in time order.
Rows TurnMessages(const model::Dataset& data, const std::vector<bool>& infer) {
  const auto& messages = data.messages();
  const auto& members = data.members();
  auto takes_turn = [&](uint32_t i) {
    const model::MessageRecord& m = messages[i];
    return infer[data.channel_of(i)] && !m.is_system() && m.time_ms() != model::kNoTime &&
           !members[m.author].is_bot;
  };
  Rows rows;
  rows.begin.assign(data.channels().size() + 1, 0);
  for (uint32_t i = 0; i < messages.size(); ++i) {
    if (takes_turn(i))
      ++rows.begin[data.channel_of(i) + 1];
  }
  for (size_t c = 1; c < rows.begin.size(); ++c)
    rows.begin[c] += rows.begin[c - 1];
  rows.items.resize(rows.begin.back());
  std::vector<uint32_t> next(rows.begin.begin(), rows.begin.end() - 1);
  for (uint32_t i = 0; i < messages.size(); ++i) {
    if (takes_turn(i))
      rows.items[next[data.channel_of(i)]++] = i;
  }
  return rows;
}

// The people each message mentions: row i = mention links of message i.
Rows MentionsByMessage(const model::Dataset& data) {
  Rows rows;
  rows.begin.assign(data.messages().size() + 1, 0);
  for (const model::PersonLink& link : data.links()) {
    if (link.kind == model::LinkKind::kMention)
      ++rows.begin[link.message + 1];
  }
  for (size_t i = 1; i < rows.begin.size(); ++i)
    rows.begin[i] += rows.begin[i - 1];
  rows.items.reserve(rows.begin.back());
  for (const model::PersonLink& link : data.links()) {  // Sorted by message.
    if (link.kind == model::LinkKind::kMention)
      rows.items.push_back(link.person);
  }
  return rows;
}

// Kappa over one channel's turn messages `list`: counts the messages preceded within `window`
// by messages of >= 2 other distinct authors. `count` (per member, all zero) is left all zero.
uint64_t Concurrent(const model::Dataset& data,
                    const uint32_t* list,
                    size_t size,
                    int64_t window,
                    std::vector<uint32_t>* count) {
  const auto& messages = data.messages();
  uint64_t concurrent = 0;
  uint32_t distinct = 0;
  size_t lo = 0;
  for (size_t k = 0; k < size; ++k) {
    const model::MessageRecord& m = messages[list[k]];
    for (; lo < k && messages[list[lo]].time_ms() < m.time_ms() - window; ++lo) {
      if (--(*count)[messages[list[lo]].author] == 0)
        --distinct;
    }
    const uint32_t others = distinct - ((*count)[m.author] > 0 ? 1 : 0);
    concurrent += others >= 2;
    if ((*count)[m.author]++ == 0)
      ++distinct;
  }
  for (; lo < size; ++lo)
    --(*count)[messages[list[lo]].author];
  return concurrent;
}

}  // namespace

std::vector<bool> ChannelsToInfer(const model::Dataset& data, const InferenceOptions& options) {
  const auto& channels = data.channels();
  std::vector<uint64_t> spoken(channels.size(), 0);
  std::vector<uint64_t> linked(channels.size(), 0);
  const auto& messages = data.messages();
  for (uint32_t i = 0; i < messages.size(); ++i) {
    const model::MessageRecord& m = messages[i];
    if (m.is_system())
      continue;
    const uint32_t channel = data.channel_of(i);
    linked[channel] += data.parent(i) != model::kNone || data.thread(i) != model::kNone;
    spoken[channel] += !data.members()[m.author].is_bot;
  }
  std::vector<bool> infer(channels.size(), false);
  for (size_t c = 0; c < channels.size(); ++c) {
    if (channels[c].kind == model::ChannelKind::kAnnouncement)
      continue;
    infer[c] = !channels[c].replies_exported ||
               (linked[c] == 0 && spoken[c] >= options.min_unlinked_messages);
  }
  return infer;
}

void InferTurns(const model::Dataset& data,
                const InferenceOptions& options,
                const std::vector<bool>& infer,
                bool count_concurrency,
                std::vector<uint32_t>* parent,
                std::vector<bool>* inferred,
                InferenceStats* stats) {
  const auto& messages = data.messages();
  const Rows turns = TurnMessages(data, infer);
  for (size_t c = 0; c < infer.size(); ++c) {
    if (infer[c]) {
      ++stats->channels;
      stats->channels_without_links += data.channels()[c].replies_exported;
    }
  }
  if (turns.items.empty())
    return;
  const Rows mentions = MentionsByMessage(data);
  std::vector<uint32_t> window_count(data.members().size(), 0);
  // Per person: the first message of their latest turn in the channel being walked (valid
  // where latest_channel is that channel).
  std::vector<uint32_t> latest_turn(data.members().size(), model::kNone);
  std::vector<uint32_t> latest_channel(data.members().size(), model::kNone);

  for (uint32_t c = 0; c + 1 < turns.begin.size(); ++c) {
    const uint32_t* list = turns.items.data() + turns.begin[c];
    const size_t size = turns.begin[c + 1] - turns.begin[c];
    stats->messages += size;
    if (count_concurrency)
      stats->concurrent +=
          Concurrent(data, list, size, options.concurrency_window_ms, &window_count);
    Turn last;   // The latest turn.
    Turn other;  // The latest turn by someone other than last.author.
    for (size_t k = 0; k < size;) {
      const uint32_t first = list[k];
      const uint32_t author = messages[first].author;
      size_t end = k + 1;
      while (end < size && messages[list[end]].author == author &&
             messages[list[end]].time_ms() - messages[list[end - 1]].time_ms() <=
                 options.merge_gap_ms) {
        ++end;
      }
      ++stats->turns;

      // Step 2: a mentioned earlier speaker, else the latest other speaker within W.
      uint32_t answer = model::kNone;
      for (size_t j = k; j < end && answer == model::kNone; ++j) {
        for (uint32_t l = mentions.begin[list[j]]; l < mentions.begin[list[j] + 1]; ++l) {
          const uint32_t person = mentions.items[l];
          if (person != author && latest_channel[person] == c) {
            answer = latest_turn[person];
            break;
          }
        }
      }
      const bool by_mention = answer != model::kNone;
      const Turn& previous = last.author != author ? last : other;
      if (!by_mention && previous.first != model::kNone &&
          messages[first].time_ms() - previous.end_ms <= options.window_ms) {
        answer = previous.first;
      }

      // Step 3: only unlinked messages are inferred.
      for (size_t j = k; j < end; ++j) {
        const uint32_t i = list[j];
        const uint32_t to = j == k ? answer : first;
        if (data.parent(i) != model::kNone || to == model::kNone)
          continue;
        (*parent)[i] = to;
        (*inferred)[i] = true;
        if (j == k) {
          ++stats->replies;
          stats->replies_by_mention += by_mention;
        }
      }

      latest_turn[author] = first;
      latest_channel[author] = c;
      if (last.first != model::kNone && last.author != author)
        other = last;
      last = {first, author, messages[list[end - 1]].time_ms()};
      k = end;
    }
  }
}

}  // namespace meshcheck::graph
