import Foundation
import HTTPTypes
import Hummingbird
import MotCuaCore
import MotCuaServer
import MotCuaTestSupport
import Testing

/// Behind a reverse proxy every request comes from the proxy's address: counted as one client, 30 failed sign-ins by
/// anyone would refuse every officer's sign-in for ten minutes. A request from a proxy the operator names is from the
/// address the proxy writes in X-Forwarded-For; from anyone else that header is ignored, since a client writes what it
/// likes in it (and would step out of its own count).
@Suite struct TrustedProxiesTests {
    struct Case: Sendable, CustomStringConvertible {
        let trusted: [String], connection: String, forwardedFor: [String], client: String, description: String
    }

    static let cases: [Case] = [
        Case(trusted: [], connection: "10.0.0.1", forwardedFor: ["203.0.113.5"], client: "10.0.0.1",
             description: "no proxy named: the header is the client's own words"),
        Case(trusted: ["127.0.0.1"], connection: "10.0.0.9", forwardedFor: ["203.0.113.5"], client: "10.0.0.9",
             description: "not from the proxy: the header is ignored"),
        Case(trusted: ["127.0.0.1"], connection: "127.0.0.1", forwardedFor: [], client: "127.0.0.1",
             description: "from the proxy, no header: the proxy itself"),
        Case(trusted: ["127.0.0.1"], connection: "127.0.0.1", forwardedFor: ["203.0.113.5"], client: "203.0.113.5",
             description: "from the proxy: whom it was reached from"),
        Case(trusted: ["127.0.0.1"], connection: "127.0.0.1", forwardedFor: ["198.51.100.7, 203.0.113.5"], client: "203.0.113.5",
             description: "what the client wrote comes before what the proxy added, and is not believed"),
        Case(trusted: ["127.0.0.1"], connection: "127.0.0.1", forwardedFor: ["198.51.100.7", " 203.0.113.5 "], client: "203.0.113.5",
             description: "the header twice: read as one list, spaces trimmed"),
        Case(trusted: ["127.0.0.1", "10.0.0.2"], connection: "127.0.0.1", forwardedFor: ["203.0.113.5, 10.0.0.2"], client: "203.0.113.5",
             description: "two proxies in a row: the first address neither of them is"),
        Case(trusted: ["127.0.0.1"], connection: "127.0.0.1", forwardedFor: ["203.0.113.5, khong-phai-ip"], client: "127.0.0.1",
             description: "what the proxy added is no address: the proxy's own"),
        Case(trusted: ["::1"], connection: "::1", forwardedFor: ["2001:db8::7"], client: "2001:db8::7",
             description: "IPv6"),
        Case(trusted: ["0:0:0:0:0:0:0:1"], connection: "::1", forwardedFor: ["2001:db8::7"], client: "2001:db8::7",
             description: "an address named in another spelling is the same address"),
    ]

    @Test(arguments: cases)
    func theClientAddressIsThePeersUnlessThePeerIsATrustedProxy(_ example: Case) throws {
        let proxies = try TrustedProxies(example.trusted)
        #expect(proxies.clientAddress(connection: example.connection, forwardedFor: example.forwardedFor) == example.client)
    }

    @Test func aProxyNamedByNoAddressIsRefusedByName() {
        let refused = #expect(throws: TrustedProxies.NotAnAddress.self) { try TrustedProxies(["127.0.0.1", "proxy.local"]) }
        #expect(refused?.description == "“proxy.local” không phải địa chỉ IP (IPv4 hoặc IPv6).")
    }

    /// Through a real socket (the connection's address is 127.0.0.1): named as a proxy, one address behind it failing
    /// 30 times is refused and another behind it is not; not named, the header changes nothing — 30 failures from
    /// 127.0.0.1 refuse the next sign-in whatever address it writes.
    @Test(arguments: TestEngine.available)
    func failedSignInsAreCountedByTheAddressBehindATrustedProxyOnly(engine: TestEngine) async throws {
        for trusted in [true, false] {
            var config = AppConfig()
            config.trustedProxies = try TrustedProxies(trusted ? ["127.0.0.1"] : [])
            try await APIHarness.run(engine, clock: TestClock(local: "2026-03-02T09:00:00"), config: config, testing: .live) { client, _ in
                func signIn(_ username: String, from address: String, password: String = DemoAccounts.password) async throws -> APIResponse {
                    try await client.send(.post, "/api/sessions", json: ["username": username, "password": password],
                                          headers: [HTTPField.Name("X-Forwarded-For")!: address])
                }
                for index in 0..<30 {
                    #expect(try await signIn("ten-\(index)", from: "203.0.113.5", password: "matkhau123").status == .unauthorized)
                }
                let sameAddress = try await signIn("motcua.badinh", from: "203.0.113.5")
                #expect(sameAddress.status == .tooManyRequests && sameAddress.json["code"] as? String == "address-throttled")
                let another = try await signIn("motcua.badinh", from: "203.0.113.6")
                #expect(another.status == (trusted ? .created : .tooManyRequests), "trusted: \(trusted), \(another.text)")
            }
        }
    }
}
