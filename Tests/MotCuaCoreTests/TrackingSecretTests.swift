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

    /// Five bits of the draw for each character, lowest first: every one of the 40 bits shows in the secret.
    @Test(arguments: [
        (0, "00000000"), ((1 << 40) - 1, "ZZZZZZZZ"), (1, "10000000"), (1 << 35, "00000001"), (31 << 5, "0Z000000"),
        (UInt64.max << 40, "00000000"),
    ] as [(UInt64, String)])
    func eachCharacterTakesFiveBitsOfOneDraw(bits: UInt64, secret: String) {
        var generator = FixedDraw(value: bits)
        #expect(TrackingSecret.make(using: &generator) == secret)
        #expect(generator.draws == 1)
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

/// A generator that always draws the same bits, and counts its draws.
private struct FixedDraw: RandomNumberGenerator {
    let value: UInt64
    var draws = 0

    mutating func next() -> UInt64 {
        draws += 1
        return value
    }
}
