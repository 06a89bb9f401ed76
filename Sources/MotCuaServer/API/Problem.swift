import Foundation
import Hummingbird
import MotCuaCore

/// Lỗi trả về (RFC 9457 problem+json) — every error the API gives: an HTTP status, a stable machine code, the
/// offending field where there is one, and a message in Vietnamese. Thrown anywhere in a handler.
public struct Problem: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    public let field: String?
    /// Extra members (for a 409, the dossier's current state).
    public let extra: [String: JSONValue]

    public init(_ status: HTTPResponse.Status, code: String, message: String, field: String? = nil,
                extra: [String: JSONValue] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.extra = extra
    }

    public static func invalid(_ problem: FieldProblem) -> Problem {
        Problem(.unprocessableContent, code: "invalid-field", message: problem.message, field: problem.field)
    }

    public static func invalid(field: String, _ message: String) -> Problem {
        Problem(.unprocessableContent, code: "invalid-field", message: message, field: field)
    }

    public static func notFound(_ what: String) -> Problem {
        Problem(.notFound, code: "not-found", message: "Không tìm thấy \(what).")
    }

    public static let unauthenticated = Problem(.unauthorized, code: "unauthenticated",
                                                message: "Cần đăng nhập để thực hiện thao tác này.")

    public static func forbidden(_ message: String = "Tài khoản không có quyền thực hiện thao tác này.") -> Problem {
        Problem(.forbidden, code: "forbidden", message: message)
    }

    public var body: JSONValue {
        var members: [String: JSONValue] = [
            "type": .string("https://motcua.gov.vn/problems/\(code)"),
            "title": .string(message),
            "status": .int(Int(status.code)),
            "code": .string(code),
        ]
        if let field { members["field"] = .string(field) }
        members.merge(extra) { current, _ in current }
        return .object(members)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body.encoded())))
    }
}

/// Giá trị JSON — a JSON value for bodies built by hand (problem documents, stored idempotent answers).
public indirect enum JSONValue: Sendable, Hashable, Codable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
