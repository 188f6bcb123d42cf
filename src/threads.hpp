#pragma once
// The library's helper threads (not public API).
//
// Linux puts a new thread on the CPU of the thread that made it, and on the 2-core machine
// of issue #18 often left it there, queued behind its maker, for a millisecond or more
// while the other CPU idled: the two halves of `import-rst` then ran one after the other.
// A helper is therefore started with an affinity that leaves out its maker's CPU (where
// another CPU is allowed), so that it starts at once elsewhere, and it gives its affinity
// back as it was before doing anything else: it is never narrowed, and the scheduler is
// free to move it again later.

#include <functional>

#include <pthread.h>

namespace electsec::detail {

/// The CPU the calling thread runs on now, or -1 where that cannot be known.
int current_cpu() noexcept;

/// A helper thread, joined when it goes, whichever way the scope that holds it ends.
class HelperThread {
 public:
  HelperThread() = default;
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;
  ~HelperThread() { join(); }

  /// Runs `work` on a new thread started away from the calling thread's CPU (above).
  /// `work` must not throw. Returns false, and runs nothing, when no thread can be had
  /// (the caller then does the work itself).
  bool start(std::function<void()> work);
  /// Waits for the thread, if one runs.
  void join();
  bool running() const { return running_; }

 private:
  struct Start;
  pthread_t thread_{};
  bool running_ = false;
};

}  // namespace electsec::detail
