/// So sánh bí mật — compares two secrets byte by byte whatever matched before, so the time taken says nothing
/// about how much of a guess was right (tracking secrets, anti-forgery tokens).
public enum ConstantTime {
    public static func equal(_ a: String, _ b: String) -> Bool {
        let (left, right) = (Array(a.utf8), Array(b.utf8))
        return left.count == right.count && zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
