// Room for an input's message records, made once from the rate read so far.
//
// A records' array grown by doubling ends up to twice what it holds, and in wasm (no mremap:
// realloc copies unless the block is at the top of the heap) its last doubling holds the old and
// the new block at once: 40 + 80 MiB for the 2.2 million records of the 200 MB WhatsApp bench
// text, whose wasm heap that left at 173 MiB. The early doublings also leave their old blocks
// behind as holes, among the blocks made meanwhile, too small for the analysis' arrays: 15 MiB
// of them when the room was made after an eighth of that text. So once a 64th of an input of
// known size is read, the Session makes room for all of it at the rate read so far, plus 1/8
// for a rate that changes later: the array grows once, early, to about what it will hold. The
// room a rate too high leaves is never touched, so it takes no memory, and Finalize returns it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

namespace meshcheck {

// Inputs smaller than this grow as they do: their arrays are small either way.
inline constexpr uint64_t kReserveMinInputBytes = uint64_t{32} << 20;
// The share of an input read before its rate is taken: 1/kReserveAfterShare (512 KiB or more).
inline constexpr uint64_t kReserveAfterShare = 64;

// The records to make room for in all, when `read` of an input's `size_hint` bytes gave
// `records` and `held_before` were held before it: held_before plus what the input is expected
// to add. 0 (no reservation) until a 64th of it is read, for small or unsized inputs, when
// nothing was read yet, and when the total would pass the records' 32-bit indexes.
inline size_t RecordsToReserve(uint64_t read,
                               uint64_t size_hint,
                               size_t records,
                               size_t held_before) {
  if (size_hint < kReserveMinInputBytes || read == 0 || read * kReserveAfterShare < size_hint ||
      records == 0)
    return 0;
  const double expected = static_cast<double>(records) * static_cast<double>(size_hint) /
                          static_cast<double>(read) * (1.0 + 1.0 / 8);
  const double total = static_cast<double>(held_before) + expected;
  constexpr double kMaxRecords = std::numeric_limits<uint32_t>::max();  // 32-bit indexes.
  return total < kMaxRecords ? static_cast<size_t>(total) : 0;
}

}  // namespace meshcheck
