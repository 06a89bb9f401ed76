import Foundation

/// Chuẩn hoá tiếng Việt để tìm kiếm — folds Vietnamese text for search: no diacritics, no case, đ as d, single
/// spaces. `ĐĂNG KÝ KHAI SINH`, `dang ky khai sinh` and `Đăng ký khai sinh` all fold to `dang ky khai sinh`.
public enum VietnameseText {
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if scalar.properties.isWhitespace {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            switch scalar {
            case "đ", "Đ": scalars.append("d")
            default: scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        var folded = String(scalars)
        if folded.hasSuffix(" ") { folded.removeLast() }
        return folded
    }

    /// The folded words of a query, for matching each against folded text.
    public static func words(_ query: String) -> [String] {
        fold(query).split(separator: " ").map(String.init)
    }
}
