// EventPipe: an EventSink that delivers a reader's messages and members to a Dataset on a second
// thread, so that the Dataset's work (its lookups of member keys and message ids miss the cache
// once it outgrows it) overlaps the reading of the next chunk (issue 7). Events reach the dataset
// in the order they were sent, with the same effect as sending them to it directly.
//
//   EventPipe pipe(&dataset);  // The reader's sink is now &pipe.
//   for each chunk:
//     ... the reader sends the chunk's events ...
//     pipe.Wait();  // The dataset holds the events of the chunks before; it may be read.
//     pipe.Hand();  // This chunk's events go to the worker while the next chunk is read.
//   pipe.Flush();   // Every event delivered.
//
// Contracts: one thread sends events and calls Wait, Hand and Flush. From Hand (or an event,
// which hands the events on its own once they fill kHandBytes) to the next Wait, nothing else may
// touch the dataset. OnChannel returns a handle, so it flushes and declares the channel directly,
// unless it repeats the declaration before (a Slack channel's day files), which changes nothing.
// What the dataset diagnoses on the worker goes to diagnostics of the pipe's own, added to the
// dataset's by each Wait (each id's count and first location, as if added directly: the
// dataset's ids are its own). What the worker throws is rethrown by the next Wait.
//
// Native builds only: the wasm module has no threads (base/aside.h); there the Session sends
// events to the dataset directly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/worker.h"
#include "model/dataset.h"
#include "model/event_sink.h"

namespace meshcheck::model {

class EventPipe final : public EventSink {
 public:
  // Starts the worker. `dataset` must outlive the pipe.
  explicit EventPipe(Dataset* dataset);
  // Delivers what is still buffered (Flush; what it throws is dropped).
  ~EventPipe() override;
  EventPipe(const EventPipe&) = delete;
  EventPipe& operator=(const EventPipe&) = delete;

  uint32_t OnChannel(const ChannelInfo& channel) override;
  void OnMessage(const Message& message) override;
  void OnMember(const PersonRef& person) override;

  // Blocks until the worker has delivered every event handed to it; adds its diagnostics to the
  // dataset's, and rethrows what it threw.
  void Wait();
  // Wait(), then hands the events sent since the last hand to the worker.
  void Hand();
  // Hand(), then Wait(): the dataset holds every event sent.
  void Flush();

 private:
  // Events are handed on their own once they fill this many bytes, so that pushing a whole
  // input as one chunk never buffers all of them.
  static constexpr size_t kHandBytes = size_t{1} << 20;
  // The buffers' first size: the events of a 1 MiB chunk of the largest bench exports take
  // 50 to 100 KiB.
  static constexpr size_t kBufferBytes = size_t{256} << 10;

  void HandIfFull() {
    if (filling_size_ >= kHandBytes)
      Hand();
  }
  // Room for `size` more bytes of events at the end of filling_; returns where they go.
  char* Append(size_t size);
  // Sends the events encoded in `events` to the dataset.
  void Replay(std::string_view events);

  Dataset* dataset_;
  base::Diagnostics* outer_diagnostics_;  // The dataset's own, restored by the destructor.
  base::Diagnostics worker_diagnostics_;
  // Events sent since the last hand (the sending thread's): the first filling_size_ bytes of
  // filling_, whose size only grows (no byte is written twice). Then handed to the worker, in
  // draining_.
  std::vector<char> filling_, draining_;
  size_t filling_size_ = 0;
  std::vector<PersonRef> people_;  // The worker's: a replayed message's mentions and reactors.
  // The last channel declared, encoded, and its handle (kNone before the first).
  std::string last_channel_, channel_scratch_;
  uint32_t last_channel_handle_ = kNone;
  base::Worker worker_;  // Last: destroyed (joined) first.
};

}  // namespace meshcheck::model
