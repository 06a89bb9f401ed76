import AsyncHTTPClient
import Foundation
import JWTKit
import MotCuaCore
import NIOCore

/// Nhà cung cấp định danh điện tử — MotCua's side of OpenID Connect with the national e-ID: reads the provider's
/// discovery document and keys (kept, and read again when a token's signature does not hold with them, in case the
/// provider rotated its keys — at most once a minute), builds the authorization address (code flow, PKCE S256, state, nonce, `acr_values`), exchanges the code
/// for the ID token, and has the token verified. Every call to the provider is bounded by a timeout; a provider
/// that cannot be reached or answers nonsense is `EIDUnavailable`.
actor EIDProvider {
    let settings: EIDSettings
    private let http: HTTPClient
    private let verifier: IDTokenVerifier
    private var metadata: Metadata?
    private var keys: JWTKeyCollection?
    private var keysReadAt: Date?
    static let timeout: TimeAmount = .seconds(10)

    init(settings: EIDSettings, http: HTTPClient = .shared) {
        self.settings = settings
        self.http = http
        self.verifier = IDTokenVerifier(issuer: settings.issuer, clientID: settings.clientID)
    }

    /// The discovery document's parts MotCua uses (OpenID Connect Discovery §3).
    struct Metadata: Decodable {
        let issuer: String
        let authorizationEndpoint: String
        let tokenEndpoint: String
        let jwksURI: String

        enum CodingKeys: String, CodingKey {
            case issuer
            case authorizationEndpoint = "authorization_endpoint"
            case tokenEndpoint = "token_endpoint"
            case jwksURI = "jwks_uri"
        }
    }

    /// Where to send the browser to sign in at `level`.
    func authorizationURL(state: String, nonce: String, codeChallenge: String, level: AssuranceLevel) async throws -> String {
        var components = URLComponents(string: try await discovered().authorizationEndpoint)
        let existing = components?.queryItems ?? []
        components?.queryItems = existing + [
            ("response_type", "code"), ("client_id", settings.clientID), ("redirect_uri", settings.redirectURI),
            ("scope", "openid profile"), ("state", state), ("nonce", nonce), ("code_challenge", codeChallenge),
            ("code_challenge_method", "S256"), ("acr_values", level.acr),
        ].map { URLQueryItem(name: $0.0, value: $0.1) }
        guard let url = components?.string else { throw EIDUnavailable(reason: "authorization_endpoint không hợp lệ") }
        return url
    }

    /// Exchanges the code for the ID token and verifies it.
    func signIn(code: String, codeVerifier: String, nonce: String, now: Date) async throws -> EIDIdentity {
        var form = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", settings.redirectURI),
                    ("client_id", settings.clientID), ("code_verifier", codeVerifier)]
        if let secret = settings.clientSecret { form.append(("client_secret", secret)) }
        var request = HTTPClientRequest(url: try await discovered().tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: FormEncoding.encode(form)))
        let (status, body) = try await send(request)
        guard let answer = try? JSONDecoder().decode(TokenAnswer.self, from: body) else {
            throw EIDUnavailable(reason: "điểm cấp token trả lời không đọc được (HTTP \(status))")
        }
        guard status == 200, let idToken = answer.idToken else {
            throw EIDRefusal.providerRefused(answer.error ?? "HTTP \(status)", answer.errorDescription)
        }
        do {
            return try await verifier.verify(idToken, keys: try await currentKeys(), nonce: nonce, now: now)
        } catch EIDRefusal.badSignature {
            return try await verifier.verify(idToken, keys: try await currentKeys(refresh: true), nonce: nonce, now: now)
        }
    }

    /// The token endpoint's answer (RFC 6749 §5.1, §5.2).
    struct TokenAnswer: Decodable {
        let idToken: String?
        let error: String?
        let errorDescription: String?

        enum CodingKeys: String, CodingKey {
            case idToken = "id_token", error
            case errorDescription = "error_description"
        }
    }

    private func discovered() async throws -> Metadata {
        if let metadata { return metadata }
        let (status, body) = try await get(settings.issuer + "/.well-known/openid-configuration")
        guard status == 200, let read = try? JSONDecoder().decode(Metadata.self, from: body) else {
            throw EIDUnavailable(reason: "tài liệu cấu hình OpenID không đọc được (HTTP \(status))")
        }
        guard read.issuer == settings.issuer else { throw EIDUnavailable(reason: "issuer trong tài liệu cấu hình là \(read.issuer)") }
        metadata = read
        return read
    }

    /// The provider's keys; read again when asked and not read in the last minute.
    private func currentKeys(refresh: Bool = false) async throws -> JWTKeyCollection {
        if let keys, !refresh || Date().timeIntervalSince(keysReadAt ?? .distantPast) < 60 { return keys }
        let (status, body) = try await get(try await discovered().jwksURI)
        guard status == 200, let collection = try? await JWTKeyCollection().add(jwksJSON: String(decoding: body, as: UTF8.self)) else {
            throw EIDUnavailable(reason: "bộ khóa công khai (JWKS) không đọc được (HTTP \(status))")
        }
        keys = collection
        keysReadAt = Date()
        return collection
    }

    private func get(_ url: String) async throws -> (Int, Data) {
        try await send(HTTPClientRequest(url: url))
    }

    private func send(_ request: HTTPClientRequest) async throws -> (Int, Data) {
        do {
            return try await OutboundHTTP.send(request, timeout: Self.timeout, http: http)
        } catch let failure as OutboundHTTP.Failure {
            throw EIDUnavailable(reason: failure.reason)
        }
    }
}

/// VNeID không truy cập được — the provider could not be reached or answered something unreadable.
struct EIDUnavailable: Error {
    let reason: String
}

/// Mã hóa biểu mẫu — `application/x-www-form-urlencoded` bodies for calls to other systems.
enum FormEncoding {
    static func encode(_ pairs: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        func escape(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }
}
