import Foundation
import MotCuaCore
import Testing

/// Trimming names and reasons: the same result as Foundation's `whitespacesAndNewlines`, for the white space
/// people paste from documents and phones.
@Suite struct TrimmedTests {
    @Test(arguments: [
        "", "   ", "Nguyễn Văn An", "  Nguyễn Văn An  ", "\tLý do\r\n", "\u{00A0}Trần Thị B\u{00A0}", "\u{3000}全角\u{3000}",
        "\u{2028}dòng\u{2029}", "\u{0085}x\u{000B}\u{000C}", "\u{200B}không phải khoảng trắng\u{200B}", " \u{0301}a ",
        "a\u{0301} ", " 👨‍👩‍👧 ", "giữa  hai   từ", "\u{202F}\u{205F}\u{1680}\u{2000}x\u{200A}",
        "Bearer-abc_DEF-123", "a", "~", "!x y!", "a\u{0301}", "a\u{200B}", "\u{200B}a", "a\u{00A0}", "\u{7F}a\u{7F}", "a\u{2028}",
    ])
    func trimsWhatFoundationTrims(text: String) {
        #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
