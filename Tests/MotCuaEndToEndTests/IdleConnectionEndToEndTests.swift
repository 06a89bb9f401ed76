#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MotCuaTestSupport
import Testing

/// The real server closes an HTTP connection left idle past `--idle-connection-seconds`, and one whose request's head
/// comes a byte at a time: neither may hold one of its open files for ever.
@Suite(.serialized) struct IdleConnectionEndToEndTests {
    /// A TCP connection to the server on `port`, reading with a timeout of `seconds`.
    static func connect(port: Int, readTimeout seconds: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        return socket
    }

    /// What a read gives: the bytes read, 0 when the server closed the connection, -1 when nothing came in time.
    static func read(_ socket: Int32) -> Int {
        var buffer = [UInt8](repeating: 0, count: 4096)
        return recv(socket, &buffer, buffer.count, 0)
    }

    static func send(_ socket: Int32, _ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.send(socket, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
    }

    @Test func idleAndCreepingConnectionsAreClosedAndOthersServed() async throws {
        try await TestDatabases.withEmpty(.sqlite) { location in
            let server = try await ServerProcess(database: location, extraArguments: ["--idle-connection-seconds", "1"])
            defer { server.stop() }
            let idle = try Self.connect(port: server.port, readTimeout: 5)
            defer { close(idle) }
            let creeping = try Self.connect(port: server.port, readTimeout: 5)
            defer { close(creeping) }
            let served = try Self.connect(port: server.port, readTimeout: 5)
            defer { close(served) }
            Self.send(served, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(Self.read(served) > 0, "a request sent at once is answered")
            Self.send(creeping, "GET /healthz HTTP/1.1\r\n")
            let started = ContinuousClock.now
            #expect(Self.read(idle) == 0, "the idle connection is closed by the server")
            #expect(ContinuousClock.now - started < .seconds(4))
            Self.send(creeping, "Host: local")
            #expect(Self.read(creeping) == 0, "so is the one whose request's head never ends")
        }
    }
}
