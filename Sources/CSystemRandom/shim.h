// getrandom(2), which Swift's Glibc module leaves out: many random bytes in one system call,
// where the standard library's generator makes one per 8 bytes. -1 where the C library lacks it.
#include <stddef.h>
#if __has_include(<sys/random.h>)
#include <sys/random.h>
static inline long conduit_getrandom(void *buffer, size_t length) { return (long)getrandom(buffer, length, 0); }
#else
static inline long conduit_getrandom(void *buffer, size_t length) { (void)buffer; (void)length; return -1; }
#endif
