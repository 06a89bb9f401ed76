import Foundation
import HTTPTypes
import MotCuaServer
import MotCuaTestSupport
import Testing

/// Password guessing against an officer account: wrong passwords are counted in the database; the fifth in a row
/// locks the account for 15 minutes, during which even the right password is refused (saying until when), on the
/// API and on the sign-in page alike; a right password before that starts the count again.
@Suite struct SignInLockoutTests {
    @Test(arguments: TestEngine.available)
    func theFifthWrongPasswordInARowLocksTheAccountForAQuarterHour(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T09:00:00")
        try await APIHarness.run(engine, clock: clock) { client, _ in
            func attempt(_ password: String) async throws -> APIResponse {
                try await client.send(.post, "/api/sessions", json: ["username": "motcua.badinh", "password": password])
            }
            for _ in 0..<4 { #expect(try await attempt("doan-sai-1").status == .unauthorized) }
            #expect(try await attempt(DemoAccounts.password).status == .created, "a right password before the fifth wrong one")
            for _ in 0..<4 { #expect(try await attempt("doan-sai-2").status == .unauthorized, "the count started again") }
            let fifth = try await attempt("doan-sai-2")
            #expect(fifth.status == .tooManyRequests && fifth.json["code"] as? String == "account-locked")
            #expect((fifth.json["detail"] as? String)?.contains("thử lại sau 09:15 ngày 02/03/2026") == true, "\(fifth.text)")
            #expect(try await attempt(DemoAccounts.password).status == .tooManyRequests, "locked even for the right password")
            #expect(try await client.send(.post, "/api/sessions", json: ["username": "chuyenvien.badinh", "password": DemoAccounts.password])
                .status == .created, "other accounts are not touched")

            var form = HTTPFields()
            form[.contentType] = "application/x-www-form-urlencoded"
            form[.cookie] = "motcua_csrf=\(WebPagesTests.csrf)"
            let page = try await client.send(.post, "/dang-nhap", raw: Data("csrf=\(WebPagesTests.csrf)&username=motcua.badinh&password=\(DemoAccounts.password)".utf8),
                                             headers: form)
            #expect(page.status == .tooManyRequests && page.text.contains("Tài khoản tạm khóa vì nhập sai mật khẩu 5 lần liên tiếp"))

            clock.advance(hours: 0.25)
            #expect(try await attempt(DemoAccounts.password).status == .created, "a quarter hour later the account opens again")
        }
    }

    /// Password spraying: one address trying a common password across many names is stopped after 30 failures in
    /// its 10-minute window, even for a right password, and may try again in the next window.
    @Test(arguments: TestEngine.available)
    func anAddressFailingThirtyTimesInTenMinutesIsRefusedUntilTheWindowEnds(engine: TestEngine) async throws {
        let clock = TestClock(local: "2026-03-02T09:00:00")
        try await APIHarness.run(engine, clock: clock) { client, _ in
            for index in 0..<30 {
                let guess = try await client.send(.post, "/api/sessions", json: ["username": "ten-\(index)", "password": "matkhau123"])
                #expect(guess.status == .unauthorized)
            }
            let right = try await client.send(.post, "/api/sessions", json: ["username": "motcua.badinh", "password": DemoAccounts.password])
            #expect(right.status == .tooManyRequests && right.json["code"] as? String == "address-throttled")
            #expect((right.json["detail"] as? String)?.contains("thử lại sau 09:10 ngày 02/03/2026") == true, "\(right.text)")
            clock.advance(hours: 1.0 / 6)
            #expect(try await client.signIn("motcua.badinh").isEmpty == false, "the next window lets it in")
        }
    }
}
