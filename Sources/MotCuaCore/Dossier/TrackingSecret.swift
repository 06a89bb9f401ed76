/// Mã tra cứu — the secret printed on a dossier's receipt that, with the dossier's code, lets its applicant follow
/// it without an account; codes follow a pattern anyone can guess, so the code alone shows nothing. Eight
/// characters of Crockford's base 32 (40 bits; no I, L, O or U, so nothing is misread), written `K7PX-3M9Q`.
public enum TrackingSecret {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    public static let length = 8

    /// A new secret from `generator`: one draw of 64 random bits, five for each character (the system's generator
    /// asks the kernel once per draw).
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let bits = generator.next()
        return String((0..<length).map { alphabet[Int(truncatingIfNeeded: bits >> (5 * UInt64($0))) & 0x1F] })
    }

    /// As printed: two groups of four.
    public static func display(_ secret: String) -> String {
        "\(secret.prefix(4))-\(secret.dropFirst(4))"
    }

    /// What someone typed, as a secret: upper case, without spaces or hyphens, the letters people mistake for
    /// digits read as those digits (I and L as 1, O as 0); nil when it cannot be one.
    public static func normalized(_ typed: String) -> String? {
        let characters = typed.uppercased().compactMap { character -> Character? in
            switch character {
            case " ", "-", "\t": nil
            case "I", "L": "1"
            case "O": "0"
            default: character
            }
        }
        guard characters.count == length, characters.allSatisfy(alphabet.contains) else { return nil }
        return String(characters)
    }

    /// Whether `typed` is `secret`, comparing every character whatever matched before.
    public static func matches(_ typed: String, _ secret: String) -> Bool {
        guard let typed = normalized(typed) else { return false }
        return ConstantTime.equal(typed, secret)
    }
}
