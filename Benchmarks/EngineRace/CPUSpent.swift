import Foundation
import MotCuaStore

/// Thời gian CPU đã dùng — the CPU time (user and system) this process and its SQLite writer's thread
/// (`ThreadName.writer`) had spent at one moment, read from /proc (Linux). The writer's time per write is what one
/// server's writes cost on its busiest thread, and it moves far less with the machine's phase than a throughput.
struct CPUSpent {
    let process: Double
    let writer: Double

    static func now() -> CPUSpent {
        var writer = 0.0
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        for task in tasks where (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) == ThreadName.writer.rawValue {
            writer += seconds(statPath: "/proc/self/task/\(task)/stat")
        }
        return CPUSpent(process: seconds(statPath: "/proc/self/stat"), writer: writer)
    }

    /// Microseconds of each kind per write since `earlier`.
    func microseconds(perWrite writes: Int, since earlier: CPUSpent) -> (process: Double, writer: Double) {
        let scale = 1e6 / Double(max(writes, 1))
        return ((process - earlier.process) * scale, (writer - earlier.writer) * scale)
    }

    /// User and system time of a /proc `stat` file, in seconds (fields 14 and 15, counted after the command name,
    /// which may hold spaces, closes with the last parenthesis).
    private static func seconds(statPath: String) -> Double {
        guard let stat = try? String(contentsOfFile: statPath, encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
