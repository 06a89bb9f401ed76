import Foundation

/// Bộ mã hoá JSON một lượt — writes `Encodable` values straight into bytes, exactly as Foundation's `JSONEncoder`
/// writes them with `.sortedKeys` and `.withoutEscapingSlashes` (the same bytes, tested type by type), without the
/// tree of values Foundation builds first: each object's members are written as they come and put in key order
/// when the object ends.
///
/// Dossiers are encoded on every write (their stored text) and every answer; under load Foundation's encoder was a
/// third of the writer thread's time. Values whose `encode(to:)` goes back to a container after starting another
/// one beside it cannot be written in one pass: encoding them throws instead of writing wrong JSON.
public struct SortedJSONEncoder: Sendable {
    /// How instants are written.
    public enum Dates: Sendable {
        /// Seconds since 1970 as a number (`JSONEncoder.DateEncodingStrategy.secondsSince1970`).
        case secondsSince1970
        /// As the text the function gives (`.custom` with a single string value).
        case text(@Sendable (Date) -> String)
    }

    public let dates: Dates

    public init(dates: Dates) {
        self.dates = dates
    }

    public func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try bytes(of: value))
    }

    /// The JSON of `value` as bytes.
    public func bytes<T: Encodable>(of value: T) throws -> [UInt8] {
        let output = JSONOutput(dates: dates)
        try output.write(value, in: nil, key: nil)
        return output.bytes
    }
}

/// Đầu ra JSON — the bytes written so far, and how each kind of value is written: by `SortedJSONEncoder` for
/// `Encodable` values, and by the values that write themselves (`JSONWritable`).
public final class JSONOutput {
    /// Unchecked for overlapping access: the output is written by one encoding at a time, and the dynamic check on
    /// each append cost as much as the appending.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    let dates: SortedJSONEncoder.Dates
    /// Whether the object or array being written has no member yet (`JSONWritable`'s writing; the encoder's
    /// containers keep their own count).
    var first = true

    init(dates: SortedJSONEncoder.Dates) {
        self.dates = dates
        bytes.reserveCapacity(2048)
    }

    /// Writes any value: the ones JSON has a form for directly, or whatever its `encode(to:)` writes. Known types
    /// are told apart by their metatype, which costs far less than a dynamic cast per value.
    func write<T: Encodable>(_ value: T, in parent: ValueEncoder?, key: (any CodingKey)?) throws {
        if T.self == String.self { return write(known(value, as: String.self)) }
        if T.self == Int.self { return write(known(value, as: Int.self)) }
        if T.self == Bool.self { return write(known(value, as: Bool.self)) }
        if T.self == Date.self { return try write(known(value, as: Date.self), in: parent, key: key) }
        if T.self == Double.self { return try write(known(value, as: Double.self), in: parent, key: key) }
        if T.self == URL.self { return write(known(value, as: URL.self).absoluteString) }
        if T.self == Data.self { return write(known(value, as: Data.self).base64EncodedString()) }
        if T.self == Decimal.self { return bytes.append(contentsOf: known(value, as: Decimal.self).description.utf8) }
        if let writable = value as? any JSONWritable { return try writable.writeJSON(to: self) }
        let encoder = ValueEncoder(output: self, parent: parent, key: key)
        try value.encode(to: encoder)
        try encoder.end()
    }

    func write(_ flag: Bool) {
        bytes.append(contentsOf: flag ? Self.true : Self.false)
    }

    func writeNull() {
        bytes.append(contentsOf: Self.null)
    }

    func write(_ number: some FixedWidthInteger) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var rest = number.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    /// As Foundation writes a floating-point number: its shortest exact form, without a trailing `.0`.
    func write<F: BinaryFloatingPoint & LosslessStringConvertible>(_ number: F, in parent: ValueEncoder?,
                                                                   key: (any CodingKey)?) throws {
        if let whole = Int64(exactly: number), whole.magnitude >> (F.significandBitCount + 1) == 0,
           whole != 0 || number.sign == .plus {
            // What `description` gives a whole number below 2^(significand bits + 1), less its `.0`: the digits
            // (instants in seconds). Larger ones may take an exponent, and -0 keeps its sign.
            return write(whole)
        }
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, EncodingError.Context(
                codingPath: ValueEncoder.path(of: parent, key: key),
                debugDescription: "Unable to encode \(F.self).\(number) directly in JSON."))
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    func write(_ date: Date, in parent: ValueEncoder?, key: (any CodingKey)?) throws {
        switch dates {
        case .secondsSince1970: try write(date.timeIntervalSince1970, in: parent, key: key)
        case .text(let format): write(format(date))
        }
    }

    /// A string in quotes; quote, backslash and control characters escaped as Foundation escapes them.
    func write(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        Self.appendContents(of: string, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// What goes between the quotes of a JSON string holding `string`: slashes as they are, as the API and the
    /// stored values write them, or as `\/` when `escapingSlashes`, as Foundation's encoder does by default.
    public static func escapedContents(of string: String, escapingSlashes: Bool = false) -> [UInt8] {
        var contents: [UInt8] = []
        appendContents(of: string, to: &contents, escapingSlashes: escapingSlashes)
        return contents
    }

    /// Appends `string`'s contents to `bytes` as `escapedContents` gives them.
    public static func appendContents(of string: String, to bytes: inout [UInt8], escapingSlashes: Bool = false) {
        var string = string
        string.withUTF8 { utf8 in
            var plainFrom = 0
            for (index, byte) in utf8.enumerated()
            where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (escapingSlashes && byte == UInt8(ascii: "/")) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom..<index]))
                appendEscaped(byte, to: &bytes)
                plainFrom = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom...]))
        }
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: Array("u00".utf8))
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    /// Keys in the order of their UTF-8 bytes, as Foundation sorts them.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { a in
            b.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order < 0 || (order == 0 && a.count < b.count)
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let `true` = Array("true".utf8)
    private static let `false` = Array("false".utf8)
    private static let null = Array("null".utf8)
}
