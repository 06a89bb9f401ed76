import Testing
@testable import MotCuaCore

/// The secret printed on a receipt: what people type is read kindly, and nothing else matches.
@Suite struct TrackingSecretTests {
    @Test(arguments: [
        ("K7PX-3M9Q", "K7PX3M9Q"), ("k7px 3m9q", "K7PX3M9Q"), ("  K7PX3M9Q ", "K7PX3M9Q"),
        ("IOL0-0000", "1010000" + "0"), ("K7PX-3M9", nil), ("K7PX-3M9QQ", nil), ("K7PX-3M9U", nil), ("K7PX-3M9?", nil),
    ] as [(String, String?)])
    func typedSecretsAreNormalised(typed: String, normal: String?) {
        #expect(TrackingSecret.normalized(typed) == normal)
    }

    @Test func onlyTheSecretItselfMatches() {
        var generator = SystemRandomNumberGenerator()
        let secret = TrackingSecret.make(using: &generator)
        #expect(secret.count == 8 && TrackingSecret.normalized(secret) == secret)
        #expect(TrackingSecret.matches(TrackingSecret.display(secret).lowercased(), secret))
        let other = String(secret.dropLast()) + (secret.last == "Z" ? "Y" : "Z")
        #expect(!TrackingSecret.matches(other, secret))
        #expect(!TrackingSecret.matches("", secret))
    }
}
