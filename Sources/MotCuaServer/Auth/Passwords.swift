import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// Mật khẩu — how officer passwords are stored: bcrypt, with one work factor for every account.
///
/// bcrypt is slow on purpose (a tenth of a second of a core at the default factor), so it runs on threads of its own,
/// half the cores (one at least), never on Swift's shared pool: that pool has one thread per core and every request
/// needs it, and officers signing in at once (eight in the morning) held it for a tenth of a second each, every other
/// request waiting behind them. Here they take at most that share of the machine, and wait their turn for it.
public enum Passwords {
    /// bcrypt's work factor (2^10 rounds, about 0.1 s on one core of the reference machine).
    public static let cost: UInt8 = 10

    private static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount / 2))
        pool.start()
        return pool
    }()

    public static func hash(_ password: String, cost: UInt8 = Passwords.cost) async throws -> String {
        try await threads.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public static func verify(_ password: String, hash: String) async throws -> Bool {
        try await threads.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
