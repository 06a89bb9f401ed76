/// Độ dài văn bản — whether a text is longer than a limit counted in characters, as the forms' limits are.
extension StringProtocol {
    /// Whether the text has more than `limit` characters. A character is at least one byte of UTF-8, so a text of
    /// no more bytes than the limit is within it without counting: the grapheme clusters of Vietnamese text (letters
    /// with combining tone marks) are only counted for the rare text near the limit.
    public func hasMoreCharacters(than limit: Int) -> Bool {
        utf8.count > limit && count > limit
    }
}
