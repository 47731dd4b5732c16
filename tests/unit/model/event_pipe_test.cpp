// model::EventPipe: a dataset fed through the pipe (its events delivered on the worker thread)
// ends up equal to one fed the same events directly, field by field and diagnostic by
// diagnostic, however the events are handed; after Wait it holds every event handed.
#include "model/event_pipe.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "dataset_builder.h"
#include "model/dataset.h"

namespace {

using meshcheck::base::Diagnostics;
using meshcheck::model::ChannelInfo;
using meshcheck::model::ChannelKind;
using meshcheck::model::Dataset;
using meshcheck::model::EventPipe;
using meshcheck::model::EventSink;
using meshcheck::model::Message;
using meshcheck::model::MessageKind;
using meshcheck::model::PersonRef;
using meshcheck::model::SystemAction;
using meshcheck::testing::kBaseMs;
using meshcheck::testing::kMinuteMs;

// One event of a seeded stream that touches every field and every diagnostic of the dataset:
// duplicate ids, replies and threads to earlier, later and absent messages, people by key, by
// name only, deleted and bots, undated and implausible times, system messages, forwards,
// mentions, reactors, listed members, a channel declared midway, channels declared again (as
// Slack does for each day file), once with a field filled in.
struct StreamEvent {
  enum Kind { kChannel, kMessage, kMember } kind = kMessage;
  ChannelInfo channel;
  size_t declares = 0;  // kChannel: which of the stream's channels.
  Message message;
  PersonRef member;
};

class Stream {
 public:
  // `redeclare`: channels are declared again at random points.
  Stream(uint32_t seed, int messages, bool redeclare) : random_(seed) {
    for (int i = 0; i < 300; ++i) {
      keys_.push_back("u" + std::to_string(i));
      names_.push_back(i % 7 == 0 ? "Name " + std::to_string(i % 50)
                                  : "Person " + std::to_string(i));
    }
    const char* channel_keys[] = {"c1", "c2", "c3", "c4"};
    for (const char* key : channel_keys)
      channel_keys_.emplace_back(key);
    events_.reserve(messages + 64);
    for (size_t c = 0; c < 3; ++c)
      AddChannel(c);
    for (int i = 0; i < messages; ++i) {
      if (i == messages / 2)
        AddChannel(3);
      if (redeclare && Chance(3))
        AddChannel(Pick(declared_));  // Again, as before.
      if (i == messages / 3) {
        AddChannel(0);
        AddChannel(0);
        events_.back().channel.group_name = "the group";  // Filled in, right after.
      }
      if (Chance(2))
        AddMember();
      AddMessage(i);
    }
  }

  // Sends every event to `sink`; after every `chunk` events (0: never), calls `boundary`.
  template <typename Boundary>
  void Send(EventSink* sink, size_t chunk, Boundary boundary) const {
    std::vector<uint32_t> handles(channel_keys_.size());
    for (size_t i = 0; i < events_.size(); ++i) {
      const StreamEvent& e = events_[i];
      if (e.kind == StreamEvent::kChannel) {
        handles[e.declares] = sink->OnChannel(e.channel);
      } else if (e.kind == StreamEvent::kMember) {
        sink->OnMember(e.member);
      } else {
        Message m = e.message;
        m.channel = handles[m.channel];
        sink->OnMessage(m);
      }
      if (chunk != 0 && (i + 1) % chunk == 0)
        boundary();
    }
  }

 private:
  bool Chance(int percent) { return static_cast<int>(random_() % 100) < percent; }
  size_t Pick(size_t n) { return random_() % n; }

  PersonRef Person() {
    const size_t i = Pick(keys_.size());
    PersonRef p;
    p.key = Chance(10) ? std::string_view() : std::string_view(keys_[i]);
    p.name = names_[i];
    p.is_bot = i % 40 == 1;
    p.is_deleted = i % 97 == 5;
    p.is_host_hint = i < 2;
    return p;
  }

  void AddChannel(size_t c) {
    StreamEvent e;
    e.kind = StreamEvent::kChannel;
    e.declares = c;
    e.channel.key = channel_keys_[c];
    e.channel.name = channel_keys_[c];
    e.channel.group_key = "g";
    e.channel.kind = c == 3 ? ChannelKind::kThread : ChannelKind::kChat;
    events_.push_back(e);
    declared_ = std::max(declared_, c + 1);
  }

  void AddMember() {
    StreamEvent e;
    e.kind = StreamEvent::kMember;
    e.member = Person();
    events_.push_back(e);
  }

  std::string_view Id(int n) {
    ids_.push_back(std::make_unique<std::string>("m" + std::to_string(n)));
    return *ids_.back();
  }

  void AddMessage(int i) {
    StreamEvent e;
    Message& m = e.message;
    m.channel = static_cast<uint32_t>(Pick(declared_));
    m.id = Chance(5) && i > 0 ? Id(static_cast<int>(Pick(i))) : Chance(2) ? "" : Id(i);
    m.author = Person();
    m.has_time = !Chance(2);
    m.time_ms = Chance(1) ? -2208988800000 : kBaseMs + (i + static_cast<int>(Pick(30))) * kMinuteMs;
    if (Chance(3)) {
      m.kind = MessageKind::kSystem;
      m.action = Chance(50) ? SystemAction::kJoin : SystemAction::kOther;
    }
    m.is_forward = Chance(2);
    if (i > 0 && Chance(40))
      m.reply_to =
          Chance(90) ? Id(static_cast<int>(Pick(i))) : Id(i + 1 + static_cast<int>(Pick(5)));
    if (i > 0 && Chance(10))
      m.thread = Chance(95) ? Id(static_cast<int>(Pick(i))) : Id(-1);
    m.text_bytes = static_cast<uint32_t>(Pick(500));
    std::vector<PersonRef> mentions, reactors;
    for (size_t k = Pick(4); k > 0; --k)
      mentions.push_back(Person());
    for (size_t k = Chance(20) ? Pick(60) : Pick(3); k > 0; --k)
      reactors.push_back(Person());
    m.reaction_count = static_cast<uint32_t>(reactors.size() + Pick(3));
    // Moved into people_, the vectors keep their buffers: the spans stay valid.
    m.mentions = people_.emplace_back(std::move(mentions));
    m.reactors = people_.emplace_back(std::move(reactors));
    events_.push_back(e);
  }

  std::mt19937 random_;
  size_t declared_ = 0;  // Channels declared so far.
  std::vector<std::string> keys_, names_, channel_keys_;
  std::vector<std::unique_ptr<std::string>> ids_;
  std::vector<std::vector<PersonRef>> people_;
  std::vector<StreamEvent> events_;
};

// Every field the dataset holds, as text: two datasets are equal when their dumps are.
std::string Dump(const Dataset& d) {
  std::string out;
  auto add = [&out](auto... values) {
    ((out += std::to_string(values), out += ' '), ...);
    out += '\n';
  };
  for (const auto& c : d.channels()) {
    for (uint32_t text : {c.key, c.name, c.group_key, c.group_name, c.parent_key})
      out += std::string(d.Text(text)) + "|";
    add(static_cast<int>(c.kind), c.replies_exported, c.messages);
  }
  for (const auto& m : d.members()) {
    out += std::string(d.Text(m.key)) + "|" + std::string(d.Text(m.name)) + " ";
    add(m.is_bot, m.is_deleted, m.is_host_hint, m.listed, m.messages, m.first_ms, m.last_ms);
  }
  for (size_t i = 0; i < d.messages().size(); ++i) {
    const auto& r = d.messages()[i];
    add(r.time_ms(), r.flags, r.action, r.author, d.channel_of(i), d.parent(i), d.thread(i),
        d.reactions(i));
  }
  for (const auto& l : d.links())
    add(l.message, l.person, static_cast<int>(l.kind));
  add(d.duplicates());
  return out;
}

std::string Dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& [id, e] : diagnostics.entries()) {
    out += id + " " + std::to_string(e.count) + " " + std::to_string(static_cast<int>(e.severity)) +
           " " + std::to_string(e.first.input) + " " + e.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("a dataset fed through the pipe equals one fed directly, however events are handed") {
  const Stream stream(7, 20000, true);
  Diagnostics direct_diagnostics;
  Dataset direct(&direct_diagnostics);
  direct.BeginInput(0);
  stream.Send(&direct, 0, [] {});
  const std::string before_finalize = Dump(direct);
  direct.Finalize();
  const std::string after_finalize = Dump(direct);
  const std::string diagnostics = Dump(direct_diagnostics);
  // The stream reaches what it is meant to: every diagnostic of the dataset, and its links.
  for (const char* id : {"model.duplicate_message", "model.implausible_time", "model.missing_time",
                         "model.reply_target_outside"}) {
    CHECK(direct_diagnostics.Count(id) > 0);
  }
  CHECK(direct.links().size() > 20000);

  // 0: the events are handed only when they fill the pipe's buffer, and at the end.
  for (size_t chunk : {size_t{0}, size_t{1}, size_t{7}, size_t{500}, size_t{4096}}) {
    INFO("a hand every " << chunk << " events");
    Diagnostics piped_diagnostics;
    Dataset piped(&piped_diagnostics);
    piped.BeginInput(0);
    {
      EventPipe pipe(&piped);
      stream.Send(&pipe, chunk, [&pipe] {
        pipe.Wait();
        pipe.Hand();
      });
      pipe.Flush();
      CHECK(Dump(piped) == before_finalize);
    }
    piped.Finalize();
    CHECK(Dump(piped) == after_finalize);
    CHECK(Dump(piped_diagnostics) == diagnostics);
  }
}

TEST_CASE("after Wait, the dataset holds every event handed before") {
  const Stream stream(11, 3000, false);
  Diagnostics direct_diagnostics, piped_diagnostics;
  Dataset direct(&direct_diagnostics), piped(&piped_diagnostics);
  // The direct dataset's size at each boundary, then the piped one's after each Wait, which
  // holds the events before the boundary before.
  std::vector<size_t> direct_sizes, piped_sizes;
  stream.Send(&direct, 100, [&] { direct_sizes.push_back(direct.messages().size()); });
  EventPipe pipe(&piped);
  stream.Send(&pipe, 100, [&] {
    pipe.Wait();
    piped_sizes.push_back(piped.messages().size());
    pipe.Hand();
  });
  pipe.Flush();
  REQUIRE(piped_sizes.size() == direct_sizes.size());
  REQUIRE(direct_sizes.size() > 20);
  // Except where a channel was declared (the first time, or with a field filled in): OnChannel
  // delivers every event sent before it.
  CHECK(piped_sizes[0] == 0);
  int flushed = 0;
  for (size_t i = 1; i < piped_sizes.size(); ++i) {
    if (piped_sizes[i] != direct_sizes[i - 1]) {
      ++flushed;
      CHECK(piped_sizes[i] > direct_sizes[i - 1]);
      CHECK(piped_sizes[i] <= direct_sizes[i]);
    }
  }
  CHECK(flushed == 2);
  CHECK(piped.messages().size() == direct.messages().size());
}

TEST_CASE("the pipe takes a dataset's diagnostics only while it lives") {
  Diagnostics outer;
  Dataset data(&outer);
  Message m;
  m.id = "x";
  m.author.key = "a";
  ChannelInfo channel;
  channel.key = "c";
  {
    EventPipe pipe(&data);
    pipe.OnChannel(channel);
    pipe.OnMessage(m);
    pipe.OnMessage(m);  // A duplicate, diagnosed on the worker.
    pipe.Flush();
    CHECK(outer.Count("model.duplicate_message") == 1);
  }
  data.OnMessage(m);  // Directly, after the pipe is gone: into the same diagnostics.
  CHECK(outer.Count("model.duplicate_message") == 2);
}
