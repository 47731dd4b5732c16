// Test helper: builds a model::Dataset by hand through the EventSink interface, the way a reader
// would, so the analysis modules can be tested on inputs whose answers are derived by hand.
//
//   DatasetBuilder b;
//   b.Say("m1", "alice", 0);                  // alice posts at minute 0 of 2024-01-01 (UTC)
//   b.Reply("m2", "bob", "m1", 5);            // bob replies to m1 at minute 5
//   b.Post(Msg("m3", Who("feed").Bot(), 9).Mention(Who("alice")));
//   const model::Dataset& data = b.Finalize();
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "model/dataset.h"

namespace meshcheck::testing {

// 2024-01-01T00:00:00Z: minute 0 of every hand-built dataset.
inline constexpr int64_t kBaseMs = 1704067200000;
inline constexpr int64_t kMinuteMs = 60 * 1000;
inline constexpr int64_t kDayMinutes = 24 * 60;

// A person as a reader would report them. Fluent: Who("ann").Staff(), Nameless("Ann").
struct TestPerson {
  std::string key;   // Empty: the person is known by name only.
  std::string name;  // Empty: same as key.
  bool is_bot = false;
  bool is_deleted = false;
  bool is_host_hint = false;

  TestPerson Named(std::string n) const {
    TestPerson p = *this;
    p.name = std::move(n);
    return p;
  }
  TestPerson Bot() const {
    TestPerson p = *this;
    p.is_bot = true;
    return p;
  }
  TestPerson Deleted() const {
    TestPerson p = *this;
    p.is_deleted = true;
    return p;
  }
  TestPerson Staff() const {
    TestPerson p = *this;
    p.is_host_hint = true;
    return p;
  }
  model::PersonRef Ref() const {
    model::PersonRef p;
    p.key = key;
    p.name = name.empty() ? key : name;
    p.is_bot = is_bot;
    p.is_deleted = is_deleted;
    p.is_host_hint = is_host_hint;
    return p;
  }
};

// "<prefix><n>", e.g. Id("m", 3) == "m3". (Appending avoids a GCC 12 -Wrestrict false
// positive on `"m" + std::to_string(n)`.)
inline std::string Id(std::string_view prefix, int64_t n) {
  std::string out(prefix);
  out.append(std::to_string(n));
  return out;
}

// A person with platform id `key` (shown under the same name).
inline TestPerson Who(std::string key) {
  TestPerson p;
  p.key = std::move(key);
  return p;
}
// A person with no id, known by `name` only (WhatsApp-like).
inline TestPerson Nameless(std::string name) {
  TestPerson p;
  p.name = std::move(name);
  return p;
}

// One message. Fluent: Msg("m2", Who("bob"), 5).ReplyTo("m1").Mention(Who("ann")).
struct TestPost {
  std::string id;
  TestPerson author;
  int64_t time_ms = 0;
  bool has_time = true;
  uint32_t channel = 0;
  std::string reply_to;
  std::string thread;
  bool system = false;
  model::SystemAction action = model::SystemAction::kNone;
  bool forward = false;
  std::vector<TestPerson> mentions;
  std::vector<TestPerson> reactors;
  uint32_t reactions = 0;  // Reaction count; at least reactors.size().

  TestPost& In(uint32_t c) {
    channel = c;
    return *this;
  }
  TestPost& At(int64_t ms) {
    time_ms = ms;
    return *this;
  }
  TestPost& Undated() {
    has_time = false;
    return *this;
  }
  TestPost& ReplyTo(std::string target) {
    reply_to = std::move(target);
    return *this;
  }
  TestPost& Thread(std::string root) {
    thread = std::move(root);
    return *this;
  }
  // A system event (a join, a leave, a rename...): kept for the roster, never speech.
  TestPost& System(model::SystemAction what = model::SystemAction::kOther) {
    system = true;
    action = what;
    return *this;
  }
  TestPost& Forward() {
    forward = true;
    return *this;
  }
  TestPost& Mention(TestPerson p) {
    mentions.push_back(std::move(p));
    return *this;
  }
  TestPost& React(TestPerson p) {
    reactors.push_back(std::move(p));
    return *this;
  }
  TestPost& Reactions(uint32_t n) {
    reactions = n;
    return *this;
  }
};

// A message by `author` at `minute` minutes after kBaseMs, in channel 0.
inline TestPost Msg(std::string id, TestPerson author, int64_t minute) {
  TestPost post;
  post.id = std::move(id);
  post.author = std::move(author);
  post.time_ms = kBaseMs + minute * kMinuteMs;
  return post;
}

class DatasetBuilder {
 public:
  DatasetBuilder() : data_(std::make_unique<model::Dataset>(&diagnostics_)) {
    data_->BeginInput(0);
    Channel("general");
  }

  // Declares a channel (kind kChat unless given); returns its handle. `replies_exported`
  // false: the export keeps no reply links in it (WhatsApp-like), so replies are inferred.
  uint32_t Channel(const std::string& key,
                   model::ChannelKind kind = model::ChannelKind::kChat,
                   const std::string& name = "",
                   bool replies_exported = true) {
    model::ChannelInfo info;
    info.key = key;
    info.name = name.empty() ? key : name;
    info.group_key = "server";
    info.group_name = "Server";
    info.kind = kind;
    info.replies_exported = replies_exported;
    return data_->OnChannel(info);
  }
  // A chat channel whose export keeps no reply links.
  uint32_t UnlinkedChannel(const std::string& key) {
    return Channel(key, model::ChannelKind::kChat, "", false);
  }

  // A person the export lists in its roster (EventSink::OnMember), posting or not.
  void Member(const TestPerson& person) { data_->OnMember(person.Ref()); }

  void Post(const TestPost& post) {
    std::vector<model::PersonRef> mentions;
    for (const TestPerson& p : post.mentions)
      mentions.push_back(p.Ref());
    std::vector<model::PersonRef> reactors;
    for (const TestPerson& p : post.reactors)
      reactors.push_back(p.Ref());
    model::Message m;
    m.channel = post.channel;
    m.kind = post.system ? model::MessageKind::kSystem : model::MessageKind::kMessage;
    m.action = post.action;
    m.id = post.id;
    m.author = post.author.Ref();
    m.has_time = post.has_time;
    m.time_ms = post.time_ms;
    m.reply_to = post.reply_to;
    m.thread = post.thread;
    m.is_forward = post.forward;
    m.mentions = mentions;
    m.reactors = reactors;
    m.reaction_count = std::max<uint32_t>(post.reactions, static_cast<uint32_t>(reactors.size()));
    data_->OnMessage(m);
  }

  // A plain message by the person with id `author` (in channel 0 unless given).
  void Say(const std::string& id, const std::string& author, int64_t minute, uint32_t channel = 0) {
    Post(Msg(id, Who(author), minute).In(channel));
  }
  // An explicit reply to message `target`.
  void Reply(const std::string& id,
             const std::string& author,
             const std::string& target,
             int64_t minute,
             uint32_t channel = 0) {
    Post(Msg(id, Who(author), minute).In(channel).ReplyTo(target));
  }

  // Finalizes once; later calls return the same dataset.
  const model::Dataset& Finalize() {
    data_->Finalize();
    return *data_;
  }
  model::Dataset& data() { return *data_; }
  const model::Dataset& data() const { return *data_; }
  const base::Diagnostics& diagnostics() const { return diagnostics_; }

  // Index of the member whose key is `key` (model::kNone if absent).
  uint32_t MemberIndex(const std::string& key) const {
    const auto& members = data_->members();
    for (uint32_t i = 0; i < members.size(); ++i) {
      if (data_->Text(members[i].key) == key)
        return i;
    }
    return model::kNone;
  }

 private:
  base::Diagnostics diagnostics_;
  std::unique_ptr<model::Dataset> data_;
};

}  // namespace meshcheck::testing
