import Crypto
import CryptoExtras
import Foundation
import Hummingbird
import JWTKit
import MotCuaCore

/// Mô phỏng VNeID — a stand-in for the national e-ID's OpenID Connect provider, for the demo and the tests: the
/// standard endpoints (discovery, JWKS, authorization with PKCE, token), RS256 ID tokens carrying the personal ID,
/// name, date of birth and the account's level as `acr`, and a sign-in page where one picks a made-up citizen.
/// Codes are single-use and short-lived, the redirect address must be the registered one, and a citizen whose
/// account is only level 1 is answered with `LoA1` even when level 2 was asked for, as a real provider would.
/// For the tests, the sign-in page can also make the provider misbehave once (`SimulatedFault`): a token signed with
/// a key it never published, for another audience, already expired, or with another nonce.
public struct IdentityProviderSimulator: Sendable {
    /// Cấu hình — who the provider is and which client it serves.
    public struct Settings: Sendable {
        /// The issuer (`iss`) and base address, e.g. `http://127.0.0.1:8090`.
        public var issuer: String
        public var clientID: String
        /// The client's secret (client_secret_post or _basic); nil serves a public client with PKCE alone.
        public var clientSecret: String?
        /// The redirect addresses registered for the client.
        public var redirectURIs: [String]
        /// How long an ID token is valid.
        public var tokenLifetime: TimeInterval = 300

        public init(issuer: String, clientID: String, clientSecret: String?, redirectURIs: [String]) {
            self.issuer = issuer
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.redirectURIs = redirectURIs
        }
    }

    let settings: Settings
    let population: SyntheticPopulation
    let keys: JWTKeyCollection
    /// A key under the same name that was never published: what a forger would sign with.
    let forgerKeys: JWTKeyCollection
    let jwks: String
    let grants = PendingGrants()

    /// A provider with a fresh RSA key (2048 bits) named `keyID`.
    public static func start(_ settings: Settings, population: SyntheticPopulation, keyID: String = "mo-phong-1") async throws -> Self {
        func newKey() throws -> JWTKit.Insecure.RSA.PrivateKey { try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048)) }
        let privateKey = try newKey()
        let keys = await JWTKeyCollection().add(rsa: privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: keyID))
        let forgerKeys = await JWTKeyCollection().add(rsa: try newKey(), digestAlgorithm: .sha256, kid: JWKIdentifier(string: keyID))
        let (modulus, exponent) = try privateKey.publicKey.getKeyPrimitives()
        let jwk = JWK.rsa(.rs256, identifier: JWKIdentifier(string: keyID), modulus: Base64URL.encode(modulus), exponent: Base64URL.encode(exponent))
        let jwks = String(decoding: try JSONEncoder().encode(JWKS(keys: [jwk])), as: UTF8.self)
        return Self(settings: settings, population: population, keys: keys, forgerKeys: forgerKeys, jwks: jwks)
    }

    public func buildRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/.well-known/openid-configuration") { _, _ in json(discovery) }
        router.get("/jwks") { _, _ in Response(status: .ok, headers: [.contentType: "application/jwk-set+json"],
                                               body: .init(byteBuffer: ByteBuffer(string: jwks))) }
        router.get("/authorize") { request, _ in authorizePage(request) }
        router.post("/authorize") { request, _ in try await authorize(request) }
        router.post("/token") { request, _ in try await token(request) }
        return router
    }

    var discovery: [String: any Sendable] {
        [
            "issuer": settings.issuer,
            "authorization_endpoint": settings.issuer + "/authorize",
            "token_endpoint": settings.issuer + "/token",
            "jwks_uri": settings.issuer + "/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "acr_values_supported": ["LoA1", "LoA2"],
            "scopes_supported": ["openid", "profile"],
            "token_endpoint_auth_methods_supported": settings.clientSecret == nil ? ["none"] : ["client_secret_post", "client_secret_basic"],
            "claims_supported": ["sub", "name", "birthdate", "gender", "personal_id", "acr", "nonce"],
        ]
    }

    // MARK: Authorization

    /// The sign-in page for a valid authorization request; a request that cannot be trusted to redirect (unknown
    /// client or redirect address) gets an error page, any other fault goes back to the client as `error=`.
    func authorizePage(_ request: Request) -> Response {
        let query = AuthorizationRequest(request.uri.queryParameters.map { (String($0.key), String($0.value)) })
        switch check(query) {
        case .refuseHere(let message): return html(SimulatorPages.error(message), status: .badRequest)
        case .redirectError(let error, let description): return redirect(query, ["error": error, "error_description": description])
        case .fine: return html(SimulatorPages.signIn(query, people: population.people.prefix(30)))
        }
    }

    /// The citizen chose who they are (or declined): a code for the client, or `access_denied`.
    func authorize(_ request: Request) async throws -> Response {
        let fields = try await Self.formFields(request)
        let query = AuthorizationRequest(fields)
        guard case .fine = check(query) else { return authorizePage(request) }
        if fields.first(where: { $0.0 == "decision" })?.1 == "deny" {
            return redirect(query, ["error": "access_denied", "error_description": "Người dùng từ chối."])
        }
        let chosen = fields.last { $0.0 == "personal_id" && !$0.1.isEmpty }?.1 ?? ""
        guard let person = population.person(personalId: chosen) else {
            return html(SimulatorPages.signIn(query, people: population.people.prefix(30),
                                              error: "Không có công dân số định danh \(chosen) trong dữ liệu mô phỏng."),
                        status: .unprocessableContent)
        }
        let code = Self.randomToken()
        let fault = fields.first { $0.0 == "fault" }.flatMap { SimulatedFault(rawValue: $0.1) }
        await grants.put(code, Grant(request: query, person: person, issuedAt: Date(), fault: fault))
        return redirect(query, ["code": code])
    }

    /// What an authorization request must have, and where its faults are told.
    enum Verdict { case fine, refuseHere(String), redirectError(String, String) }

    func check(_ query: AuthorizationRequest) -> Verdict {
        guard query["client_id"] == settings.clientID else { return .refuseHere("client_id không được đăng ký.") }
        guard settings.redirectURIs.contains(query["redirect_uri"]) else { return .refuseHere("redirect_uri không được đăng ký cho client này.") }
        guard query["response_type"] == "code" else { return .redirectError("unsupported_response_type", "Chỉ hỗ trợ response_type=code.") }
        guard query["scope"].split(separator: " ").contains("openid") else { return .redirectError("invalid_scope", "Thiếu scope openid.") }
        guard !query["state"].isEmpty, !query["nonce"].isEmpty else { return .redirectError("invalid_request", "Thiếu state hoặc nonce.") }
        guard query["code_challenge_method"] == "S256", query["code_challenge"].count >= 43 else {
            return .redirectError("invalid_request", "Cần PKCE với code_challenge_method=S256.")
        }
        return .fine
    }

    func redirect(_ query: AuthorizationRequest, _ parameters: [String: String]) -> Response {
        var components = URLComponents(string: query["redirect_uri"])
        let existing = components?.queryItems ?? []
        components?.queryItems = existing + (parameters.merging(["state": query["state"]]) { $1 })
            .sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return Response(status: .found, headers: [.location: components?.string ?? query["redirect_uri"]])
    }

    // MARK: Token

    /// Exchanges a code for an ID token: once, within a minute, for the same client and redirect address, and only
    /// with the PKCE verifier whose SHA-256 is the challenge.
    func token(_ request: Request) async throws -> Response {
        let fields = Dictionary(try await Self.formFields(request)) { $1 }
        var clientID = fields["client_id"] ?? ""
        var secret = fields["client_secret"]
        if let basic = request.headers[.authorization], basic.hasPrefix("Basic "),
           let decoded = Data(base64Encoded: String(basic.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }) {
            let parts = decoded.split(separator: ":", maxSplits: 1).map(String.init)
            clientID = parts.first?.removingPercentEncoding ?? ""
            secret = parts.count > 1 ? parts[1].removingPercentEncoding : nil
        }
        guard clientID == settings.clientID, settings.clientSecret == nil || secret == settings.clientSecret else {
            return oauthError("invalid_client", "Sai client_id hoặc client_secret.", status: .unauthorized)
        }
        guard fields["grant_type"] == "authorization_code" else { return oauthError("unsupported_grant_type", "Chỉ hỗ trợ authorization_code.") }
        guard let grant = await grants.take(fields["code"] ?? ""), Date().timeIntervalSince(grant.issuedAt) < 60 else {
            return oauthError("invalid_grant", "Mã ủy quyền không tồn tại, đã dùng hoặc đã hết hạn.")
        }
        guard grant.request["client_id"] == clientID, grant.request["redirect_uri"] == fields["redirect_uri"] else {
            return oauthError("invalid_grant", "redirect_uri khác với lúc xin mã.")
        }
        let verifier = fields["code_verifier"] ?? ""
        guard Base64URL.encode(SHA256.hash(data: Data(verifier.utf8))) == grant.request["code_challenge"] else {
            return oauthError("invalid_grant", "code_verifier không khớp code_challenge.")
        }
        let now = Date()
        let person = grant.person
        // The level asked for, but never more than the account has.
        let wanted = grant.request["acr_values"].split(separator: " ").compactMap { AssuranceLevel(acr: String($0)) }.max()
        let level = min(wanted ?? person.eIDLevel, person.eIDLevel)
        let issued = now.addingTimeInterval(grant.fault == .expired ? -2 * settings.tokenLifetime : 0)
        let claims = SimulatedIDToken(
            iss: settings.issuer, sub: "vneid-" + person.personalId, aud: grant.fault == .wrongAudience ? "ung-dung-khac" : clientID,
            exp: Int(issued.timeIntervalSince1970 + settings.tokenLifetime), iat: Int(issued.timeIntervalSince1970),
            authTime: Int(grant.issuedAt.timeIntervalSince1970), nonce: grant.fault == .wrongNonce ? Self.randomToken() : grant.request["nonce"],
            acr: level.acr, name: person.fullName, birthdate: person.birthDate.description, gender: person.isFemale ? "female" : "male",
            personalID: person.personalId)
        let idToken = try await (grant.fault == .badSignature ? forgerKeys : keys).sign(claims)
        return json(["access_token": Self.randomToken(), "token_type": "Bearer", "expires_in": Int(settings.tokenLifetime),
                     "id_token": idToken, "scope": "openid profile"])
    }

    func oauthError(_ error: String, _ description: String, status: HTTPResponse.Status = .badRequest) -> Response {
        json(["error": error, "error_description": description], status: status)
    }

    // MARK: Plumbing

    static func formFields(_ request: Request) async throws -> [(String, String)] {
        let body = String(buffer: try await request.body.collect(upTo: 64 * 1024)).replacingOccurrences(of: "+", with: "%20")
        return (URLComponents(string: "?" + body)?.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}

func json(_ object: [String: any Sendable], status: HTTPResponse.Status = .ok) -> Response {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    return Response(status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                    body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
}
