#ifndef READINESS_CHEAP_H
#define READINESS_CHEAP_H

/// Asks the C allocator to grow its heap in steps of `top_pad` bytes and to serve buffers
/// below `mmap_threshold` bytes from the heap. A no-op where the allocator has no such knobs.
void readiness_tune_heap(int top_pad, int mmap_threshold);

#endif
