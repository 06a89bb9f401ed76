import Foundation
import JWTKit
@testable import MotCuaServer
import Testing

/// What MotCua accepts as an e-ID sign-in, one claim at a time (OpenID Connect Core §3.1.3.7): a token signed by a
/// published key, from the configured issuer, for MotCua alone, in its time window, with this sign-in's nonce, a
/// known level and a valid personal ID. Each wrong token is refused with its own reason.
@Suite struct IDTokenVerifierTests {
    static let now = Date(timeIntervalSince1970: 1_793_000_000)
    static let verifier = IDTokenVerifier(issuer: "https://sso.vneid.test", clientID: "motcua")

    /// Claims as a provider might send them; nil leaves one out.
    struct Claims: JWTPayload {
        var iss: String? = "https://sso.vneid.test"
        var aud: [String]? = ["motcua"]
        var exp: Int? = Int(IDTokenVerifierTests.now.timeIntervalSince1970) + 300
        var iat: Int? = Int(IDTokenVerifierTests.now.timeIntervalSince1970) - 5
        var nonce: String? = "nonce-of-this-sign-in"
        var acr: String? = "LoA2"
        var name: String? = "Nguyễn Thị Mai"
        var birthdate: String? = "1990-05-01"
        var personalID: String? = "001190012345"

        enum CodingKeys: String, CodingKey {
            case iss, aud, exp, iat, nonce, acr, name, birthdate
            case personalID = "personal_id"
        }

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func keys() async -> (published: JWTKeyCollection, signer: JWTKeyCollection, forger: JWTKeyCollection) {
        let key = ES256PrivateKey()
        let published = await JWTKeyCollection().add(ecdsa: key.publicKey, kid: "k1")
        let signer = await JWTKeyCollection().add(ecdsa: key, kid: "k1")
        let forger = await JWTKeyCollection().add(ecdsa: ES256PrivateKey(), kid: "k1")
        return (published, signer, forger)
    }

    @Test func aGoodTokenNamesThePersonAndLevel() async throws {
        let (published, signer, _) = await Self.keys()
        let identity = try await Self.verifier.verify(try await signer.sign(Claims()), keys: published, nonce: "nonce-of-this-sign-in", now: Self.now)
        #expect(identity == EIDIdentity(personalID: "001190012345", fullName: "Nguyễn Thị Mai", birthDate: "1990-05-01", level: .level2))
    }

    static let wrongTokens: [(String, @Sendable (inout Claims) -> Void, EIDRefusal)] = [
        ("another issuer", { $0.iss = "https://sso.gia-mao.test" }, .wrongIssuer("https://sso.gia-mao.test")),
        ("another audience", { $0.aud = ["ung-dung-khac"] }, .wrongAudience(["ung-dung-khac"])),
        ("MotCua and an untrusted audience", { $0.aud = ["motcua", "ung-dung-khac"] }, .wrongAudience(["motcua", "ung-dung-khac"])),
        ("expired this very second", { $0.exp = Int(now.timeIntervalSince1970) }, .expired),
        ("issued in the future", { $0.iat = Int(now.timeIntervalSince1970) + 600 }, .issuedInFuture),
        ("another sign-in's nonce", { $0.nonce = "nonce-of-another" }, .wrongNonce),
        ("no nonce", { $0.nonce = nil }, .wrongNonce),
        ("an unknown level", { $0.acr = "LoA3" }, .unknownLevel("LoA3")),
        ("no level", { $0.acr = nil }, .unknownLevel("")),
        ("a personal ID of 11 digits", { $0.personalID = "00119001234" }, .badPersonalID),
        ("no personal ID", { $0.personalID = nil }, .badPersonalID),
        ("no name", { $0.name = " " }, .noName),
    ]

    @Test(arguments: 0..<wrongTokens.count)
    func aWrongTokenIsRefusedWithItsReason(index: Int) async throws {
        let (case_, change, refusal) = Self.wrongTokens[index]
        let (published, signer, _) = await Self.keys()
        var claims = Claims()
        change(&claims)
        let token = try await signer.sign(claims)
        await #expect(throws: refusal, "\(case_)") {
            try await Self.verifier.verify(token, keys: published, nonce: "nonce-of-this-sign-in", now: Self.now)
        }
    }

    @Test func aTokenSignedWithAnUnpublishedKeyIsRefused() async throws {
        let (published, signer, forger) = await Self.keys()
        let forged = try await forger.sign(Claims())
        await #expect(throws: EIDRefusal.badSignature) {
            try await Self.verifier.verify(forged, keys: published, nonce: "nonce-of-this-sign-in", now: Self.now)
        }
        let parts = try await signer.sign(Claims()).split(separator: ".")
        let unsigned = "eyJhbGciOiJub25lIiwia2lkIjoiazEifQ.\(parts[1])."
        await #expect(throws: EIDRefusal.badSignature, "alg none") {
            try await Self.verifier.verify(unsigned, keys: published, nonce: "nonce-of-this-sign-in", now: Self.now)
        }
    }

    @Test func aTokenNamingAKeyNotPublishedIsRefused() async throws {
        let (published, _, _) = await Self.keys()
        let other = await JWTKeyCollection().add(ecdsa: ES256PrivateKey(), kid: "k2")
        let token = try await other.sign(Claims())
        await #expect(throws: EIDRefusal.badSignature) {
            try await Self.verifier.verify(token, keys: published, nonce: "nonce-of-this-sign-in", now: Self.now)
        }
    }
}
