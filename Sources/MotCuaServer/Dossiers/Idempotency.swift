import Foundation
import HTTPTypes
import Hummingbird
import MotCuaStore
import SQLKit

/// Thực hiện một lần — runs a state-changing request in one transaction and, when it carries an
/// `Idempotency-Key`, stores its answer there too: a retry with the same key and body gets the same answer and
/// changes nothing; the same key with another body is refused.
struct Idempotency {
    let database: Database
    let now: @Sendable () -> Date

    static let maxKeyLength = 200
    static let header = HTTPField.Name("Idempotency-Key")!

    func run(request: Request, body: ByteBuffer, username: String,
             _ work: @escaping @Sendable (any SQLDatabase) async throws -> (HTTPResponse.Status, Data)) async throws -> Response {
        let key = request.headers[Self.header]
        if let key, key.isEmpty || key.count > Self.maxKeyLength {
            throw Problem.invalid(field: "Idempotency-Key", "Khoá Idempotency-Key phải có từ 1 đến \(Self.maxKeyLength) ký tự.")
        }
        // Only a request that can be retried is fingerprinted: the hash costs a JSON round trip.
        let requestHash = key.map { _ in SHA256Hex.of(Data("\(request.method) \(request.uri.path)\n".utf8) + Self.canonical(body)) }
        let now = now()
        let (status, data) = try await database.write { db -> (HTTPResponse.Status, Data) in
            if let key, let requestHash, let earlier = try await IdempotencyStore.recorded(username: username, key: key, in: db) {
                guard earlier.requestHash == requestHash else {
                    throw Problem(.unprocessableContent, code: "idempotency-key-reused", message:
                        "Khoá Idempotency-Key này đã dùng cho một yêu cầu khác.", field: "Idempotency-Key")
                }
                return (HTTPResponse.Status(code: earlier.status), Data(earlier.response.utf8))
            }
            let (status, data) = try await work(db)
            if let key, let requestHash {
                try await IdempotencyStore.record(username: username, key: key, requestHash: requestHash,
                                                  status: Int(status.code), response: String(decoding: data, as: UTF8.self),
                                                  now: now, in: db)
            }
            return (status, data)
        }
        return APICoding.jsonResponse(data, status: status)
    }

    /// The body with its keys sorted and its spacing normalised, so a client that serialises the same request
    /// again (in another key order) is recognised as retrying.
    static func canonical(_ body: ByteBuffer) -> Data {
        let bytes = Data(buffer: body)
        return (try? JSONDecoder().decode(JSONValue.self, from: bytes))?.encoded() ?? bytes
    }
}
