/// Bảng CSV — reading and writing RFC 4180 CSV: fields separated by commas, quoted with `"` when they hold a
/// comma, a quote or a line break, quotes doubled inside. A UTF-8 byte-order mark is written first so that
/// Excel opens Vietnamese text correctly, and skipped when read.
public enum CSVTable {
    public static let byteOrderMark = "\u{FEFF}"

    /// Rows of fields. Throws a problem naming the line (dòng) of an unterminated quote or a stray one.
    public static func parse(_ text: String) throws(FieldProblem) -> [[String]] {
        let scalars = Array((text.hasPrefix(byteOrderMark) ? String(text.dropFirst()) : text).unicodeScalars)
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var line = 1
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" { field.append("\""); index += 1 } else { quoted = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty else { throw FieldProblem(field: "dòng \(line)", message: "Dấu ngoặc kép đặt giữa ô.") }
                quoted = true
            case ",":
                row.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                continue
            case "\n":
                row.append(String(field))
                rows.append(row)
                row = []
                field = String.UnicodeScalarView()
                line += 1
            default:
                field.append(scalar)
            }
        }
        if quoted { throw FieldProblem(field: "dòng \(line)", message: "Dấu ngoặc kép chưa đóng.") }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [String(field)]) }
        return rows
    }

    /// The CSV text of `rows`, lines ending in CRLF, starting with a byte-order mark.
    public static func render(_ rows: [[String]]) -> String {
        byteOrderMark + rows.map { $0.map(quote).joined(separator: ",") + "\r\n" }.joined()
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
