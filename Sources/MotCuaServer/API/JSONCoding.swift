import Foundation
import Hummingbird
import MotCuaCore

/// Cách mã hoá JSON của API — instants as ISO 8601 with Vietnam's offset (`2026-02-25T10:00:00+07:00`),
/// sorted keys; bodies read strictly, with a size limit, and every decoding failure turned into a 4xx problem
/// naming the field.
public enum APICoding {
    /// The largest request body read (1 MiB); a larger one gets 413.
    public static let maxBodyBytes = 1 << 20

    /// `2026-02-25T10:00:00+07:00`: the local time in Vietnam (UTC+7 all year, no daylight saving), whole seconds.
    /// Written by hand: a formatter object costs more than the rest of a dossier's JSON.
    public static func format(_ date: Date) -> String {
        let (day, second) = WorkingCalendar.local(date)
        var text: [UInt8] = []
        text.reserveCapacity(25)
        day.appendISO(to: &text)
        text.append(UInt8(ascii: "T"))
        CivilDate.appendPadded(second / 3600, 2, to: &text)
        text.append(UInt8(ascii: ":"))
        CivilDate.appendPadded(second / 60 % 60, 2, to: &text)
        text.append(UInt8(ascii: ":"))
        CivilDate.appendPadded(second % 60, 2, to: &text)
        text.append(contentsOf: "+07:00".utf8)
        return String(decoding: text, as: UTF8.self)
    }

    /// Reads an ISO 8601 instant with an offset; a day or a time that does not exist (30 February, 24:00) is
    /// refused rather than rolled over to another day.
    public static func parse(_ text: String) -> Date? {
        let characters = Array(text)
        guard characters.count >= 20, characters[10] == "T", CivilDate(iso: String(characters[0..<10])) != nil,
              isClockTime(String(characters[11..<19])) else { return nil }
        return formatter.date(from: text) ?? fractionalFormatter.date(from: text)
    }

    /// `HH:mm:ss` with hours 00–23 and minutes and seconds 00–59.
    static func isClockTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ $0.count == 2 }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), let second = Int(parts[2]) else { return false }
        return (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
    }

    nonisolated(unsafe) private static let formatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()

    nonisolated(unsafe) private static let fractionalFormatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    /// Sorted keys, unescaped slashes, instants as `format` writes them.
    public static let encoder = SortedJSONEncoder(dates: .text(format))

    /// Instants as `parse` reads them; one that is not, or a text holding U+0000, gets an error naming its field.
    public static let decoder = TreeJSONDecoder(dates: .text(parse), refusingNUL: true)

    /// Reads and decodes a request body, or throws a problem naming what is wrong.
    public static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        try decode(type, from: try await body(of: request))
    }

    /// The request body, or 413 past the limit.
    public static func body(of request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: maxBodyBytes)
        } catch {
            throw Problem(.contentTooLarge, code: "body-too-large",
                          message: "Nội dung gửi lên vượt quá \(maxBodyBytes / 1024) KB.")
        }
    }

    /// Decodes a body already read.
    public static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        do {
            return try buffer.withUnsafeReadableBytes { try decoder.decode(T.self, from: $0) }
        } catch let error as DecodingError {
            throw problem(for: error)
        } catch {
            throw Problem(.badRequest, code: "invalid-json", message: "Nội dung gửi lên không phải JSON hợp lệ.")
        }
    }

    static func problem(for error: DecodingError) -> Problem {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return Problem.invalid(field: field, "Thiếu trường bắt buộc \"\(field)\".")
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return Problem(.badRequest, code: "invalid-json", message: "Nội dung gửi lên phải là một đối tượng JSON.")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return Problem.invalid(field: field, "Trường \"\(field)\" sai kiểu dữ liệu.")
        case .dataCorrupted(let context) where context.underlyingError is TextHoldsNUL:
            return Problem.holdingNUL(field: path(context.codingPath))
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            let field = path(context.codingPath)
            return Problem.invalid(field: field, "Giá trị của trường \"\(field)\" không hợp lệ.")
        default:
            return Problem(.badRequest, code: "invalid-json", message: "Nội dung gửi lên không phải JSON hợp lệ.")
        }
    }

    /// A JSON response.
    public static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return jsonResponse(data, status: status)
    }

    static func jsonResponse(_ data: Data, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
