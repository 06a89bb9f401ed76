/// Hệ mười sáu — bytes as lowercase hexadecimal, as checksums and token hashes are stored (`String(format:)` per
/// byte cost a tenth of the server's time under load; this is a table look-up). Inlinable, so that a caller in
/// another module gets it specialised for its own bytes instead of walking them through `Collection`'s witness table.
public enum Hex {
    @inlinable
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: 2 * bytes.count) { output in
            var count = 0
            for byte in bytes {
                output[count] = digit(byte >> 4)
                output[count + 1] = digit(byte & 0x0F)
                count += 2
            }
            return count
        }
    }

    @usableFromInline
    static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
