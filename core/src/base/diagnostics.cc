#include "base/diagnostics.h"

namespace meshcheck::base {

void Diagnostics::Add(const std::string& id,
                      Severity severity,
                      const std::string& message,
                      const Location& where,
                      uint64_t count) {
  auto [it, inserted] = entries_.try_emplace(id);
  DiagnosticEntry& entry = it->second;
  if (inserted) {
    entry.severity = severity;
    entry.message = message;
    entry.first = where;
  }
  entry.count += count;
}

void Diagnostics::AddAll(const Diagnostics& other) {
  for (const auto& [id, entry] : other.entries_)
    Add(id, entry.severity, entry.message, entry.first, entry.count);
}

uint64_t Diagnostics::Count(const std::string& id) const {
  auto it = entries_.find(id);
  return it == entries_.end() ? 0 : it->second.count;
}

}  // namespace meshcheck::base
