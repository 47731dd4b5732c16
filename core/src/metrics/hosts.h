// Host detection (ANALYSIS.md B.4 item 1): the host set H, and how it was found.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "metrics/facts.h"
#include "model/dataset.h"

namespace meshcheck::metrics {

enum class HostSource : uint8_t {
  kDeclared,      // The user named the host(s).
  kExportSignal,  // Staff roles or announcement-channel authors in the export.
  kData,          // The dominant poster, inferred from the data.
  kNone,          // Nobody holds a host-like share: no host-centred structure.
};

const char* HostSourceName(HostSource source);  // "declared", "export", "data", "none"

struct HostSet {
  HostSource source = HostSource::kNone;
  std::vector<uint32_t> members;       // Sorted member indices.
  std::vector<bool> is_host;           // Per member.
  std::string how;                     // Plain language: how the host was found.
  std::vector<std::string> unmatched;  // Declared names that matched nobody.
  uint64_t host_messages = 0;          // Human messages written by hosts.
  uint32_t non_host_posters = 0;       // People who posted and are not hosts.
};

// `declared`: names or ids the user gave (case-insensitive match on key, name).
HostSet DetectHosts(const model::Dataset& data,
                    const GroupFacts& facts,
                    const std::vector<std::string>& declared);

}  // namespace meshcheck::metrics
