import MotCuaCore
import Testing

/// Limits on typed text are in characters as a person counts them (a letter with its tone marks is one), whatever
/// the bytes: the byte count only spares counting when it already settles the answer.
@Suite struct CharacterLimitTests {
    @Test(arguments: [
        ("", 0, false), ("a", 0, true), ("abc", 3, false), ("abcd", 3, true),
        // "Nguyễn" written with combining marks: 6 characters, 9 bytes.
        ("Nguye\u{0302}\u{0303}n", 6, false), ("Nguye\u{0302}\u{0303}n", 5, true),
        // The same name precomposed: 6 characters, 8 bytes.
        ("Nguyễn", 6, false), ("Nguyễn", 7, false), ("Nguyễn", 5, true),
        ("👨‍👩‍👧", 1, false), ("👨‍👩‍👧x", 1, true), ("\r\n", 1, false),
    ])
    func textIsOverTheLimitOnlyByCharacters(text: String, limit: Int, over: Bool) {
        #expect(text.hasMoreCharacters(than: limit) == over)
        #expect(text.hasMoreCharacters(than: limit) == (text.count > limit))
    }
}
