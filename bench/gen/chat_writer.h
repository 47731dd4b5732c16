// A format writer turns the neutral message stream into one export file.
#pragma once

#include <cstdint>
#include <string>

#include "gen/content.h"
#include "gen/message.h"
#include "gen/output.h"
#include "gen/zone.h"

namespace meshcheck::gen {

// What a writer knows about the export besides the messages.
struct ExportInfo {
  const Roster* roster = nullptr;
  const Zone* zone = nullptr;
  const Place* place = nullptr;
  uint64_t seed = 0;           // For the writer's own choices (ids, hashes).
  int64_t exported_at_ms = 0;  // When the export was made (after the last possible message).
  bool bot_flags = true;       // False: bots look like people (where the format allows it).
};

class ChatWriter : public MessageSink {
 public:
  // Writes the document's opening.
  virtual void Begin() = 0;
  // Closes the document; it is complete and valid after this.
  virtual void End() = 0;
  virtual uint64_t messages_written() const = 0;
  // How the export identifies a person (roster index): its user id, or its name where the
  // format has no ids. It is what a user declares as a host (Options::hosts).
  virtual std::string PersonKey(uint32_t person) const = 0;
};

}  // namespace meshcheck::gen
