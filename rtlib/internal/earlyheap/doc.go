// Package earlyheap backs the first 2 MB block of a translated program's
// Go heap with one transparent huge page, before the runtime library's
// initialization allocates into it, when the program runs with
// ASYNC2GO_THP=1. It is off by default: on the benchmark VM of today huge
// pages of fresh memory cost more than 4 KB pages (docs/performance.md,
// finding 58).
//
// On the benchmark VM of findings 20-57 a page fault cost ~13 µs, and
// faulting in a 2 MB huge page ~0.14 ms: the heap's first block, faulted
// in 4 KB at a time, cost up to 6.7 ms over a program's life (a hello
// touches ~35 pages of it, a ping-pong of 100,000 boxed ints ~400). The
// runtime has already touched part of the block when any package
// initializes, so the block is collapsed (MADV_COLLAPSE, Linux 6.1 and
// later; it works whatever mode /sys/kernel/mm/transparent_hugepage/enabled
// is in): Linux copies the pages in use into a huge page and maps it in
// their place; that took 0.4–1 ms there, up to ~5 ms when Linux must first
// find the memory (one start in ten). The block after it is advised at
// once (adviseNext), before the library's allocations reach it (finding
// 42). Elsewhere, or where the call fails, nothing changes. The runtime
// library imports this package for its side effect, so that it
// initializes before the library does; GODEBUG=disablethp=1 keeps it off
// even with ASYNC2GO_THP=1 (finding 32).
package earlyheap
