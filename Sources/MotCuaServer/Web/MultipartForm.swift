import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Biểu mẫu có tệp — a posted multipart/form-data form: its text fields and its files, read whole (at most
/// `maxBytes`; each file is checked by `UploadRules` after).
struct MultipartForm {
    /// One uploaded file as the browser sent it.
    struct File {
        let fileName: String
        let bytes: [UInt8]
    }

    private(set) var fields: [String: String] = [:]
    private(set) var files: [String: File] = [:]

    /// Room for the files of a whole dossier.
    static let maxBytes = 60 * 1024 * 1024

    static func read(_ request: Request) async throws -> MultipartForm {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
              let boundary = type.components(separatedBy: "boundary=").last?.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")),
              !boundary.isEmpty else {
            throw HTTPError(.badRequest, message: "Biểu mẫu cần gửi dạng multipart/form-data.")
        }
        let body = try await request.body.collect(upTo: maxBytes)
        let form = try parse(body, boundary: boundary)
        try form.textFields.refuseNUL()
        return form
    }

    static func parse(_ body: ByteBuffer, boundary: String) throws -> MultipartForm {
        var form = MultipartForm()
        let parser = MultipartParser(boundary: boundary)
        var headers: [String: String] = [:]
        var data: [UInt8] = []
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in data += chunk.readableBytesView }
        parser.onPartComplete = {
            let disposition = headers["content-disposition"] ?? ""
            if let name = Self.parameter("name", in: disposition) {
                if let fileName = Self.parameter("filename", in: disposition) {
                    if !fileName.isEmpty || !data.isEmpty { form.files[name] = File(fileName: fileName, bytes: data) }
                } else {
                    form.fields[name] = String(decoding: data, as: UTF8.self).trimmed
                }
            }
            headers = [:]
            data = []
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "Biểu mẫu gửi lên không đọc được.")
        }
        return form
    }

    /// `name="…"` in a Content-Disposition header.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    subscript(_ name: String) -> String { fields[name] ?? "" }

    /// The text fields, read like an urlencoded form's.
    var textFields: FormFields { FormFields(values: fields) }
}
