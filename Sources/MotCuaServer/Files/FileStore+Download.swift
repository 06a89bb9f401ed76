import Foundation
import Hummingbird
import MotCuaCore

/// Tải tệp về — a kept file sent to a browser as a download, for the pages that have checked who may have it.
extension FileStore {
    /// The file's bytes, checked against its checksum, as a download.
    func download(_ file: AttachedFile?, name: String) async throws -> Response {
        guard let file else { throw Problem.notFound("tệp này trong hồ sơ") }
        guard let bytes = try await bytes(sha256: file.sha256) else {
            throw Problem(.internalServerError, code: "file-damaged", message: "Tệp không còn nguyên vẹn trong kho; báo quản trị hệ thống.")
        }
        var headers = HTTPFields()
        headers[.contentType] = file.mediaType.rawValue
        headers[.contentDisposition] = "attachment; filename=\"\(name).\(Self.fileExtension(file.mediaType))\""
        headers[.cacheControl] = "private, no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func fileExtension(_ type: UploadRules.MediaType) -> String {
        switch type {
        case .pdf: "pdf"
        case .jpeg: "jpg"
        case .png: "png"
        }
    }
}
