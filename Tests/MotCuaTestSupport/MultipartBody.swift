import Foundation

/// Corps multipart — a multipart/form-data body of text fields and files, as a browser posts a form with uploads.
public enum MultipartBody {
    public static let boundary = "----motcua-test-boundary"
    public static let contentType = "multipart/form-data; boundary=\(boundary)"

    public static func encode(_ fields: [String: String], files: [String: (String, [UInt8])] = [:]) -> Data {
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, (fileName, bytes)) in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += Data(bytes) + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return body
    }
}
