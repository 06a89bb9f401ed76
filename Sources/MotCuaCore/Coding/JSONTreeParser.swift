/// Bộ đọc JSON — reads RFC 8259 JSON from UTF-8 bytes into a `JSONTree`, strictly: one value with only white space
/// around it (a UTF-8 byte-order mark allowed first), no comments, no trailing commas, strings of valid UTF-8 with
/// control characters escaped, nesting at most `maxDepth` deep so that no input can exhaust the stack.
struct JSONTreeParser {
    /// Foundation's limit too.
    static let maxDepth = 512

    /// Why the bytes are not JSON, and where.
    struct Invalid: Error, CustomStringConvertible {
        let reason: String
        let offset: Int

        var description: String { "\(reason) at byte \(offset)" }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Invalid) -> JSONTree {
        var parser = JSONTreeParser(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == bytes.count else { throw parser.invalid("text after the value") }
        return value
    }

    private mutating func value() throws(Invalid) -> JSONTree {
        guard position < bytes.count else { throw invalid("the text ends where a value should be") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw invalid("unexpected character")
        }
    }

    private mutating func object() throws(Invalid) -> JSONTree {
        try enter()
        var members: [JSONMember] = []
        skipSpace()
        if take(UInt8(ascii: "}")) { return leave(.object(members)) }
        repeat {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw invalid("a key must be a string") }
            let key = try string()
            skipSpace()
            guard take(UInt8(ascii: ":")) else { throw invalid("a key must be followed by ':'") }
            skipSpace()
            members.append(JSONMember(key: key, value: try value()))
            skipSpace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { throw invalid("an object must end with '}'") }
        return leave(.object(members))
    }

    private mutating func array() throws(Invalid) -> JSONTree {
        try enter()
        var elements: [JSONTree] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return leave(.array(elements)) }
        repeat {
            skipSpace()
            elements.append(try value())
            skipSpace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { throw invalid("an array must end with ']'") }
        return leave(.array(elements))
    }

    /// Steps over the opening bracket, one level deeper.
    private mutating func enter() throws(Invalid) {
        depth += 1
        guard depth <= Self.maxDepth else { throw invalid("nested more than \(Self.maxDepth) levels deep") }
        position += 1
    }

    private mutating func leave(_ value: JSONTree) -> JSONTree {
        depth -= 1
        return value
    }

    /// A string from its opening quote: the bytes up to the closing quote as they are when nothing is escaped,
    /// else rebuilt with the escapes resolved.
    private mutating func string() throws(Invalid) -> String {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                return try text(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw invalid("a control character in a string must be escaped") }
            position += 1
        }
        var unescaped = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return try unescaped.withUnsafeBufferPointer { buffer throws(Invalid) in try text(buffer) }
            case UInt8(ascii: "\\"): try escape(into: &unescaped)
            case 0..<0x20: throw invalid("a control character in a string must be escaped")
            default: unescaped.append(byte)
            }
        }
        throw invalid("a string is not closed")
    }

    private func text(_ utf8: UnsafeBufferPointer<UInt8>) throws(Invalid) -> String {
        guard UTF8Check.isValid(utf8) else { throw invalid("a string is not valid UTF-8") }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// One escape after its backslash, appended as UTF-8.
    private mutating func escape(into unescaped: inout [UInt8]) throws(Invalid) {
        guard position < bytes.count else { throw invalid("a string is not closed") }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(letter)
        case UInt8(ascii: "b"): unescaped.append(0x08)
        case UInt8(ascii: "f"): unescaped.append(0x0C)
        case UInt8(ascii: "n"): unescaped.append(0x0A)
        case UInt8(ascii: "r"): unescaped.append(0x0D)
        case UInt8(ascii: "t"): unescaped.append(0x09)
        case UInt8(ascii: "u"):
            var code = UInt32(try hexQuad())
            if (0xD800..<0xDC00).contains(code) {
                guard bytes[position...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                    throw invalid("a high surrogate without its low surrogate")
                }
                position += 2
                let low = UInt32(try hexQuad())
                guard (0xDC00..<0xE000).contains(low) else { throw invalid("a high surrogate without its low surrogate") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw invalid("a low surrogate without its high surrogate") }
            unescaped.append(contentsOf: UTF8.encode(scalar)!)
        default: throw invalid("an unknown escape")
        }
    }

    private mutating func hexQuad() throws(Invalid) -> UInt16 {
        guard position + 4 <= bytes.count else { throw invalid("\\u needs four hex digits") }
        var value: UInt16 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt8 = switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: throw invalid("\\u needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
        }
        position += 4
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    private mutating func number() throws(Invalid) -> String {
        let start = position
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            if position < bytes.count, isDigit(bytes[position]) { throw invalid("a number cannot start with 0") }
        } else {
            try digits()
        }
        if take(UInt8(ascii: ".")) { try digits() }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            try digits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private mutating func digits() throws(Invalid) {
        let start = position
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        guard position > start else { throw invalid("a number needs a digit here") }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private mutating func literal(_ word: StaticString) throws(Invalid) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes[position...].starts(with: expected) else { throw invalid("unexpected character") }
        position += expected.count
    }

    /// Steps over `byte` if it comes next.
    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    private func invalid(_ reason: String) -> Invalid {
        Invalid(reason: reason, offset: position)
    }
}
