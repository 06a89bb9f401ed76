import Foundation

/// Đối tượng JSON — the keyed container `SortedJSONEncoder` gives: each member written at once by its encoder.
struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { try encoder.member(key) { encoder.output.writeNull() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try encoder.member(key) { encoder.output.write(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { try encoder.member(key) { encoder.output.write(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { try member(key, value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try member(key, value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try member(key, value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try member(key, value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try member(key, value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try member(key, value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try member(key, value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try member(key, value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try member(key, value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try member(key, value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try member(key, value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try member(key, value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.member(key) { try encoder.output.write(value, in: encoder, key: key) }
    }

    private func member(_ key: Key, _ value: some FixedWidthInteger) throws {
        try encoder.member(key) { encoder.output.write(value) }
    }

    private func member<F: BinaryFloatingPoint & LosslessStringConvertible>(_ key: Key, _ value: F) throws {
        try encoder.member(key) { try encoder.output.write(value, in: encoder, key: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        opened(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        opened(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { opened(SuperKey.super) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { opened(key) }

    /// A container opened for `key`; when this container was already closed, one whose every write throws.
    private func opened(_ key: any CodingKey) -> ValueEncoder {
        (try? encoder.opening(key)) ?? ValueEncoder.closed(output: encoder.output, key: key)
    }
}

/// Mảng JSON — the unkeyed container `SortedJSONEncoder` gives.
struct ArrayContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.count }

    mutating func encodeNil() throws { try encoder.element { encoder.output.writeNull() } }
    mutating func encode(_ value: Bool) throws { try encoder.element { encoder.output.write(value) } }
    mutating func encode(_ value: String) throws { try encoder.element { encoder.output.write(value) } }
    mutating func encode(_ value: Double) throws { try element(value) }
    mutating func encode(_ value: Float) throws { try element(value) }
    mutating func encode(_ value: Int) throws { try element(value) }
    mutating func encode(_ value: Int8) throws { try element(value) }
    mutating func encode(_ value: Int16) throws { try element(value) }
    mutating func encode(_ value: Int32) throws { try element(value) }
    mutating func encode(_ value: Int64) throws { try element(value) }
    mutating func encode(_ value: UInt) throws { try element(value) }
    mutating func encode(_ value: UInt8) throws { try element(value) }
    mutating func encode(_ value: UInt16) throws { try element(value) }
    mutating func encode(_ value: UInt32) throws { try element(value) }
    mutating func encode(_ value: UInt64) throws { try element(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.element { try encoder.output.write(value, in: encoder, key: nil) }
    }

    private func element(_ value: some FixedWidthInteger) throws {
        try encoder.element { encoder.output.write(value) }
    }

    private func element<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) throws {
        try encoder.element { try encoder.output.write(value, in: encoder, key: nil) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        opened().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { opened().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { opened() }

    private func opened() -> ValueEncoder {
        (try? encoder.opening(nil)) ?? ValueEncoder.closed(output: encoder.output, key: nil)
    }
}

/// Một giá trị JSON — the single value container `SortedJSONEncoder` gives.
struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { try encoder.single { encoder.output.writeNull() } }
    mutating func encode(_ value: Bool) throws { try encoder.single { encoder.output.write(value) } }
    mutating func encode(_ value: String) throws { try encoder.single { encoder.output.write(value) } }
    mutating func encode(_ value: Double) throws { try number(value) }
    mutating func encode(_ value: Float) throws { try number(value) }
    mutating func encode(_ value: Int) throws { try number(value) }
    mutating func encode(_ value: Int8) throws { try number(value) }
    mutating func encode(_ value: Int16) throws { try number(value) }
    mutating func encode(_ value: Int32) throws { try number(value) }
    mutating func encode(_ value: Int64) throws { try number(value) }
    mutating func encode(_ value: UInt) throws { try number(value) }
    mutating func encode(_ value: UInt8) throws { try number(value) }
    mutating func encode(_ value: UInt16) throws { try number(value) }
    mutating func encode(_ value: UInt32) throws { try number(value) }
    mutating func encode(_ value: UInt64) throws { try number(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.single { try encoder.output.write(value, in: encoder, key: nil) }
    }

    private func number(_ value: some FixedWidthInteger) throws {
        try encoder.single { encoder.output.write(value) }
    }

    private func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) throws {
        try encoder.single { try encoder.output.write(value, in: encoder, key: nil) }
    }
}

/// The key of a `superEncoder()` without one, as Foundation names it.
enum SuperKey: String, CodingKey {
    case `super`
}
