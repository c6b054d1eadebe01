// glibc's allocator settings (mallopt) and statistics (mallinfo2), which Swift's Glibc module
// leaves out. Used only where Swift imports Glibc; elsewhere Conduit leaves the allocator alone.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
