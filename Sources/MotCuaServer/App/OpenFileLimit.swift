#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Giới hạn tệp mở — how many files and connections the server process may hold open at once (`RLIMIT_NOFILE`).
/// Every HTTP connection, database connection and file is one; past the limit the server cannot accept anyone, and
/// answers no one. Linux starts a process with a soft limit of 1,024 (systemd's default for a service), far below
/// the hard limit it may raise it to; the server raises it at start, as Go's runtime and nginx do.
public enum OpenFileLimit {
    /// The soft and hard limits now.
    public static func current() -> (soft: UInt64, hard: UInt64) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return (0, 0) }
        return (UInt64(limit.rlim_cur), UInt64(limit.rlim_max))
    }

    /// Raises the soft limit to the hard one; the limits before and after (the same if nothing could be raised).
    @discardableResult
    public static func raiseToHard() -> (before: UInt64, after: UInt64) {
        let (soft, hard) = current()
        guard soft < hard else { return (soft, soft) }
        var raised = rlimit(rlim_cur: rlim_t(hard), rlim_max: rlim_t(hard))
        guard setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 else { return (soft, soft) }
        return (soft, hard)
    }
}
