import Foundation

/// One value being written by `SortedJSONEncoder`: the `Encoder` its `encode(to:)` is given, and the state of the
/// object, array or single value it opened at the output's current end.
///
/// A container opened beside the value's own (`nestedContainer`, `superEncoder`) writes at the output's end too, so
/// it is closed as soon as its parent writes anything else; writing into it after that throws.
final class ValueEncoder: Encoder {
    /// What the value has opened.
    private enum Form {
        case nothing
        /// `{`, with each member's key and where its `"key":value` lies, to be put in key order at the end.
        case object(members: [Member])
        case array(count: Int)
        case single(written: Bool)
    }

    private struct Member {
        let key: String
        let range: Range<Int>
    }

    let output: JSONOutput
    private let parent: ValueEncoder?
    private let key: (any CodingKey)?
    private var form = Form.nothing
    private var ended = false
    /// A container opened beside this one, with where its member began; closed before this one writes again.
    private var opened: (encoder: ValueEncoder, key: String?, start: Int)?

    init(output: JSONOutput, parent: ValueEncoder?, key: (any CodingKey)?) {
        self.output = output
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] { Self.path(of: parent, key: key) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func path(of parent: ValueEncoder?, key: (any CodingKey)?) -> [any CodingKey] {
        (parent?.codingPath ?? []) + (key.map { [$0] } ?? [])
    }

    /// An encoder whose writes all throw: what a closed container hands out for a container opened in it.
    static func closed(output: JSONOutput, key: (any CodingKey)?) -> ValueEncoder {
        let encoder = ValueEncoder(output: output, parent: nil, key: key)
        encoder.ended = true
        return encoder
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        switch form {
        case .nothing where ended: break
        case .nothing:
            output.bytes.append(UInt8(ascii: "{"))
            form = .object(members: [])
        case .object: break
        case .array, .single: preconditionFailure("\(codingPath): a keyed container asked of a value that began another kind")
        }
        return KeyedEncodingContainer(ObjectContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        switch form {
        case .nothing where ended: break
        case .nothing:
            output.bytes.append(UInt8(ascii: "["))
            form = .array(count: 0)
        case .array: break
        case .object, .single: preconditionFailure("\(codingPath): an unkeyed container asked of a value that began another kind")
        }
        return ArrayContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        if case .nothing = form { form = .single(written: false) }
        return SingleContainer(encoder: self)
    }

    /// Writes one member of the object: its key, then what `value` writes.
    func member(_ key: any CodingKey, _ value: () throws -> Void) throws {
        let start = try beginMember(key.stringValue)
        try value()
        endMember(key.stringValue, from: start)
    }

    /// Writes one element of the array.
    func element(_ value: () throws -> Void) throws {
        try beginElement()
        try value()
    }

    /// Writes the single value.
    func single(_ value: () throws -> Void) throws {
        try checkOpen()
        guard case .single(written: false) = form else {
            throw misuse("a single value written twice, or where another kind of container began")
        }
        form = .single(written: true)
        try value()
    }

    /// A container for `key` (nil: the array's next element) opened at the output's end.
    func opening(_ key: (any CodingKey)?) throws -> ValueEncoder {
        let start: Int
        if let key { start = try beginMember(key.stringValue) } else { try beginElement(); start = output.bytes.count }
        let encoder = ValueEncoder(output: output, parent: self, key: key)
        opened = (encoder, key?.stringValue, start)
        return encoder
    }

    var count: Int {
        if case .array(let count) = form { return count }
        return 0
    }

    /// Closes the value: an object's members put in key order (a key written twice keeps its last value, as
    /// Foundation's does), the bracket written; a value that wrote nothing is an empty object.
    func end() throws {
        try closeOpened()
        ended = true
        switch form {
        case .nothing:
            output.bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        case .object(let members):
            sortMembers(members)
            output.bytes.append(UInt8(ascii: "}"))
        case .array:
            output.bytes.append(UInt8(ascii: "]"))
        case .single(let written):
            if !written { throw misuse("a single value container left empty") }
        }
    }

    private func beginMember(_ key: String) throws -> Int {
        try checkOpen()
        guard case .object(let members) = form else { throw misuse("a member written outside an object") }
        if !members.isEmpty { output.bytes.append(UInt8(ascii: ",")) }
        let start = output.bytes.count
        output.write(key)
        output.bytes.append(UInt8(ascii: ":"))
        return start
    }

    private func endMember(_ key: String, from start: Int) {
        guard case .object(var members) = form else { return }
        form = .nothing  // so that `members` is the array's only reference and grows in place
        members.append(Member(key: key, range: start..<output.bytes.count))
        form = .object(members: members)
    }

    private func beginElement() throws {
        try checkOpen()
        guard case .array(let count) = form else { throw misuse("an element written outside an array") }
        if count > 0 { output.bytes.append(UInt8(ascii: ",")) }
        form = .array(count: count + 1)
    }

    private func checkOpen() throws {
        if ended { throw misuse("a container written after its parent moved on") }
        try closeOpened()
    }

    private func closeOpened() throws {
        guard let (encoder, key, start) = opened else { return }
        opened = nil
        try encoder.end()
        if let key { endMember(key, from: start) }
    }

    /// Objects have a few dozen members at most, mostly already near key order: a stable insertion sort, then of
    /// equal keys only the last written kept.
    private func sortMembers(_ members: [Member]) {
        guard members.count > 1, !zip(members, members.dropFirst()).allSatisfy({ JSONOutput.precedes($0.key, $1.key) }) else { return }
        var sorted = members
        for index in 1..<sorted.count {
            let member = sorted[index]
            var slot = index
            while slot > 0, JSONOutput.precedes(member.key, sorted[slot - 1].key) {
                sorted[slot] = sorted[slot - 1]
                slot -= 1
            }
            sorted[slot] = member
        }
        let kept = sorted.indices.filter { $0 == sorted.count - 1 || sorted[$0].key != sorted[$0 + 1].key }.map { sorted[$0] }
        let region = members[0].range.lowerBound..<members[members.count - 1].range.upperBound
        var text: [UInt8] = []
        text.reserveCapacity(region.count)
        for (index, member) in kept.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            text.append(contentsOf: output.bytes[member.range])
        }
        output.bytes.replaceSubrange(region, with: text)
    }

    private func misuse(_ what: String) -> EncodingError {
        EncodingError.invalidValue(what, EncodingError.Context(
            codingPath: codingPath, debugDescription: "SortedJSONEncoder writes in one pass: \(what)."))
    }
}
