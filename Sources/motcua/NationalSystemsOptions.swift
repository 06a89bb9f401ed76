import ArgumentParser
import Foundation
import MotCuaServer

/// Định danh điện tử — where citizens sign in: a national e-ID provider (OpenID Connect) named on the command line
/// or in the environment; with `--demo` and none named, the identity-provider simulator started beside the server.
struct EIDOptions: ParsableArguments {
    @Option(name: .customLong("vneid-issuer"),
            help: "Issuer OpenID Connect của VNeID (ví dụ https://sso.dancuquocgia.gov.vn; hoặc MOTCUA_VNEID_ISSUER); --demo mà bỏ trống: chạy VNeID mô phỏng.")
    var vneidIssuerOption: String?
    var vneidIssuer: String? { vneidIssuerOption ?? Environment.value("MOTCUA_VNEID_ISSUER") }
    @Option(help: "client_id MotCua đăng ký với VNeID.")
    var vneidClientId = ProcessInfo.processInfo.environment["MOTCUA_VNEID_CLIENT_ID"] ?? "motcua"
    @Option(name: .customLong("vneid-client-secret"),
            help: "client_secret (nếu VNeID cấp; hoặc MOTCUA_VNEID_CLIENT_SECRET); bỏ trống: client công khai dùng PKCE.")
    var vneidClientSecretOption: String?
    var vneidClientSecret: String? { vneidClientSecretOption ?? Environment.value("MOTCUA_VNEID_CLIENT_SECRET") }
    @Option(name: .customLong("public-url"), help: "Địa chỉ MotCua mà trình duyệt thấy (hoặc MOTCUA_PUBLIC_URL; mặc định http://localhost:CỔNG).")
    var publicUrlOption: String?
    var publicUrl: String? { publicUrlOption ?? Environment.value("MOTCUA_PUBLIC_URL") }
    @Option(help: "Cổng của VNeID mô phỏng chạy kèm --demo (mặc định: cổng máy chủ + 10).")
    var vneidSimPort: Int?

    /// MotCua's own address as the browser sees it.
    func publicURL(host: String, port: Int) -> String {
        publicUrl ?? "http://\(["127.0.0.1", "0.0.0.0", "::"].contains(host) ? "localhost" : host):\(port)"
    }

    func settings(issuer: String, host: String, port: Int) -> EIDSettings {
        EIDSettings(issuer: issuer, clientID: vneidClientId, clientSecret: vneidClientSecret, publicURL: publicURL(host: host, port: port))
    }
}

/// CSDL quốc gia về dân cư — where the desk looks applicants up: a registry named on the command line or in the
/// environment; with `--demo` and none named, the registry simulator started beside the server.
struct RegistryOptions: ParsableArguments {
    @Option(name: .customLong("registry-url"),
            help: "Địa chỉ giao diện tra cứu CSDL quốc gia về dân cư (hoặc MOTCUA_REGISTRY_URL); --demo mà bỏ trống: chạy CSDL dân cư mô phỏng.")
    var registryUrlOption: String?
    var registryUrl: String? { registryUrlOption ?? Environment.value("MOTCUA_REGISTRY_URL") }
    @Option(help: "Khóa truy cập CSDL dân cư cấp cho MotCua.")
    var registryApiKey = ProcessInfo.processInfo.environment["MOTCUA_REGISTRY_API_KEY"] ?? RegistryOptions.demoKey
    @Option(help: "Cổng của CSDL dân cư mô phỏng chạy kèm --demo (mặc định: cổng máy chủ + 11).")
    var registrySimPort: Int?

    /// The key the demo's registry simulator expects when none is given.
    static let demoKey = "motcua-demo"
}

/// Hệ thống mô phỏng chạy kèm — a `motcua sim …` child process of a demo server, stopped with it (and by itself
/// should the server die without stopping it).
final class DemoSimulator {
    private let process = Process()
    let address: String

    init(_ kind: String, port: Int, arguments: [String] = []) throws {
        address = "http://127.0.0.1:\(port)"
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["sim", kind, "--port", String(port), "--parent-pid", String(getpid())] + arguments
        try process.run()
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

/// Biến môi trường — a setting given in the environment instead of on the command line (empty counts as not given).
enum Environment {
    static func value(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The variable's whole number, if it is set to one.
    static func number(_ name: String) -> Int? {
        value(name).flatMap { Int($0) }
    }
}
