// Test harness for readers: a sink that records every normalized event, and helpers that feed
// an input in every chunking (whole, 1, 7 and 4096 bytes) and check the results agree.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "ingest/input_reader.h"
#include "meshcheck/options.h"
#include "model/event_sink.h"
#include "test_files.h"

namespace meshcheck::testing {

struct RecordedPerson {
  std::string key, name;
  bool is_bot = false, is_deleted = false, is_host_hint = false;
  bool operator==(const RecordedPerson&) const = default;
};

struct RecordedChannel {
  std::string key, name, group_key, group_name, parent_key;
  model::ChannelKind kind = model::ChannelKind::kUnknown;
  bool replies_exported = true;
  bool operator==(const RecordedChannel&) const = default;
};

struct RecordedMessage {
  uint32_t channel = 0;
  model::MessageKind kind = model::MessageKind::kMessage;
  model::SystemAction action = model::SystemAction::kNone;
  std::string id;
  RecordedPerson author;
  int64_t time_ms = 0;
  bool has_time = false;
  std::string reply_to, thread;
  bool is_forward = false;
  uint32_t text_bytes = 0;
  std::vector<RecordedPerson> mentions;
  uint32_t reaction_count = 0;
  std::vector<RecordedPerson> reactors;
  bool operator==(const RecordedMessage&) const = default;
};

inline std::ostream& operator<<(std::ostream& out, const RecordedPerson& p) {
  return out << p.key << "/" << p.name << (p.is_bot ? " bot" : "")
             << (p.is_deleted ? " deleted" : "") << (p.is_host_hint ? " host" : "");
}

inline std::ostream& operator<<(std::ostream& out, const RecordedChannel& c) {
  return out << "channel " << c.key << " '" << c.name << "' group " << c.group_key << " '"
             << c.group_name << "' parent " << c.parent_key << " kind " << static_cast<int>(c.kind)
             << (c.replies_exported ? "" : " no-replies");
}

inline std::ostream& operator<<(std::ostream& out, const RecordedMessage& m) {
  out << "msg " << m.id << " ch" << m.channel << " kind " << static_cast<int>(m.kind) << "/"
      << static_cast<int>(m.action) << " by " << m.author << " t=" << m.time_ms
      << (m.has_time ? "" : "(none)") << " reply " << m.reply_to << " thread " << m.thread
      << (m.is_forward ? " fwd" : "") << " text " << m.text_bytes << " reactions "
      << m.reaction_count << " [";
  for (const auto& p : m.reactors)
    out << p << ";";
  out << "] mentions [";
  for (const auto& p : m.mentions)
    out << p << ";";
  return out << "]";
}

inline RecordedPerson Copy(const model::PersonRef& p) {
  return {std::string(p.key), std::string(p.name), p.is_bot, p.is_deleted, p.is_host_hint};
}

// An EventSink that keeps copies of everything, honouring the OnChannel contract (the same key
// gets the same handle).
class RecordingSink : public model::EventSink {
 public:
  std::vector<RecordedChannel> channels;
  std::vector<RecordedMessage> messages;
  std::vector<RecordedPerson> members;  // OnMember calls, in order.

  uint32_t OnChannel(const model::ChannelInfo& c) override {
    for (uint32_t i = 0; i < channels.size(); ++i) {
      if (channels[i].key == c.key)
        return i;
    }
    channels.push_back({std::string(c.key), std::string(c.name), std::string(c.group_key),
                        std::string(c.group_name), std::string(c.parent_key), c.kind,
                        c.replies_exported});
    return static_cast<uint32_t>(channels.size() - 1);
  }
  void OnMessage(const model::Message& m) override {
    RecordedMessage r;
    r.channel = m.channel;
    r.kind = m.kind;
    r.action = m.action;
    r.id = m.id;
    r.author = Copy(m.author);
    r.time_ms = m.time_ms;
    r.has_time = m.has_time;
    r.reply_to = m.reply_to;
    r.thread = m.thread;
    r.is_forward = m.is_forward;
    r.text_bytes = m.text_bytes;
    for (const auto& p : m.mentions)
      r.mentions.push_back(Copy(p));
    r.reaction_count = m.reaction_count;
    for (const auto& p : m.reactors)
      r.reactors.push_back(Copy(p));
    messages.push_back(std::move(r));
  }
  void OnMember(const model::PersonRef& p) override { members.push_back(Copy(p)); }
};

inline std::string DiagnosticsSummary(const base::Diagnostics& d) {
  std::string out;
  for (const auto& [id, e] : d.entries()) {
    out += id + " x" + std::to_string(e.count) + " at " + std::to_string(e.first.input) + ":" +
           std::to_string(e.first.byte) + ":" + std::to_string(e.first.line) + "\n";
  }
  return out;
}

// Pushes `data` in chunks of `chunk` bytes into a reader of `format` (kAuto: sniffed, as the
// Session does) over `sink`; stops at the first error.
inline Status Feed(Format format,
                   std::string_view data,
                   size_t chunk,
                   model::EventSink* sink,
                   base::Diagnostics* diagnostics,
                   std::string_view name = "export.json",
                   const Options& options = {}) {
  ingest::ReaderContext context;
  context.sink = sink;
  context.diagnostics = diagnostics;
  context.input = 0;
  context.name = name;
  context.options = &options;
  auto reader = std::make_unique<ingest::InputReader>(context, format);
  REQUIRE(reader != nullptr);
  for (std::string_view piece : Chunks(data, chunk)) {
    Status s = reader->Push(std::string(piece));
    if (!s.ok())
      return s;
  }
  return reader->End();
}

struct ReadResult {
  Status status;
  RecordingSink sink;
  base::Diagnostics diagnostics;
};

inline ReadResult ReadAs(Format format,
                         std::string_view data,
                         size_t chunk = 0,
                         std::string_view name = "export.json",
                         const Options& options = {}) {
  ReadResult r;
  r.status = Feed(format, data, chunk, &r.sink, &r.diagnostics, name, options);
  return r;
}

// Reads `data` as `format` in every chunking (kChunkSizes), checks the results agree, and
// returns the whole-input one.
inline ReadResult ReadAllAs(Format format,
                            std::string_view data,
                            std::string_view name = "export.json",
                            const Options& options = {}) {
  ReadResult whole = ReadAs(format, data, 0, name, options);
  for (size_t chunk : kChunkSizes) {
    INFO("chunks of " << chunk);
    const ReadResult split = ReadAs(format, data, chunk, name, options);
    CHECK(split.status.ToString() == whole.status.ToString());
    CHECK(split.sink.channels == whole.sink.channels);
    CHECK(split.sink.messages == whole.sink.messages);
    CHECK(split.sink.members == whole.sink.members);
    CHECK(DiagnosticsSummary(split.diagnostics) == DiagnosticsSummary(whole.diagnostics));
  }
  return whole;
}

}  // namespace meshcheck::testing
