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
        try await run(request: request, body: body, username: username, writing: database.write) { db, record in
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
        try await run(request: request, body: body, username: username, writing: database.writeAsOneStatement, work)
    }

    /// As `run(recordingWith:)`, for work whose statement writes the key's record whatever else it finds (an intake:
    /// a new dossier, not a change that may find its dossier moved). On PostgreSQL the key is then not looked up
    /// first: a key used before stops the statement at its unique index, which undoes all of it, and the answer is
    /// looked up after that failure, as for copies sent at once — one round trip fewer for every new request. On
    /// SQLite it is looked up first, on the writer: a write failing after others in its batch would have the batch
    /// run again.
    func run(request: Request, body: ByteBuffer, username: String, alwaysRecordingWith work: @escaping Work) async throws -> Response {
        try await run(request: request, body: body, username: username, writing: database.writeAsOneStatement,
                      lookingUpFirst: database.engine == .sqlite, work)
    }

    private func run(request: Request, body: ByteBuffer, username: String,
                     writing: (@escaping @Sendable (any SQLDatabase) async throws -> Answer) async throws -> Answer,
                     lookingUpFirst: Bool = true, _ work: @escaping Work) async throws -> Response {
        let key = request.headers[Self.header]
        if let key, key.isEmpty || key.hasMoreCharacters(than: Self.maxKeyLength) {
            throw Problem.invalid(field: "Idempotency-Key", "Khoá Idempotency-Key phải có từ 1 đến \(Self.maxKeyLength) ký tự.")
        }
        let record = key.map {
            KeyRecord(username: username, key: $0, sent: SentRequest(method: request.method.rawValue, path: request.uri.path, body: body),
                      at: now())
        }
        let (status, data): Answer
        do {
            (status, data) = try await writing { db -> Answer in
                if lookingUpFirst, let record,
                   let earlier = try await IdempotencyStore.recorded(username: username, key: record.key, in: db) {
                    return try Self.answer(to: record, from: earlier)
                }
                return try await work(db, record)
            }
        } catch {
            // A copy of this request sent at the same moment (a double click, a client's eager retry) answered first.
            guard let record else { throw error }
            let earlier = try await IdempotencyStore.answer(after: error, username: username, key: record.key, in: database)
            (status, data) = try Self.answer(to: record, from: earlier)
        }
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
