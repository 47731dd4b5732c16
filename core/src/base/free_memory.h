// ReturnFreedMemory: gives the pages of freed heap memory back to the system, for the points of
// an analysis just after it freed its largest buffers.
//
// The native front-ends keep freed memory for reuse (meshcheck/malloc_tuning.h), and a freed
// buffer that the next, larger one does not fit in stays resident as a hole: without this the
// holes add to the peak. Costs a walk of the allocator's free lists, and the page faults of the
// memory when it is used again. So it acts only while the heap is at most kMaxHeapToTrim: there
// the pages are few and what they save counts against issue 7's 128 MB bound (the 200 MB
// WhatsApp text: 131 -> 124 MB). A larger heap is beyond that bound anyway, and its faults are
// the cost malloc_tuning.h avoids: trimming the 100,000-member graph_bench (about 450 MiB of
// heap) made its analysis 2.15-2.32 s instead of 1.54-1.74 s. Does nothing where the allocator
// has no such call (wasm, whose memory never shrinks).
#pragma once

#include <cstddef>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace meshcheck::base {

inline constexpr size_t kMaxHeapToTrim = size_t{256} << 20;

inline void ReturnFreedMemory() {
#if defined(__GLIBC__)
  if (mallinfo2().arena <= kMaxHeapToTrim)
    malloc_trim(0);
#endif
}

}  // namespace meshcheck::base
