// Fewer page faults for a process that renders. On the virtual machines fiscgen is measured on,
// a page fault costs about 10 µs, while mapping pages in bulk costs about 0.5 µs a page: the
// example letter's 700 faults were a third of its time, the floor's 420.
#pragma once

#include <cstddef>

namespace fiscgen {

/// Maps in, with two system calls, what a render would otherwise fault in page by page: the
/// program's code, and `heap_bytes` of heap, kept at the heap's top from then on. Blocks of up to
/// 1 MiB then come from the heap too, where glibc gave each block over 128 KiB a mapping of its
/// own, faulted in again each time (the PDF writer's deflate state and encoder tables). Best
/// effort: a kernel before Linux 5.14, or a heap not grown by brk (a sanitizer's), is left to
/// fault as before. Call it first thing, before threads start.
void map_ahead(std::size_t heap_bytes);

/// What the render commands ask map_ahead() for: the motion and the letter touch 1-2 MiB of
/// heap (3 and 4 MiB mapped in were slower for both than 2).
inline constexpr std::size_t render_heap_bytes = std::size_t{2} << 20;

}  // namespace fiscgen
