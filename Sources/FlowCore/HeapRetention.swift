import CMalloc

/// How much freed memory the C allocator keeps for reuse rather than handing back to the kernel.
///
/// glibc gives back the free top of its heap as soon as it exceeds 128 KB, and maps every block
/// of 128 KB or more on its own. A transform of a 1 MB CSV allocates some 10 MB of rows and JSON
/// and frees them at once: by default the next request faults every page of that in again
/// (about 1,700 page faults, an eighth of its CPU time, BENCHMARKS.md). Kept, it is reused.
///
/// glibc raises both thresholds by itself once it has seen large blocks freed, up to 32 MB and
/// 64 MB; these fix them from the start at values that cover a transform of a few megabytes.
/// The peak resident memory is unchanged: what stays is at most ``trimThreshold`` of freed
/// memory per allocator arena after a large payload, reused by the next one.
public enum HeapRetention {
    /// Free memory at the top of a heap beyond which it is given back.
    public static let trimThreshold = 16 << 20
    /// Blocks at least this large get a mapping of their own (and give it back when freed).
    public static let mapThreshold = 8 << 20

    /// The environment variables through which a user tunes glibc's allocator; when one is set,
    /// Conduit leaves the allocator as the user configured it.
    static let userSettings = ["GLIBC_TUNABLES", "MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_"]

    /// Sets the thresholds, once, at process start; false where the allocator is not glibc's, or
    /// the user tunes it (``userSettings``).
    @discardableResult
    public static func apply(environment: [String: String]) -> Bool {
        guard !userSettings.contains(where: { environment[$0] != nil }) else { return false }
        #if canImport(Glibc)
        return mallopt(M_MMAP_THRESHOLD, Int32(mapThreshold)) == 1 && mallopt(M_TRIM_THRESHOLD, Int32(trimThreshold)) == 1
        #else
        return false
        #endif
    }
}
