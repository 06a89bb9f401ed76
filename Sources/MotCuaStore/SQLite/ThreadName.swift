import Foundation

/// Tên luồng — the names SQLite's writer, readers and checkpointer threads go by in `top -H`, `ps -L`, `perf` and
/// `/proc/PID/task/*/comm`, where the benchmarks look their CPU time up (Linux keeps a name's first 15 characters).
public enum ThreadName: String, Sendable {
    case writer = "motcua-writer"
    case checkpointer = "motcua-ckpt"
    case reader = "motcua-reader"

    /// Gives the calling thread this name, on Linux; a thread started from Swift's pool is otherwise shown under
    /// the pool's name. Elsewhere, nothing.
    func nameCurrentThread() {
        try? rawValue.write(toFile: "/proc/thread-self/comm", atomically: false, encoding: .utf8)
    }
}
