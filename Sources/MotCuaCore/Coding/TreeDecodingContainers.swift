import Foundation

/// Đọc đối tượng JSON — the keyed container `TreeJSONDecoder` gives: members found by key (the first one written,
/// when a key is written twice, as Foundation's decoder reads it), each decoded as asked.
struct ObjectReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TreeDecoder
    let members: [JSONMember]

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { member(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard case .null = try value(key) else { return false }
        return true
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(try value(key), at: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(try value(key), at: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try real(key, Double.self) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try real(key, Float.self) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(key, Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(key, Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(key, Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(key, Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(key, Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(key, UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(key, UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(key, UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(key, UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(key, UInt64.self) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.decode(T.self, from: try value(key), at: key)
    }

    /// One look-up instead of the three of the protocol's default (contains, null, decode).
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = member(key), !value.isNull else { return nil }
        return try decoder.decode(T.self, from: value, at: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        decoder.child(member(SuperKey.super) ?? .null, at: SuperKey.super)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.child(member(key) ?? .null, at: key)
    }

    private func member(_ key: any CodingKey) -> JSONTree? {
        let name = key.stringValue
        return members.first { $0.key == name }?.value
    }

    private func value(_ key: Key) throws -> JSONTree {
        guard let value = member(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: decoder.codingPath,
                                                       debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return value
    }

    private func child(_ key: Key) throws -> TreeDecoder {
        decoder.child(try value(key), at: key)
    }

    private func integer<T: FixedWidthInteger>(_ key: Key, _ type: T.Type) throws -> T {
        try decoder.integer(try value(key), as: T.self, at: key)
    }

    private func real<F: BinaryFloatingPoint>(_ key: Key, _ type: F.Type) throws -> F {
        try decoder.floatingPoint(try value(key), as: F.self, at: key)
    }
}

/// Đọc mảng JSON — the unkeyed container `TreeJSONDecoder` gives: the elements in order, each decoded once.
struct ArrayReader: UnkeyedDecodingContainer {
    let decoder: TreeDecoder
    let elements: [JSONTree]
    private(set) var currentIndex = 0

    init(decoder: TreeDecoder, elements: [JSONTree]) {
        self.decoder = decoder
        self.elements = elements
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func decodeNil() throws -> Bool {
        guard case .null = try next(Never?.self) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try take { try $0.bool($1, at: $2) } }
    mutating func decode(_ type: String.Type) throws -> String { try take { try $0.string($1, at: $2) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try take { try $0.floatingPoint($1, as: Double.self, at: $2) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try take { try $0.floatingPoint($1, as: Float.self, at: $2) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(Int64.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(UInt64.self) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try take { try $0.decode(T.self, from: $1, at: $2) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try take { try $0.child($1, at: $2).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try take { try $0.child($1, at: $2).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try take { $0.child($1, at: $2) }
    }

    /// Decodes the next element and moves past it only if that worked, as Foundation's container does.
    private mutating func take<T>(_ read: (TreeDecoder, JSONTree, IndexKey) throws -> T) throws -> T {
        let value = try read(decoder, try next(T.self), IndexKey(currentIndex))
        currentIndex += 1
        return value
    }

    private func next(_ type: Any.Type) throws -> JSONTree {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: decoder.path(to: IndexKey(currentIndex)),
                                                          debugDescription: "Unkeyed container is at end."))
        }
        return elements[currentIndex]
    }

    private mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        try take { try $0.integer($1, as: T.self, at: $2) }
    }
}

/// Đọc một giá trị — the single-value container `TreeJSONDecoder` gives: the decoder's own value.
struct SingleValueReader: SingleValueDecodingContainer {
    let decoder: TreeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(decoder.value, at: nil) }
    func decode(_ type: String.Type) throws -> String { try decoder.string(decoder.value, at: nil) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.floatingPoint(decoder.value, as: Double.self, at: nil) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.floatingPoint(decoder.value, as: Float.self, at: nil) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(decoder.value, as: Int.self, at: nil) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(decoder.value, as: Int8.self, at: nil) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(decoder.value, as: Int16.self, at: nil) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(decoder.value, as: Int32.self, at: nil) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(decoder.value, as: Int64.self, at: nil) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(decoder.value, as: UInt.self, at: nil) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(decoder.value, as: UInt8.self, at: nil) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(decoder.value, as: UInt16.self, at: nil) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(decoder.value, as: UInt32.self, at: nil) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(decoder.value, as: UInt64.self, at: nil) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(T.self) }
}

/// Vị trí trong mảng — an array element's place in a coding path (`[2]` in an error naming the field).
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
