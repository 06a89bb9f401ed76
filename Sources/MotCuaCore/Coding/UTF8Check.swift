/// Kiểm tra UTF-8 — whether bytes are well-formed UTF-8 (RFC 3629, Unicode's table 3-7): no overlong forms, no
/// surrogates, nothing past U+10FFFF. Checked on bytes directly: the standard library's `String(validating:)` is
/// generic over any sequence and, unspecialised, looked up type metadata for every string a request carried.
enum UTF8Check {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The second byte's range depends on the lead; every later byte is 80–BF.
            let (length, second): (Int, ClosedRange<UInt8>) = switch lead {
            case 0xC2...0xDF: (2, 0x80...0xBF)
            case 0xE0: (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
            case 0xED: (3, 0x80...0x9F)
            case 0xF0: (4, 0x90...0xBF)
            case 0xF1...0xF3: (4, 0x80...0xBF)
            case 0xF4: (4, 0x80...0x8F)
            default: (0, 0...0)
            }
            guard length > 0, index + length <= bytes.count, second.contains(bytes[index + 1]) else { return false }
            for continuation in bytes[(index + 2)..<(index + length)] where !(0x80...0xBF).contains(continuation) { return false }
            index += length
        }
        return true
    }
}
