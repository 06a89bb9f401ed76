import Foundation

/// Khóa đăng nhập tạm thời — how officer accounts stand against password guessing: after 5 wrong passwords in a
/// row the account refuses every password, right or wrong, for 15 minutes; a right password before that starts
/// the count again. And one client address may fail 30 times in a 10-minute window, whatever names it tries
/// (against guessing one common password across many accounts); then it is refused until the window ends.
/// (bcrypt already makes each guess cost about 0.1 s; the counts live in the database, so they hold whichever
/// server the guesses reach.)
public enum SignInLockout {
    public static let allowedFailures = 5
    public static let duration: TimeInterval = 15 * 60
    public static let allowedFailuresPerAddress = 30
    public static let addressWindow = 10 * 60

    /// The start of the 10-minute window an instant (in seconds since 1970) falls in.
    public static func addressWindowStart(_ seconds: Int) -> Int { seconds - seconds % addressWindow }

    /// Until when an address that failed `failures` times in the window of `now` is refused; nil while it may try.
    public static func addressBlockedUntil(failuresInWindow failures: Int, at now: Date) -> Date? {
        guard failures >= allowedFailuresPerAddress else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(addressWindowStart(Int(now.timeIntervalSince1970)) + addressWindow))
    }

    /// Until when an account is locked after its `failures`-th wrong password in a row at `now`; nil while it may
    /// still try.
    public static func lockedUntil(afterFailures failures: Int, at now: Date) -> Date? {
        failures >= allowedFailures ? now.addingTimeInterval(duration) : nil
    }
}
