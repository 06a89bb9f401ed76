import Foundation
import NIOCore

/// Máy chủ trung gian tin cậy — the reverse proxies the operator names as standing in front of MotCua (nginx ending
/// TLS, a load balancer: `--trusted-proxy`). A request that comes from one of them is from the client the proxy names
/// in `X-Forwarded-For`; from anyone else that header is ignored, since a client writes what it likes in it. Behind a
/// proxy not named, every request is from the proxy's address — and 30 failed sign-ins by anyone would refuse every
/// officer's sign-in for ten minutes (`SignInLockout`).
public struct TrustedProxies: Sendable, Equatable {
    /// A proxy named by something that is not an IPv4 or IPv6 address.
    public struct NotAnAddress: Error, Equatable, CustomStringConvertible {
        public let text: String
        public var description: String { "“\(text)” không phải địa chỉ IP (IPv4 hoặc IPv6)." }
    }

    /// None named: the connection's address is the client's.
    public static let none = TrustedProxies(canonical: [])

    /// The addresses, each as NIO writes it (`::1`, not `0:0:0:0:0:0:0:1`).
    private let addresses: Set<String>

    private init(canonical addresses: Set<String>) { self.addresses = addresses }

    /// The proxies at `addresses`; throws the first that is no IP address.
    public init(_ addresses: [String]) throws {
        self.init(canonical: Set(try addresses.map { text in
            guard let address = Self.canonical(text) else { throw NotAnAddress(text: text) }
            return address
        }))
    }

    /// The client's address: `connection`'s, unless that is a named proxy. Then the header's addresses (`forwardedFor`:
    /// its values in order, each a comma-separated list) are read from the last, which the nearest proxy added: the
    /// first that is not a named proxy is the client. Past an entry that is no address, or when every entry is a
    /// proxy, it is the last proxy read.
    public func clientAddress(connection: String, forwardedFor: [String]) -> String {
        guard !addresses.isEmpty, let peer = Self.canonical(connection), addresses.contains(peer) else { return connection }
        var client = peer
        for entry in forwardedFor.flatMap({ $0.split(separator: ",") }).reversed() {
            guard let address = Self.canonical(entry.trimmingCharacters(in: .whitespaces)) else { return client }
            client = address
            if !addresses.contains(address) { return address }
        }
        return client
    }

    /// The address as NIO writes it, or nil when the text is no IPv4 or IPv6 address.
    private static func canonical<Text: StringProtocol>(_ text: Text) -> String? {
        try? SocketAddress(ipAddress: String(text), port: 0).ipAddress
    }
}
