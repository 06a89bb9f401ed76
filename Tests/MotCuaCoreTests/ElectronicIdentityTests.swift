import Foundation
import Testing
import MotCuaCore

/// The e-ID's levels as OpenID Connect carries them, the level each way of filing online needs, and the URL-safe
/// base64 that tokens and PKCE challenges travel in (RFC 4648's own test vectors).
@Suite struct ElectronicIdentityTests {
    @Test(arguments: [("LoA1", AssuranceLevel.level1), ("LoA2", .level2), ("loa2", nil), ("LoA3", nil), ("", nil), ("2", nil)])
    func acrValues(acr: String, level: AssuranceLevel?) {
        #expect(AssuranceLevel(acr: acr) == level)
        if let level { #expect(level.acr == acr) }
    }

    @Test(arguments: [(OnlineLevel.full, AssuranceLevel?.some(.level2)), (.partial, .level1), (.none, nil)])
    func levelNeededToFileOnline(online: OnlineLevel, needed: AssuranceLevel?) {
        #expect(AssuranceLevel.required(for: online) == needed)
    }

    @Test func aLevelTwoAccountIsEnoughWhereLevelOneIsAsked() {
        #expect(AssuranceLevel.level2 >= .level1 && !(AssuranceLevel.level1 >= .level2))
    }

    @Test(arguments: [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")])
    func base64URLOfRFC4648Vectors(text: String, encoded: String) {
        #expect(Base64URL.encode(Array(text.utf8)) == encoded)
    }

    @Test func base64URLUsesTheURLSafeAlphabet() {
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
    }
}

/// How many wrong passwords in a row lock an officer account, and for how long.
@Suite struct SignInLockoutRuleTests {
    @Test(arguments: [(1, nil), (4, nil), (5, 900.0), (6, 900.0)] as [(Int, Double?)])
    func lockedAfterTheFifthWrongPassword(failures: Int, lockedForSeconds: Double?) {
        let now = Date(timeIntervalSince1970: 1_772_416_800)
        #expect(SignInLockout.lockedUntil(afterFailures: failures, at: now) == lockedForSeconds.map { now.addingTimeInterval($0) })
    }
}

/// Personal IDs and phone numbers hidden in the logs, other numbers left alone.
@Suite struct PersonalDataMaskTests {
    @Test(arguments: [
        ("Không có công dân số định danh 001190012345.", "Không có công dân số định danh 001******345."),
        ("gọi 0912345678 hoặc 02438123456", "gọi 091****678 hoặc 024*****456"),
        ("+84912345678", "+849*****678"),
        ("hồ sơ 000.30.01.H26-260302-0001, 3 ngày", "hồ sơ 000.30.01.H26-260302-0001, 3 ngày"),
        ("mã số thuế 0101234567", "mã số thuế 010****567"),
        ("1234567890123", "1234567890123"),
        ("", ""),
    ])
    func masking(text: String, logged: String) {
        #expect(PersonalDataMask.mask(text) == logged)
    }
}

/// Bytes as lowercase hexadecimal.
@Suite struct HexTests {
    @Test func everyByteAsTwoLowercaseDigits() {
        #expect(Hex.encode([0x00, 0x0F, 0xA0, 0xFF, 0x5C]) == "000fa0ff5c")
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.encode(0...255).count == 512)
    }
}

/// How many failed sign-ins stop a client address, and until when.
@Suite struct AddressThrottleRuleTests {
    @Test(arguments: [(1, nil), (29, nil), (30, 1_772_417_400.0), (45, 1_772_417_400.0)] as [(Int, Double?)])
    func refusedAfterThirtyFailuresUntilTheWindowEnds(failures: Int, until: Double?) {
        let now = Date(timeIntervalSince1970: 1_772_416_925)
        #expect(SignInLockout.addressBlockedUntil(failuresInWindow: failures, at: now) == until.map { Date(timeIntervalSince1970: $0) })
    }
}
