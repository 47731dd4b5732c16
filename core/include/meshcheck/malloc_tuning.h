// Process-wide allocator setting for the native front-ends (the CLI and the benchmarks; the wasm
// module has its own allocator). Call once, first thing in main.
//
// The analysis allocates and frees buffers of tens to hundreds of megabytes phase after phase.
// glibc serves each from a fresh mmap and unmaps it on free, so every phase page-faults its
// buffers in again: on the benchmark machine that was half the analysis time of a
// 100,000-member graph (graph_bench: 5.1 s -> 2.5-3.5 s with this setting; a 1 GB export's
// peak RSS 66 -> 76 MB). Serving them from the heap and keeping freed memory for reuse avoids it.
#pragma once

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace meshcheck {

inline void KeepFreedMemoryForReuse() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_MAX, 0);              // Large blocks from the heap, not from one mmap each.
  mallopt(M_TRIM_THRESHOLD, 1 << 30);  // Keep up to 1 GiB of freed heap instead of unmapping it.
  mallopt(M_ARENA_MAX, 1);             // One heap for both threads: what one frees, both reuse.
#endif
}

}  // namespace meshcheck
