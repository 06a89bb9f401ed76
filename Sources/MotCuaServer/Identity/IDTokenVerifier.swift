import Foundation
import JWTKit
import MotCuaCore

/// Kiểm tra ID token — what MotCua accepts from the national e-ID as proof of who signed in (OpenID Connect Core
/// §3.1.3.7): a signature by one of the provider's published keys, its own issuer, MotCua alone as audience, not
/// expired nor issued in the future, the nonce of this very sign-in, a known level (`acr`) and a valid 12-digit
/// personal ID. Anything else is refused with the reason.
struct IDTokenVerifier: Sendable {
    let issuer: String
    let clientID: String
    /// How far the provider's clock may run ahead of ours.
    static let clockSkew: TimeInterval = 120

    /// Verifies the token against `keys`; throws `EIDRefusal` (`.badSignature` also for a key `keys` lacks: the
    /// caller may read the provider's keys again, in case they were rotated, and retry).
    func verify(_ token: String, keys: JWTKeyCollection, nonce: String, now: Date) async throws -> EIDIdentity {
        let claims: EIDClaims
        do {
            claims = try await keys.verify(token, as: EIDClaims.self)
        } catch {
            throw EIDRefusal.badSignature
        }
        guard claims.iss.value == issuer else { throw EIDRefusal.wrongIssuer(claims.iss.value) }
        guard claims.aud.value == [clientID] else { throw EIDRefusal.wrongAudience(claims.aud.value) }
        guard now < claims.exp.value else { throw EIDRefusal.expired }
        guard claims.iat.value.timeIntervalSince(now) <= Self.clockSkew else { throw EIDRefusal.issuedInFuture }
        guard let sent = claims.nonce, ConstantTime.equal(sent, nonce) else { throw EIDRefusal.wrongNonce }
        guard let level = claims.acr.flatMap(AssuranceLevel.init(acr:)) else { throw EIDRefusal.unknownLevel(claims.acr ?? "") }
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        guard let text = claims.personalID, let personalID = try? PersonalID(text, currentYear: year) else {
            throw EIDRefusal.badPersonalID
        }
        let name = (claims.name ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw EIDRefusal.noName }
        return EIDIdentity(personalID: personalID.value, fullName: name, birthDate: claims.birthdate, level: level)
    }
}

/// Danh tính đã xác thực — who the e-ID vouched for, at which level.
struct EIDIdentity: Sendable, Equatable {
    let personalID: String
    let fullName: String
    let birthDate: String?
    let level: AssuranceLevel
}

/// Lý do từ chối đăng nhập — why an answer of the e-ID provider was not taken as a sign-in.
enum EIDRefusal: Error, Equatable {
    case badSignature
    case wrongIssuer(String)
    case wrongAudience([String])
    case expired
    case issuedInFuture
    case wrongNonce
    case unknownLevel(String)
    case badPersonalID
    case noName
    /// The provider answered the sign-in with an OAuth error (`access_denied`, `invalid_grant`, …).
    case providerRefused(String, String?)

    var message: String {
        switch self {
        case .badSignature: "Chữ ký của ID token không hợp lệ."
        case .wrongIssuer(let issuer): "ID token do nơi khác phát hành (\(issuer))."
        case .wrongAudience: "ID token không phát hành cho MotCua."
        case .expired: "ID token đã hết hạn."
        case .issuedInFuture: "ID token có thời điểm phát hành ở tương lai."
        case .wrongNonce: "ID token không thuộc lần đăng nhập này (nonce sai)."
        case .unknownLevel(let acr): "Mức định danh \"\(acr)\" không được hỗ trợ."
        case .badPersonalID: "ID token không có số định danh cá nhân hợp lệ."
        case .noName: "ID token không có họ tên."
        case .providerRefused(let error, let description):
            error == "access_denied" ? "Bạn đã không đồng ý đăng nhập bằng VNeID." : "VNeID từ chối: \(description ?? error)."
        }
    }
}

/// Các thông tin trong ID token — the claims MotCua reads; every one but the standard four is optional here so a
/// missing one is refused with its own reason rather than as an unreadable token.
struct EIDClaims: JWTPayload {
    let iss: IssuerClaim
    let aud: AudienceClaim
    let exp: ExpirationClaim
    let iat: IssuedAtClaim
    let nonce: String?
    let acr: String?
    let name: String?
    let birthdate: String?
    let personalID: String?

    enum CodingKeys: String, CodingKey {
        case iss, aud, exp, iat, nonce, acr, name, birthdate
        case personalID = "personal_id"
    }

    /// Called by jwt-kit once the signature holds; the time claims are checked afterwards against MotCua's own clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
