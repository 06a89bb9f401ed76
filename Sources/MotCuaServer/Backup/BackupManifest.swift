import Foundation
import MotCuaStore

/// Bản kê sao lưu — what a backup holds, written beside it (`sao-luu.json`) when it is taken, and what every later
/// check and restore holds it to: the database copy's size and SHA-256, its dossiers and the head of its audit chain,
/// and each kept file with its size (its name is its SHA-256). A backup folder is `motcua.sqlite`, the folder `tep/`
/// of kept files, and this.
public struct BackupManifest: Codable, Sendable, Equatable {
    public static let fileName = "sao-luu.json"
    public static let databaseName = "motcua.sqlite"
    public static let filesFolder = "tep"
    /// The layout this release writes and reads.
    public static let currentFormat = 1

    /// Một tệp lưu giữ — a kept file in the backup.
    public struct KeptFile: Codable, Sendable, Equatable {
        public let sha256: String
        public let bytes: Int
    }

    public var format = Self.currentFormat
    /// The moment the copy of the database began: it holds every write acknowledged before then.
    public var takenAt: Date
    public var databaseBytes: Int
    public var databaseSHA256: String
    public var dossiers: Int
    public var audit: AuditLog.Head
    /// Every file the database refers to that the backup holds, by SHA-256.
    public var files: [KeptFile]
    /// Files the database refers to that were missing or damaged where the server keeps them when the backup was
    /// taken: the backup cannot hold them, and says so rather than passing for whole.
    public var filesNotWhole: [String]

    /// Moments to the millisecond, in UTC (ISO 8601).
    private static let moment = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func read(from folder: URL) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { try moment.parse($0.singleValueContainer().decode(String.self)) }
        return try decoder.decode(BackupManifest.self, from: Data(contentsOf: folder.appendingPathComponent(fileName)))
    }

    func write(into folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var value = encoder.singleValueContainer()
            try value.encode(date.formatted(BackupManifest.moment))
        }
        try encoder.encode(self).write(to: folder.appendingPathComponent(Self.fileName))
    }
}
