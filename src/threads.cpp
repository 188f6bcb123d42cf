#include "threads.hpp"

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace electsec::detail {

#if defined(__linux__)

int current_cpu() noexcept { return sched_getcpu(); }

void start_away_from(int cpu) noexcept {
  if (cpu < 0 || cpu >= CPU_SETSIZE) return;
  cpu_set_t allowed;
  if (pthread_getaffinity_np(pthread_self(), sizeof allowed, &allowed) != 0 || !CPU_ISSET(cpu, &allowed)) return;
  cpu_set_t others = allowed;
  CPU_CLR(cpu, &others);
  if (CPU_COUNT(&others) == 0) return;
  // Setting the affinity moves the thread before the call returns; restoring it lets the
  // thread stay where it now is.
  if (pthread_setaffinity_np(pthread_self(), sizeof others, &others) == 0)
    pthread_setaffinity_np(pthread_self(), sizeof allowed, &allowed);
}

#else

int current_cpu() noexcept { return -1; }
void start_away_from(int) noexcept {}

#endif

}  // namespace electsec::detail
