import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
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

    /// A request's answer: its status and JSON body.
    typealias Answer = (HTTPResponse.Status, Data)
    /// What a request's work is given and gives back: the transaction (or, on PostgreSQL, the connection of a
    /// single statement), the key's record to write (nil without a key), and the answer.
    typealias Work = @Sendable (any SQLDatabase, KeyRecord?) async throws -> Answer

    func run(request: Request, body: ByteBuffer, username: String,
             _ work: @escaping @Sendable (any SQLDatabase) async throws -> Answer) async throws -> Response {
        try await run(request: request, body: body, username: username, .inTransaction) { db, record in
            let (status, data) = try await work(db)
            if let record { try await db.run(record.row(status: status, response: String(decoding: data, as: UTF8.self)).statement) }
            return (status, data)
        }
    }

    /// As `run`, for work whose writes, the key's record among them, are one statement on PostgreSQL (as
    /// `DossierStore.receive` and `DossierStore.save` make them): `work` is given the record (nil without a key) and
    /// must write it in that statement, which is then its own transaction (`Database.writeAsOneStatement`: no BEGIN
    /// and COMMIT).
    func run(request: Request, body: ByteBuffer, username: String, recordingWith work: @escaping Work) async throws -> Response {
        try await run(request: request, body: body, username: username, .asOneStatement, work)
    }

    /// As `run(recordingWith:)`, for work whose statement writes the key's record whatever else it finds (an intake:
    /// a new dossier, not a change that may find its dossier moved), so that PostgreSQL need not be asked for the key
    /// first (`IdempotencyStore.Writes.asOneStatementAlwaysWritingTheKey`).
    func run(request: Request, body: ByteBuffer, username: String, alwaysRecordingWith work: @escaping Work) async throws -> Response {
        try await run(request: request, body: body, username: username, .asOneStatementAlwaysWritingTheKey, work)
    }

    private func run(request: Request, body: ByteBuffer, username: String, _ writes: IdempotencyStore.Writes,
                     _ work: @escaping Work) async throws -> Response {
        let key = request.headers[Self.header]
        if let key, key.isEmpty || key.hasMoreCharacters(than: Self.maxKeyLength) {
            throw Problem.invalid(field: "Idempotency-Key", "Khoá Idempotency-Key phải có từ 1 đến \(Self.maxKeyLength) ký tự.")
        }
        let record = key.map {
            KeyRecord(username: username, key: $0, sent: SentRequest(method: request.method.rawValue, path: request.uri.path, body: body),
                      at: now())
        }
        guard let record else {
            let (status, data) = try await writes.run(in: database) { db in try await work(db, nil) }
            return APICoding.jsonResponse(data, status: status)
        }
        let (status, data) = try await IdempotencyStore.once(
            username: username, key: record.key, in: database, writes,
            earlier: { try Self.answer(to: record, from: $0) }) { db in try await work(db, record) }
        return APICoding.jsonResponse(data, status: status)
    }

    /// The answer to a request whose key has one already: that answer if the request is a retry, else a refusal.
    private static func answer(to record: KeyRecord, from earlier: IdempotencyStore.Recorded) throws -> Answer {
        guard record.sent.isRetry(of: earlier) else {
            throw Problem(.unprocessableContent, code: "idempotency-key-reused", message:
                "Khoá Idempotency-Key này đã dùng cho một yêu cầu khác.", field: "Idempotency-Key")
        }
        return (HTTPResponse.Status(code: earlier.status), Data(earlier.response.utf8))
    }

    /// Bản ghi khoá — the answer to a request that carried a key, to keep in the request's own transaction.
    struct KeyRecord: Sendable {
        let username: String
        let key: String
        let sent: SentRequest
        let at: Date

        /// Its row: to run, or to write together with others.
        func row(status: HTTPResponse.Status, response: String) -> RowInsert {
            IdempotencyStore.recording(username: username, key: key, requestHash: sent.hash, request: sent.text,
                                       status: Int(status.code), response: response, now: at)
        }
    }

    /// Yêu cầu như đã gửi — a request that carried a key: its method, path and body exactly as sent, and their
    /// SHA-256. A retry is usually the same bytes (one hash compared); a client that serialises the same request
    /// again in another key order or spacing is recognised by comparing both bodies with sorted keys, which costs a
    /// JSON round trip each and is only needed then.
    struct SentRequest {
        let text: String
        let hash: String

        init(method: String, path: String, body: ByteBuffer) {
            text = "\(method) \(path)\n" + String(buffer: body)
            hash = SHA256Hex.of(utf8: text)
        }

        func isRetry(of earlier: IdempotencyStore.Recorded) -> Bool {
            if earlier.requestHash == hash { return true }
            guard let earlierText = earlier.request else {
                // Stored before requests were kept as sent: its hash is of the line and the canonical body.
                return earlier.requestHash == SHA256Hex.of(Self.canonical(text))
            }
            return Self.canonical(earlierText) == Self.canonical(text)
        }

        /// The request line, then the body with its keys sorted and its spacing normalised.
        static func canonical(_ text: String) -> Data {
            let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let body = Data((parts.count > 1 ? parts[1] : "").utf8)
            let canonicalBody = (try? APICoding.decoder.decode(JSONValue.self, from: body))?.encoded() ?? body
            return Data("\(parts[0])\n".utf8) + canonicalBody
        }
    }
}
