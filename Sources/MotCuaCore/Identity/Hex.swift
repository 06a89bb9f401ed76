/// Hệ mười sáu — bytes as lowercase hexadecimal, as checksums and token hashes are stored (`String(format:)` per
/// byte cost a tenth of the server's time under load; this is a table look-up).
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
