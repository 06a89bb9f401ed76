import Foundation
import MotCuaCore

/// Cách viết cho người đọc — instants and money as the official forms write them (the short "08:30 ngày
/// 02/03/2026" is `WorkingCalendar.vietnamese`).
enum VietnameseFormat {
    /// "08 giờ 30 phút, ngày 02/03/2026" — as the official forms write an instant.
    static func formal(_ instant: Date) -> String {
        let (date, second) = WorkingCalendar.local(instant)
        return "\(CivilDate.pad(second / 3600, 2)) giờ \(CivilDate.pad(second % 3600 / 60, 2)) phút, ngày \(date.vietnamese)"
    }

    /// "1 bản chính, 2 bản sao".
    static func quantity(originals: Int, copies: Int) -> String {
        var parts: [String] = []
        if originals > 0 { parts.append("\(originals) bản chính") }
        if copies > 0 { parts.append("\(copies) bản sao") }
        return parts.joined(separator: ", ")
    }

    /// "20.000 đồng".
    static func money(_ amount: Int) -> String {
        let digits = String(amount)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return grouped + " đồng"
    }

    /// "1,2 MB", "350 KB" — a file's size as the pages show it.
    static func fileSize(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576).replacingOccurrences(of: ".", with: ",")
            : "\(max(1, bytes / 1024)) KB"
    }
}
