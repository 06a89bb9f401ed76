import Benchmark
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaServer
import NIOCore

/// Trang web — how long the server takes to build each main page (queries, view model, template), with the demo
/// data and 50 dossiers received, accepted and waiting in the specialists' queue, through the real router; the
/// goal is under 100 ms each.
func registerPageBenchmarks() {
    for page in PageRequest.all {
        Benchmark("Page: \(page.name)") { benchmark in
            try await OneStopFixture.withRouter { client, deskToken in
                let setting = try await PageSetting.prepare(client, deskToken: deskToken)
                let (uri, method, headers, body) = page.request(setting)
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
                    precondition(response.status == .ok, "\(uri): \(response.status) \(String(buffer: response.body).prefix(300))")
                }
                benchmark.stopMeasurement()
            }
        }
    }
}

/// What the pages are asked with: the last dossier received, its tracking secret, and the officers' tokens.
struct PageSetting {
    let code: String
    let secret: String
    let tokens: [String: String]

    static let csrf = "bench-csrf-token-0123456789abcdef"

    static func prepare(_ client: any TestClientProtocol, deskToken: String) async throws -> PageSetting {
        var code = ""
        for _ in 0..<50 {
            let response = try await client.execute(uri: "/api/dossiers", method: .post, headers: OneStopFixture.headers(deskToken),
                                                    body: OneStopFixture.intakeBody)
            code = try OneStopFixture.code(of: response.body)
            for action in ["tiep-nhan", "chuyen-buoc"] {
                let moved = try await client.execute(uri: "/api/dossiers/\(code)/transitions", method: .post,
                                                     headers: OneStopFixture.headers(deskToken),
                                                     body: ByteBuffer(string: #"{"action":"\#(action)"}"#))
                precondition(moved.status == .ok, String(buffer: moved.body))
            }
        }
        let receipt = try await client.execute(uri: "/api/dossiers/\(code)/forms/01", method: .get,
                                               headers: [.authorization: "Bearer \(deskToken)"])
        let secret = (try JSONSerialization.jsonObject(with: Data(buffer: receipt.body)) as? [String: Any])?["trackingSecret"] as? String
        var tokens = ["motcua.badinh": deskToken]
        for username in ["chuyenvien.badinh", "quantri"] { tokens[username] = try await OneStopFixture.signIn(client, username) }
        return PageSetting(code: code, secret: secret ?? "", tokens: tokens)
    }

    func headers(as username: String?) -> HTTPFields {
        guard let username, let token = tokens[username] else { return [:] }
        return [.authorization: "Bearer \(token)"]
    }
}

/// One page as a browser asks for it.
struct PageRequest: Sendable {
    let name: String
    let request: @Sendable (PageSetting) -> (String, HTTPRequest.Method, HTTPFields, ByteBuffer)

    static func get(_ name: String, as username: String? = nil, _ uri: @escaping @Sendable (PageSetting) -> String) -> PageRequest {
        PageRequest(name: name) { setting in (uri(setting), .get, setting.headers(as: username), ByteBuffer()) }
    }

    static let all: [PageRequest] = [
        .get("catalog search (public)") { _ in "/thu-tuc?q=dang+ky+khai+sinh" },
        .get("procedure page (public)") { _ in "/thu-tuc/1.004194" },
        PageRequest(name: "online filing form (citizen signed in with the e-ID)") { _ in
            ("/nop-truc-tuyen/1.011599", .get, [.cookie: "motcua_cong_dan=\(OneStopFixture.citizenToken)"], ByteBuffer())
        },
        PageRequest(name: "tracking a dossier (public, code and secret posted)") { setting in
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "motcua_csrf=\(PageSetting.csrf)"]
            headers[.accept] = "text/html"
            return ("/tra-cuu", .post, headers, ByteBuffer(string: "code=\(setting.code)&secret=\(setting.secret)&csrf=\(PageSetting.csrf)"))
        },
        .get("my work (specialist, 50 waiting, first page of 20)", as: "chuyenvien.badinh") { _ in "/can-bo/viec" },
        .get("my work filtered by deadline (specialist)", as: "chuyenvien.badinh") { _ in "/can-bo/viec?deadline=con-han&holding=cho-nhan" },
        .get("dossier page with its actions (specialist)", as: "chuyenvien.badinh") { "/can-bo/ho-so/\($0.code)" },
        .get("form 01 to print", as: "motcua.badinh") { "/can-bo/ho-so/\($0.code)/mau/01" },
        .get("register, form 07 (50 lines)", as: "motcua.badinh") { _ in "/can-bo/so-theo-doi" },
        .get("desk intake form", as: "motcua.badinh") { _ in "/can-bo/tiep-nhan?thu-tuc=1.004873" },
        .get("holiday calendar (control office)", as: "quantri") { _ in "/quan-tri/lich" },
        .get("agencies searched (control office)", as: "quantri") { _ in "/quan-tri/co-quan?q=ba+dinh" },
    ]
}
