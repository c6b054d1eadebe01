// libxcrypt's crypt_rn, which checks bcrypt ($2a$, $2b$, $2y$) hashes; glibc systems ship it
// with the C library's development files. Elsewhere (macOS) nothing is declared and
// SpringModule reports {bcrypt} passwords as unsupported.
#if __has_include(<crypt.h>)
#include <crypt.h>
#endif
