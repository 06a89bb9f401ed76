import Foundation
import JWTKit

/// Yêu cầu ủy quyền — the parameters of an OpenID Connect authorization request, by name (from the query string
/// of the first visit, then from the hidden fields of the sign-in form).
struct AuthorizationRequest: Sendable {
    static let names = ["client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge",
                        "code_challenge_method", "acr_values"]
    private let values: [String: String]

    init(_ pairs: [(String, String)]) {
        values = Dictionary(pairs.filter { Self.names.contains($0.0) }) { first, _ in first }
    }

    /// The parameter's value, "" when absent.
    subscript(_ name: String) -> String { values[name] ?? "" }
}

/// Mã ủy quyền đang chờ — a code handed to the client and what it stands for.
struct Grant: Sendable {
    let request: AuthorizationRequest
    let person: SyntheticPopulation.Person
    let issuedAt: Date
    let fault: SimulatedFault?
}

/// Sự cố mô phỏng — a way the provider can misbehave for one sign-in, so tests can see MotCua refuse the token.
enum SimulatedFault: String, CaseIterable, Sendable {
    case badSignature = "chu-ky-sai"
    case wrongAudience = "sai-aud"
    case expired = "het-han"
    case wrongNonce = "sai-nonce"

    var label: String {
        switch self {
        case .badSignature: "Ký bằng khóa không công bố"
        case .wrongAudience: "Phát hành cho ứng dụng khác (aud)"
        case .expired: "Token đã hết hạn"
        case .wrongNonce: "Nonce khác"
        }
    }
}

/// The codes handed out and not yet exchanged; taking one removes it, so a code works once.
actor PendingGrants {
    private var grants: [String: Grant] = [:]

    func put(_ code: String, _ grant: Grant) {
        grants = grants.filter { Date().timeIntervalSince($0.value.issuedAt) < 600 }
        grants[code] = grant
    }

    func take(_ code: String) -> Grant? { grants.removeValue(forKey: code) }
}

/// ID token của VNeID mô phỏng — the claims the simulator signs: OpenID Connect's standard ones, the account's
/// level as `acr`, and the 12-digit personal ID as `personal_id`.
struct SimulatedIDToken: JWTPayload {
    let iss: String
    let sub: String
    let aud: String
    /// Seconds since 1970, as JWTs carry instants.
    let exp: Int
    let iat: Int
    let authTime: Int
    let nonce: String
    let acr: String
    let name: String
    let birthdate: String
    let gender: String
    let personalID: String

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, nonce, acr, name, birthdate, gender
        case authTime = "auth_time"
        case personalID = "personal_id"
    }

    /// The simulator only signs these; a token it signed is still checked for its expiry if read back.
    func verify(using algorithm: some JWTAlgorithm) async throws {
        try ExpirationClaim(value: Date(timeIntervalSince1970: TimeInterval(exp))).verifyNotExpired()
    }
}
