/// Tệp đính kèm trực tuyến — what a citizen may attach to an online filing: a PDF, JPEG or PNG, recognised by its
/// first bytes rather than its name, of at most 10 MiB, not empty.
public enum UploadRules {
    /// The kinds of file accepted.
    public enum MediaType: String, Sendable, Codable {
        case pdf = "application/pdf"
        case jpeg = "image/jpeg"
        case png = "image/png"
    }

    public static let maxBytes = 10 * 1024 * 1024

    /// The kind of file the bytes begin like; nil for anything else.
    public static func mediaType(of bytes: [UInt8]) -> MediaType? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }

    /// Why the file cannot be attached as `field`, or nil when it can.
    public static func problem(field: String, fileName: String, bytes: [UInt8]) -> FieldProblem? {
        if bytes.isEmpty { return FieldProblem(field: field, message: "Tệp \"\(fileName)\" trống.") }
        if bytes.count > maxBytes {
            return FieldProblem(field: field, message: "Tệp \"\(fileName)\" lớn hơn \(maxBytes / 1024 / 1024) MB; hãy quét lại với độ phân giải thấp hơn.")
        }
        if mediaType(of: bytes) == nil {
            return FieldProblem(field: field, message: "Tệp \"\(fileName)\" không phải PDF, JPEG hoặc PNG.")
        }
        return nil
    }
}

/// Tệp đã đính kèm — one file a citizen attached for one document of the procedure, kept under its SHA-256.
public struct AttachedFile: Hashable, Sendable, Codable {
    /// The document of the procedure it is for (its position in the procedure's list).
    public let documentIndex: Int
    public let documentName: String
    public let fileName: String
    public let mediaType: UploadRules.MediaType
    public let size: Int
    public let sha256: String

    public init(documentIndex: Int, documentName: String, fileName: String, mediaType: UploadRules.MediaType, size: Int,
                sha256: String) {
        self.documentIndex = documentIndex
        self.documentName = documentName
        self.fileName = fileName
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
    }
}
