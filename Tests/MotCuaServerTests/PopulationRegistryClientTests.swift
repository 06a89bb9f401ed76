import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MotCuaServer
import Synchronization
import Testing

/// The registry client against a live HTTP server that misbehaves on purpose: a person found, someone unknown, a
/// wrong key, an answer about someone else or unreadable, a registry failing once then answering (retried), failing
/// every time, and one too slow (bounded by the timeout). Each bad answer is "unavailable" with its reason, never a
/// person. Only the slow look-up has a short timeout, and its registry holds the answer until the test is over, so no
/// outcome depends on how busy the machine is.
@Suite struct PopulationRegistryClientTests {
    /// How many look-ups the registry answered, and whether the slow look-up may now be answered.
    final class Calls: Sendable {
        let count = Mutex(0)
        let slowAnswerReleased = Mutex(false)
    }

    static let person = #"{"soDinhDanh":"001190012345","hoTen":"Nguyễn Thị Mai","ngaySinh":"1990-05-01","gioiTinh":"Nữ","queQuan":"Nam Định","noiThuongTru":"Số 1 phố Đội Cấn, Hà Nội","noiTamTru":null,"chuHo":"001190012345"}"#

    static func withRegistry(_ body: @escaping @Sendable (PopulationRegistry, Calls) async throws -> Void) async throws {
        let calls = Calls()
        let router = Router()
        router.get("/cong-dan/{id}") { request, context -> Response in
            let attempt = calls.count.withLock { $0 += 1; return $0 }
            func answer(_ status: HTTPResponse.Status, _ text: String) -> Response {
                Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
            }
            guard request.headers[.authorization] == "Bearer khoa" else { return answer(.unauthorized, "{}") }
            switch try context.parameters.require("id") {
            case "001190012345": return answer(.ok, Self.person)
            case "001190099999": return answer(.ok, Self.person)  // about someone else
            case "001190088888": return answer(.ok, "<html>bảo trì</html>")
            case "001190077777": return attempt % 2 == 1 ? answer(.serviceUnavailable, "{}") : answer(.ok, Self.person.replacingOccurrences(of: "001190012345\",\"hoTen", with: "001190077777\",\"hoTen"))
            case "001190066666": return answer(.internalServerError, "{}")
            case "001190055555":
                // Held until the test is over, or a minute if a client without its timeout would wait that long.
                let giveUp = ContinuousClock.now + .seconds(60)
                while !calls.slowAnswerReleased.withLock({ $0 }), ContinuousClock.now < giveUp { try await Task.sleep(for: .milliseconds(20)) }
                return answer(.ok, Self.person)
            default: return answer(.notFound, #"{"loi":"khong-tim-thay"}"#)
            }
        }
        try await Application(router: router).test(.live) { client in
            defer { calls.slowAnswerReleased.withLock { $0 = true } }
            let registry = PopulationRegistry(settings: RegistrySettings(url: "http://127.0.0.1:\(client.port!)", apiKey: "khoa"),
                                              timeout: .seconds(30))
            try await body(registry, calls)
        }
    }

    static func reason(_ registry: PopulationRegistry, _ id: String) async -> String? {
        do {
            _ = try await registry.person(id)
            return nil
        } catch let unavailable as RegistryUnavailable {
            return unavailable.reason
        } catch {
            return "\(error)"
        }
    }

    @Test func answersAreReadOrRefusedWithTheirReason() async throws {
        try await Self.withRegistry { registry, calls async throws in
            #expect(try await registry.person("001190012345")?.permanentAddress == "Số 1 phố Đội Cấn, Hà Nội")
            #expect(try await registry.person("001190011111") == nil, "unknown to the registry")
            #expect(await Self.reason(registry, "001190099999") == "câu trả lời không đúng định dạng", "an answer about someone else")
            #expect(await Self.reason(registry, "001190088888") == "câu trả lời không đúng định dạng", "an unreadable answer")
            calls.count.withLock { $0 = 0 }
            #expect(try await registry.person("001190077777")?.fullName == "Nguyễn Thị Mai", "failed once, answered when retried")
            #expect(calls.count.withLock { $0 } == 2)
            #expect(await Self.reason(registry, "001190066666") == "lỗi HTTP 500", "failing every time")
            var hurried = registry
            hurried.timeout = .milliseconds(300)
            #expect(await Self.reason(hurried, "001190055555")?.contains("không kết nối được") == true, "too slow: bounded by the timeout")
            var wrongKey = registry
            wrongKey.settings = RegistrySettings(url: registry.settings.url, apiKey: "sai")
            #expect(await Self.reason(wrongKey, "001190012345") == "từ chối yêu cầu (HTTP 401)")
        }
    }
}
