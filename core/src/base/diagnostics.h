// Counted diagnostics: bad records that were skipped or repaired, and other facts about the
// input worth telling the user. Each kind is counted once per occurrence; only the first
// location is kept, so memory stays constant however damaged the input is.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "meshcheck/status.h"

namespace meshcheck::base {

enum class Severity : uint8_t { kInfo, kWarning };

struct DiagnosticEntry {
  Severity severity = Severity::kWarning;
  std::string message;  // Plain language, written once for the kind (no member data).
  uint64_t count = 0;
  Location first;
};

class Diagnostics {
 public:
  // `id` is a stable dotted identifier ("ingest.discord.bad_timestamp"). The message of the
  // first report of an id is kept.
  void Add(const std::string& id,
           Severity severity,
           const std::string& message,
           const Location& where,
           uint64_t count = 1);
  // Adds each of `other`'s entries (its count, severity, message and first location).
  void AddAll(const Diagnostics& other);

  // Sorted by id: the order is deterministic.
  const std::map<std::string, DiagnosticEntry>& entries() const { return entries_; }
  uint64_t Count(const std::string& id) const;

 private:
  std::map<std::string, DiagnosticEntry> entries_;
};

}  // namespace meshcheck::base
