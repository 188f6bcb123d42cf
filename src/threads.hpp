#pragma once
// Where the library's helper threads start (not public API).
//
// Linux puts a new thread on the CPU of the thread that made it, and on the 2-core machine
// of issue #18 often left it there for a millisecond or more, taking turns with its maker,
// while the other CPU idled: the two halves of `import-rst` then ran one after the other.
// A helper therefore starts by moving to another CPU the process may use, and at once gives
// its affinity back as it was: it is never narrowed, and the scheduler is free to move it
// again later.

namespace electsec::detail {

/// The CPU the calling thread runs on now, or -1 where that cannot be known.
int current_cpu() noexcept;

/// Called first on a helper thread with the CPU its maker ran on when it made it
/// (current_cpu()): moves the calling thread to another allowed CPU, if there is one, and
/// restores its affinity. Does nothing where the system has no such calls, or when `cpu`
/// is -1 or the only CPU allowed.
void start_away_from(int cpu) noexcept;

}  // namespace electsec::detail
