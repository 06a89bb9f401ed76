import Foundation

/// JSON tự viết — a value that writes its own JSON into a `JSONOutput`, in exactly the bytes `SortedJSONEncoder`
/// (and Foundation's `JSONEncoder` with sorted keys) writes for its `Encodable` form, without going through
/// `Encodable`'s containers, which cost ten times the writing itself.
///
/// Only the values written on every request are: the dossier as stored and as the API answers it. Each writes its
/// members in key order; `JSONWritableTests` checks, for a value with every field set, that the bytes are
/// Foundation's, so a field added to the type and not to its writer fails the test.
public protocol JSONWritable {
    func writeJSON(to output: JSONOutput) throws
}

extension JSONOutput {
    /// `{`, the members `body` writes, `}`.
    public func object(_ body: () throws -> Void) rethrows {
        bytes.append(UInt8(ascii: "{"))
        first = true
        try body()
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    /// One member; keys must come in the order of their bytes.
    public func member(_ key: StaticString, _ value: some JSONWritable) throws {
        writeKey(key)
        try value.writeJSON(to: self)
    }

    /// One member if there is a value, none if nil (as `encodeIfPresent` does).
    public func memberIfPresent(_ key: StaticString, _ value: (some JSONWritable)?) throws {
        if let value { try member(key, value) }
    }

    private func writeKey(_ key: StaticString) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }
}

extension String: JSONWritable {
    public func writeJSON(to output: JSONOutput) { output.write(self) }
}

extension Int: JSONWritable {
    public func writeJSON(to output: JSONOutput) { output.write(self) }
}

extension Bool: JSONWritable {
    public func writeJSON(to output: JSONOutput) { output.write(self) }
}

extension Date: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws { try output.write(self, in: nil, key: nil) }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        output.bytes.append(UInt8(ascii: "["))
        for index in indices {
            if index > startIndex { output.bytes.append(UInt8(ascii: ",")) }
            try self[index].writeJSON(to: output)
        }
        output.bytes.append(UInt8(ascii: "]"))
        output.first = false
    }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    /// Members in the order of their keys' bytes, as Foundation sorts them.
    public func writeJSON(to output: JSONOutput) throws {
        output.bytes.append(UInt8(ascii: "{"))
        for (index, key) in keys.sorted(by: JSONOutput.precedes).enumerated() {
            if index > 0 { output.bytes.append(UInt8(ascii: ",")) }
            output.write(key)
            output.bytes.append(UInt8(ascii: ":"))
            try self[key]!.writeJSON(to: output)
        }
        output.bytes.append(UInt8(ascii: "}"))
        output.first = false
    }
}
