import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes

/// Máy chủ thật — the built `motcua` executable started as its own process (`motcua serve`) on a free port,
/// reached over HTTP, and stopped at the end; with `identityProvider` and `registry`, the e-ID simulator (`motcua
/// sim idp`) and the population-registry simulator (`motcua sim registry`) run beside it as processes of their own
/// and the server talks to them by protocol. (`Process` predates Sendable; this class only reads it after start.)
public final class ServerProcess: @unchecked Sendable {
    public let port: Int
    private let process: Process
    public let output: URL
    /// The simulators' processes, by kind (`idp`, `registry`), and the e-ID simulator's address, when asked for.
    private let simulators: [String: Process]
    public let identityProviderURL: String?

    /// Starts `motcua serve` with `arguments` after the port and database, and waits for /healthz.
    public init(database: String, extraArguments: [String] = [], identityProvider: Bool = false, registry: Bool = false) async throws {
        port = try Self.freePort()
        output = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-serve-\(port).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let log = try FileHandle(forWritingTo: output)
        var arguments = ["serve", "--port", String(port), "--database", database]
        var simulators: [String: Process] = [:]
        /// Starts `motcua sim KIND` on a free port and waits until `probe` answers 200; its address.
        func simulator(_ kind: String, _ options: [String], probe: String) async throws -> String {
            let simulatorPort = try Self.freePort()
            let process = Process()
            process.executableURL = try Self.executable()
            process.arguments = ["sim", kind, "--port", String(simulatorPort)] + options
            process.standardOutput = log
            process.standardError = log
            try process.run()
            simulators[kind] = process
            let address = "http://127.0.0.1:\(simulatorPort)"
            try await Self.waitUntil(answered: URL(string: address + probe)!, while: process)
            return address
        }
        identityProviderURL = identityProvider
            ? try await simulator("idp", ["--redirect-uri", "http://127.0.0.1:\(port)/dang-nhap/vneid/xong"],
                                  probe: "/.well-known/openid-configuration")
            : nil
        if let identityProviderURL {
            arguments += ["--vneid-issuer", identityProviderURL, "--public-url", "http://127.0.0.1:\(port)"]
        }
        if registry {
            let address = try await simulator("registry", ["--api-key", Self.registryKey], probe: "/healthz")
            arguments += ["--registry-url", address, "--registry-api-key", Self.registryKey]
        }
        self.simulators = simulators
        process = Process()
        process.executableURL = try Self.executable()
        process.arguments = arguments + extraArguments
        process.standardOutput = log
        process.standardError = log
        try process.run()
        try await waitUntilHealthy()
    }

    private static func waitUntil(answered url: URL, while process: Process) async throws {
        for _ in 0..<300 {
            guard process.isRunning else { throw TestSetupError("\(url.host ?? "") exited before answering") }
            if let (_, response) = try? await URLSession.shared.data(from: url), (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestSetupError("\(url) did not answer")
    }

    /// A port nobody listens on now: bind to port 0, read what the kernel chose, let it go.
    static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw TestSetupError("socket() failed") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socketFD, generic, length) == 0 && getsockname(socketFD, generic, &length) == 0
            }
        }
        guard bound else { throw TestSetupError("bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The `motcua` binary built next to the test bundle.
    public static func executable() throws -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("motcua")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw TestSetupError("motcua executable not found near \(CommandLine.arguments[0]); run `swift build --build-tests` first")
    }

    private func waitUntilHealthy() async throws {
        for _ in 0..<300 {
            guard process.isRunning else { throw TestSetupError("motcua serve exited: \(log)") }
            if let response = try? await client.send(.get, "/healthz", raw: nil), response.status == .ok { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestSetupError("motcua serve did not become healthy: \(log)")
    }

    /// What the server printed so far.
    public var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    /// A client speaking real HTTP to the process.
    public var client: APIClient {
        let base = "http://127.0.0.1:\(port)"
        return APIClient { method, uri, headers, body in
            var request = URLRequest(url: URL(string: base + uri)!)
            request.httpMethod = method.rawValue
            for field in headers { request.addValue(field.value, forHTTPHeaderField: field.name.rawName) }
            request.httpBody = body
            let (data, response) = try await URLSession.shared.data(for: request)
            guard let http = response as? HTTPURLResponse else { throw TestSetupError("not an HTTP response") }
            var fields = HTTPFields()
            for (name, value) in http.allHeaderFields {
                if let name = (name as? String).flatMap({ HTTPField.Name($0) }), let value = value as? String { fields[name] = value }
            }
            return APIResponse(status: .init(code: http.statusCode), headers: fields, body: data)
        }
    }

    static let registryKey = "khoa-kiem-thu"

    /// Stops the server the way an operator does (SIGTERM) and waits for it (and the simulators beside it).
    public func stop() {
        for running in [process] + simulators.values {
            if running.isRunning { running.terminate() }
            running.waitUntilExit()
        }
    }

    /// Stops one simulator (`registry`, `idp`), as if that national system went down.
    public func stopSimulator(_ kind: String) {
        guard let running = simulators[kind] else { return }
        if running.isRunning { running.terminate() }
        running.waitUntilExit()
    }

    /// Kills the server without warning (SIGKILL), as a crash or power cut would.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
