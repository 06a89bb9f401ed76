import Foundation

/// Khóa đăng nhập tạm thời — how officer accounts stand against password guessing: after 5 wrong passwords in a
/// row the account refuses every password, right or wrong, for 15 minutes; a right password before that starts
/// the count again. (bcrypt already makes each guess cost about 0.1 s; this bounds one account to 5 guesses per
/// quarter hour, whichever server the guesses reach, since the count lives in the database.)
public enum SignInLockout {
    public static let allowedFailures = 5
    public static let duration: TimeInterval = 15 * 60

    /// Until when an account is locked after its `failures`-th wrong password in a row at `now`; nil while it may
    /// still try.
    public static func lockedUntil(afterFailures failures: Int, at now: Date) -> Date? {
        failures >= allowedFailures ? now.addingTimeInterval(duration) : nil
    }
}
