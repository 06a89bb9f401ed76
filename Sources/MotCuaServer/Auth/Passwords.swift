import HummingbirdBcrypt

/// Mật khẩu — how officer passwords are stored: bcrypt, with one work factor for every account.
public enum Passwords {
    /// bcrypt's work factor (2^10 rounds, about 0.1 s on one core of the reference machine).
    public static let cost: UInt8 = 10

    public static func hash(_ password: String, cost: UInt8 = Passwords.cost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
