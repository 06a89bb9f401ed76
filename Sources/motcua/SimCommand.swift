import ArgumentParser
import Foundation
import Hummingbird
import Logging
import MotCuaSimulators

/// `motcua sim …` — the simulators of national systems MotCua cannot reach from here, each a separate process that
/// speaks the real system's protocol, for the demo and the tests.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sim", abstract: "Hệ thống quốc gia mô phỏng (cho demo và kiểm thử).",
                                                    subcommands: [IdentityProvider.self, PopulationRegistry.self])

    struct IdentityProvider: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "idp", abstract: "Mô phỏng VNeID: nhà cung cấp định danh OpenID Connect với công dân giả lập.")
        @Option var host = "127.0.0.1"
        @Option var port = 8090
        @Option(help: "Định danh nhà cung cấp (iss); mặc định http://HOST:PORT.") var issuer: String?
        @Option var clientId = "motcua"
        @Option(help: "Bí mật của client; bỏ trống: client công khai chỉ dùng PKCE.") var clientSecret: String?
        @Option(help: "Địa chỉ chuyển hướng được đăng ký (lặp lại được).")
        var redirectUri: [String] = ["http://127.0.0.1:8080/dang-nhap/vneid/xong", "http://localhost:8080/dang-nhap/vneid/xong"]
        @Option(help: "Số công dân giả lập.") var people = 5000
        @Option(help: "Dừng khi tiến trình này (máy chủ demo đã khởi động nó) không còn.") var parentPid: Int32?

        func run() async throws {
            guard people > 0 else { throw ValidationError("--people: cần ít nhất 1 công dân.") }
            let settings = IdentityProviderSimulator.Settings(issuer: issuer ?? "http://\(host):\(port)", clientID: clientId,
                                                              clientSecret: clientSecret, redirectURIs: redirectUri)
            let simulator = try await IdentityProviderSimulator.start(settings, population: SyntheticPopulation(size: people))
            try await SimCommand.serve(simulator.buildRouter(), host: host, port: port, parentPid: parentPid,
                                       label: "motcua-sim-idp", banner: "VNeID mô phỏng đang chạy tại \(settings.issuer)")
        }
    }

    struct PopulationRegistry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "registry", abstract: "Mô phỏng CSDL quốc gia về dân cư: tra cứu công dân theo số định danh.")
        @Option var host = "127.0.0.1"
        @Option var port = 8091
        @Option(help: "Khóa truy cập MotCua gửi kèm (Bearer).") var apiKey = RegistryOptions.demoKey
        @Option(help: "Số công dân giả lập (cùng dân cư với VNeID mô phỏng).") var people = 5000
        @Option(help: "Trả lời chậm thêm bấy nhiêu mili giây.") var delayMs = 0
        @Option(help: "Dừng khi tiến trình này (máy chủ demo đã khởi động nó) không còn.") var parentPid: Int32?

        func run() async throws {
            guard people > 0, delayMs >= 0 else { throw ValidationError("--people: ít nhất 1; --delay-ms: không âm.") }
            let simulator = PopulationRegistrySimulator(population: SyntheticPopulation(size: people), apiKey: apiKey,
                                                        delay: .milliseconds(delayMs))
            try await SimCommand.serve(simulator.buildRouter(), host: host, port: port, parentPid: parentPid,
                                       label: "motcua-sim-registry", banner: "CSDL dân cư mô phỏng đang chạy tại http://\(host):\(port)")
        }
    }

    /// Runs a simulator's HTTP server until it is stopped (or, given `parentPid`, that process is gone).
    static func serve(_ router: Router<BasicRequestContext>, host: String, port: Int, parentPid: Int32?, label: String,
                      banner: String) async throws {
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port)), logger: Logger(label: label))
        print(banner)
        fflush(nil)
        if let parentPid { exitWhenOrphaned(of: parentPid) }
        try await app.runService()
    }

    /// Ends this process once `parent` is no longer its parent (it died — even before this process got here — and
    /// this one was adopted).
    static func exitWhenOrphaned(of parent: Int32) {
        Thread.detachNewThread {
            while getppid() == parent { sleep(1) }
            Foundation.exit(0)
        }
    }
}
