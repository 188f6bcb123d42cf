#include "threads.hpp"

#include <memory>
#include <new>

#if defined(__linux__)
#include <sched.h>
#endif

namespace electsec::detail {

#if defined(__linux__)
int current_cpu() noexcept { return sched_getcpu(); }
#else
int current_cpu() noexcept { return -1; }
#endif

// What a new thread is given: its work, and the affinity to give back (when it was
// started with a narrower one).
struct HelperThread::Start {
  std::function<void()> work;
#if defined(__linux__)
  bool restore = false;
  cpu_set_t allowed;
#endif

  static void* run(void* arg) {
    const std::unique_ptr<Start> start(static_cast<Start*>(arg));
#if defined(__linux__)
    // Already on another CPU: the scheduler may move it back later, if it must.
    if (start->restore) pthread_setaffinity_np(pthread_self(), sizeof start->allowed, &start->allowed);
#endif
    start->work();
    return nullptr;
  }
};

bool HelperThread::start(std::function<void()> work) {
  join();
  std::unique_ptr<Start> start;
  try {
    start = std::make_unique<Start>();
  } catch (const std::bad_alloc&) {
    return false;
  }
  start->work = std::move(work);
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return false;
#if defined(__linux__)
  // Every CPU the calling thread may use but the one it is on, when there is another.
  const int cpu = current_cpu();
  if (cpu >= 0 && cpu < CPU_SETSIZE &&
      pthread_getaffinity_np(pthread_self(), sizeof start->allowed, &start->allowed) == 0 &&
      CPU_ISSET(cpu, &start->allowed)) {
    cpu_set_t others = start->allowed;
    CPU_CLR(cpu, &others);
    if (CPU_COUNT(&others) > 0 && pthread_attr_setaffinity_np(&attr, sizeof others, &others) == 0)
      start->restore = true;
  }
#endif
  const int failed = pthread_create(&thread_, &attr, &Start::run, start.get());
  pthread_attr_destroy(&attr);
  if (failed != 0) return false;
  start.release();  // the thread owns it now
  running_ = true;
  return true;
}

void HelperThread::join() {
  if (!running_) return;
  pthread_join(thread_, nullptr);
  running_ = false;
}

}  // namespace electsec::detail
