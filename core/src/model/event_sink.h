// EventSink: what readers push normalized events into.
#pragma once

#include <cstdint>
#include <string_view>

#include "model/event.h"

namespace meshcheck::model {

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Declares (or re-declares, for a later partition) a channel; returns its handle. Calling it
  // again with the same key returns the same handle and fills in fields that were empty.
  virtual uint32_t OnChannel(const ChannelInfo& channel) = 0;
  virtual void OnMessage(const Message& message) = 0;
  // Declares a person the export lists (a workspace roster, a chat's participants) whether or
  // not they post: fills in their name and flags, keyed like message authors.
  virtual void OnMember(const PersonRef& person) = 0;
  // Optional, no effect on results: the message OnMessage delivers next in `channel` has this
  // id or names it (a reply target). Readers that see ids before the message ends call it so
  // the sink can start fetching its lookup from memory while the rest is read.
  virtual void HintId(uint32_t channel, std::string_view id) {
    (void)channel;
    (void)id;
  }
};

}  // namespace meshcheck::model
