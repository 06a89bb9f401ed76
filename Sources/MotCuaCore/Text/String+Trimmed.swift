/// Cắt khoảng trắng — text without the white space at its ends.
extension StringProtocol {
    /// The text without leading and trailing white space and line breaks: the characters Foundation's
    /// `CharacterSet.whitespacesAndNewlines` holds, which are Unicode's White_Space property and the zero-width space
    /// (U+200B). Done on the scalars in Swift: Foundation's trimming goes through `NSString` on Linux, at several
    /// times the cost, on every name and reason typed. A text that begins and ends with a visible ASCII character (a
    /// token, a code, most names) has nothing to trim, which its first and last bytes show without walking it.
    public var trimmed: String {
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, Self.visibleASCII.contains(first), Self.visibleASCII.contains(last) {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !Self.isTrimmed($0) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(Substring(scalars[first...last]))
    }

    private static var visibleASCII: ClosedRange<UInt8> { 0x21...0x7E }

    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }
}
