#include "heap.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void readiness_tune_heap(int top_pad, int mmap_threshold) {
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, top_pad);
    mallopt(M_MMAP_THRESHOLD, mmap_threshold);
#else
    (void)top_pad;
    (void)mmap_threshold;
#endif
}
