// FuzzInput: splits one libFuzzer input into what every target needs, so the fuzzer drives the
// chunk splits and the file name as well as the bytes.
//
// Layout of an input (fuzz/make_seeds.py writes seeds this way):
//   byte 0           chunking control: 0 = the payload in one chunk; otherwise a seed for the
//                    chunk sizes, whose low two bits pick their scale (1..3, 1..15, 1..255 or
//                    1..8191 bytes)
//   name, then '\0'  the input's file name (at most kMaxNameBytes, and only if a '\0' follows)
//   payload          the rest: the bytes read
// Inputs too short for a part leave it empty. Deterministic: the same input, the same split.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace meshcheck::fuzz {

class FuzzInput {
 public:
  static constexpr size_t kMaxNameBytes = 64;

  FuzzInput(const uint8_t* data, size_t size) : all_(reinterpret_cast<const char*>(data), size) {
    if (all_.empty())
      return;
    control_ = static_cast<uint8_t>(all_[0]);
    std::string_view rest = all_.substr(1);
    const size_t nul = rest.substr(0, kMaxNameBytes + 1).find('\0');
    if (nul != std::string_view::npos) {
      name_ = rest.substr(0, nul);
      rest.remove_prefix(nul + 1);
    }
    payload_ = rest;
  }

  uint8_t control() const { return control_; }
  std::string_view name() const { return name_; }
  std::string_view payload() const { return payload_; }

  // The payload cut as the control byte says; never empty pieces, joined they are the payload.
  std::vector<std::string_view> Chunks() const { return Split(payload_, control_); }

  static std::vector<std::string_view> Split(std::string_view bytes, uint8_t control) {
    std::vector<std::string_view> out;
    if (control == 0) {
      out.push_back(bytes);
      return out;
    }
    static constexpr uint32_t kScaleMasks[] = {3, 15, 255, 8191};
    const uint32_t mask = kScaleMasks[control & 3];
    uint32_t state = control * 2654435761u;
    while (!bytes.empty()) {
      state = state * 1103515245u + 12345u;  // A fixed LCG: the split is reproducible.
      const size_t size = 1 + ((state >> 8) & mask) % mask;
      out.push_back(bytes.substr(0, size));
      bytes.remove_prefix(out.back().size());
    }
    return out;
  }

 private:
  std::string_view all_;
  uint8_t control_ = 0;
  std::string_view name_;
  std::string_view payload_;
};

}  // namespace meshcheck::fuzz
