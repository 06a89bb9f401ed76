import AsyncKit
import Foundation
import NIOCore
import NIOPosix
import PostgresNIO
import VaporCSQLite

/// Cơ sở dữ liệu gián đoạn — errors that say the database cannot be reached or cannot take work just now (PostgreSQL
/// down, restarting, refusing connections or not answering in time; SQLite's file locked past the wait, its disk full
/// or failing; the disk under the kept files refusing one, `DiskRefused`), as against errors of the request itself. The server answers these 503 with a time to retry instead of
/// 500: the request may well succeed in a moment, and one sent again with the same Idempotency-Key is never applied
/// twice.
public enum DatabaseOutage {
    /// Whether `error` is one of these.
    public static func isOutage(_ error: any Error) -> Bool {
        switch error {
        case let error as PSQLError: isOutage(error)
        case let error as ConnectionPoolTimeoutError: error == .connectionRequestTimeout
        case let error as ConnectionPoolError: error == .shutdown
        case is NIOConnectionError: true
        case let error as ChannelError: isOutage(error)
        case let error as IOError: unreachable.contains(error.errnoCode)
        case let error as DirectSQLiteError: sqliteOutages.contains(error.status & 0xff)
        case is TransactionEnded, is DatabaseDidNotAnswer, is DiskRefused: true
        default: false
        }
    }

    /// PostgreSQL's own codes for a server that cannot serve (SQLSTATE classes 08 and 53, and 57P01–57P03: shut
    /// down by an administrator, crashed, or still starting).
    private static func isOutage(_ error: PSQLError) -> Bool {
        if [.connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed].contains(error.code) {
            return true
        }
        guard error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
        return state.hasPrefix("08") || state.hasPrefix("53") || ["57P01", "57P02", "57P03"].contains(state)
    }

    /// A connection to the database closed under the request, or not made in time.
    private static func isOutage(_ error: ChannelError) -> Bool {
        switch error {
        case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .connectTimeout: true
        default: false
        }
    }

    /// A connection refused, reset or timed out.
    private static let unreachable: Set<Int32> = [ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, EHOSTUNREACH, ENETUNREACH]

    /// SQLite's primary codes for a file it cannot use just now: busy or locked past the wait, an I/O error, a
    /// full disk, a file it cannot open.
    private static let sqliteOutages: Set<Int32> = [SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN]
}
