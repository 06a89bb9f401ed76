import Foundation

/// Bộ giải mã JSON — decodes `Decodable` values from JSON bytes as Foundation's `JSONDecoder` does (the same
/// values, and the same `DecodingError` cases with the same coding paths, which the API turns into errors naming
/// the field), from a `JSONTree` read in one pass with no copy of the bytes.
///
/// Every request body and every stored dossier is decoded; under intake load Foundation's decoder was a seventh
/// of the request threads' time, for a body of a few hundred bytes.
public struct TreeJSONDecoder: Sendable {
    /// How instants are read.
    public enum Dates: Sendable {
        /// A number of seconds since 1970 (`JSONDecoder.DateDecodingStrategy.secondsSince1970`).
        case secondsSince1970
        /// A string the function reads, nil when it is not an instant (`.custom` reading a single string).
        case text(@Sendable (String) -> Date?)
    }

    public let dates: Dates
    /// Whether a text holding the character U+0000 (`holdsNUL`) is refused (`TextHoldsNUL`, at the value's place).
    public let refusesNUL: Bool

    public init(dates: Dates, refusingNUL: Bool = false) {
        self.dates = dates
        refusesNUL = refusingNUL
    }

    public func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        let tree: JSONTree
        do {
            tree = try JSONTreeParser.parse(bytes.assumingMemoryBound(to: UInt8.self))
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON.",
                                                    underlyingError: error))
        }
        return try TreeDecoder(tree, options: self, parent: nil, key: nil).decode(T.self)
    }

    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { try decode(type, from: $0) }
    }

    public func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        var text = text
        return try text.withUTF8 { try decode(type, from: UnsafeRawBufferPointer($0)) }
    }
}

/// One value being decoded by `TreeJSONDecoder`: the `Decoder` its `init(from:)` is given, with where it lies.
final class TreeDecoder: Decoder {
    let value: JSONTree
    /// How instants are read and whether a text may hold U+0000: the `TreeJSONDecoder`'s, the same for every value.
    let options: TreeJSONDecoder
    private let parent: TreeDecoder?
    private let key: (any CodingKey)?

    init(_ value: JSONTree, options: TreeJSONDecoder, parent: TreeDecoder?, key: (any CodingKey)?) {
        self.value = value
        self.options = options
        self.parent = parent
        self.key = key
    }

    /// Built only when asked for (an error, or a value that wants it): most values never are.
    var codingPath: [any CodingKey] { path(to: nil) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// This value's path, then `key` under it.
    func path(to key: (any CodingKey)?) -> [any CodingKey] {
        (parent?.path(to: self.key) ?? (self.key.map { [$0] } ?? [])) + (key.map { [$0] } ?? [])
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw mismatch([String: Any].self, value, at: nil, what: "Dictionary<String, Any>")
        }
        return KeyedDecodingContainer(ObjectReader<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch([Any].self, value, at: nil, what: "Array<Any>") }
        return ArrayReader(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueReader(decoder: self) }

    /// The decoder of `value`, found under `key` of this one.
    func child(_ value: JSONTree, at key: any CodingKey) -> TreeDecoder {
        TreeDecoder(value, options: options, parent: self, key: key)
    }

    /// This value as `T`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decode(T.self, from: value, at: nil)
    }

    /// `value`, found under `key` of this one (nil: this value itself), as `T`. The types JSON holds directly, and
    /// those Foundation's decoder reads its own way (instants, URLs, Data, Decimal), are told apart by metatype.
    func decode<T: Decodable>(_ type: T.Type, from value: JSONTree, at key: (any CodingKey)?) throws -> T {
        if T.self == String.self { return known(try string(value, at: key), as: T.self) }
        if T.self == Int.self { return known(try integer(value, as: Int.self, at: key), as: T.self) }
        if T.self == Bool.self { return known(try bool(value, at: key), as: T.self) }
        if T.self == Double.self { return known(try floatingPoint(value, as: Double.self, at: key), as: T.self) }
        if T.self == Date.self { return known(try date(value, at: key), as: T.self) }
        if T.self == URL.self { return known(try url(value, at: key), as: T.self) }
        if T.self == Data.self { return known(try data(value, at: key), as: T.self) }
        if T.self == Decimal.self { return known(try decimal(value, at: key), as: T.self) }
        return try T(from: key.map { child(value, at: $0) } ?? self)
    }

    func string(_ value: JSONTree, at key: (any CodingKey)?) throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self, value, at: key) }
        if options.refusesNUL, text.holdsNUL {
            throw DecodingError.dataCorrupted(.init(codingPath: path(to: key), debugDescription: "A text holds U+0000.",
                                                    underlyingError: TextHoldsNUL()))
        }
        return text
    }

    func bool(_ value: JSONTree, at key: (any CodingKey)?) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self, value, at: key) }
        return flag
    }

    /// An integer written as one, or as a number with a fraction or exponent whose value is a whole number
    /// `T` holds (`1e3`, `2.0`), as Foundation reads them.
    func integer<T: FixedWidthInteger>(_ value: JSONTree, as type: T.Type, at key: (any CodingKey)?) throws -> T {
        guard case .number(let literal) = value else { throw mismatch(T.self, value, at: key) }
        if let number = Self.plainInteger(literal, as: T.self) { return number }
        guard let real = Double(literal), real.rounded(.towardZero) == real, let number = T(exactly: real) else {
            throw corrupted("Number \(literal) is not representable in Swift.", at: key)
        }
        return number
    }

    /// A literal with no fraction or exponent (every count and code in our JSON) read digit by digit into `T`; nil
    /// for any other, or one `T` cannot hold.
    static func plainInteger<T: FixedWidthInteger>(_ literal: String, as type: T.Type) -> T? {
        var literal = literal
        return literal.withUTF8 { bytes -> T? in
            let negative = bytes.first == UInt8(ascii: "-")
            guard bytes.count > (negative ? 1 : 0) else { return nil }
            var value: T = 0
            for byte in bytes.dropFirst(negative ? 1 : 0) {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                let (tens, overflowTimes) = value.multipliedReportingOverflow(by: 10)
                let digit = T(byte - UInt8(ascii: "0"))
                let (next, overflowPlus) = negative ? tens.subtractingReportingOverflow(digit) : tens.addingReportingOverflow(digit)
                guard !overflowTimes, !overflowPlus else { return nil }
                value = next
            }
            return value
        }
    }

    /// The nearest `F` to the number; one too large for `F`, or too small to be told from zero, does not fit.
    func floatingPoint<F: BinaryFloatingPoint>(_ value: JSONTree, as type: F.Type, at key: (any CodingKey)?) throws -> F {
        guard case .number(let literal) = value else { throw mismatch(F.self, value, at: key) }
        guard let real = Double(literal), case let number = F(real), number.isFinite, number != 0 || real == 0 else {
            throw corrupted("Number \(literal) does not fit in \(F.self).", at: key)
        }
        return number
    }

    private func date(_ value: JSONTree, at key: (any CodingKey)?) throws -> Date {
        switch options.dates {
        case .secondsSince1970:
            return Date(timeIntervalSince1970: try floatingPoint(value, as: Double.self, at: key))
        case .text(let read):
            guard let date = read(try string(value, at: key)) else { throw corrupted("Thời điểm không hợp lệ", at: key) }
            return date
        }
    }

    private func url(_ value: JSONTree, at key: (any CodingKey)?) throws -> URL {
        guard let url = URL(string: try string(value, at: key)) else { throw corrupted("Invalid URL string.", at: key) }
        return url
    }

    private func data(_ value: JSONTree, at key: (any CodingKey)?) throws -> Data {
        guard let data = Data(base64Encoded: try string(value, at: key)) else {
            throw corrupted("Encountered Data is not valid Base64.", at: key)
        }
        return data
    }

    private func decimal(_ value: JSONTree, at key: (any CodingKey)?) throws -> Decimal {
        guard case .number(let literal) = value else { throw mismatch(Decimal.self, value, at: key) }
        guard let number = Decimal(string: literal, locale: nil) else {
            throw corrupted("Number \(literal) is not representable in Swift.", at: key)
        }
        return number
    }

    /// The value under `key` is not a `T`: null is a value not found, anything else a type mismatch.
    func mismatch(_ type: Any.Type, _ value: JSONTree, at key: (any CodingKey)?, what: String? = nil) -> DecodingError {
        let name = what ?? "\(type)"
        if case .null = value {
            return .valueNotFound(type, .init(codingPath: path(to: key),
                                              debugDescription: "Cannot get value of type \(name) -- found null value instead"))
        }
        return .typeMismatch(type, .init(codingPath: path(to: key),
                                         debugDescription: "Expected to decode \(name) but found \(value.kindName) instead."))
    }

    func corrupted(_ description: String, at key: (any CodingKey)?) -> DecodingError {
        .dataCorrupted(.init(codingPath: path(to: key), debugDescription: description))
    }
}

/// Ký tự NUL — a text decoded by a `TreeJSONDecoder` that refuses it holds the character U+0000 (the underlying
/// error of the `DecodingError` at its place).
public struct TextHoldsNUL: Error, Sendable {}
