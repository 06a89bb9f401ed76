/// Trang của VNeID mô phỏng — the simulator's two pages: choose a made-up citizen to sign in as (the request's
/// parameters carried in hidden fields), and an error that cannot be sent back to the client.
enum SimulatorPages {
    static func signIn(_ request: AuthorizationRequest, people: ArraySlice<SyntheticPopulation.Person>, error: String? = nil) -> String {
        let hidden = AuthorizationRequest.names.map {
            "<input type=\"hidden\" name=\"\($0)\" value=\"\(escape(request[$0]))\">"
        }.joined(separator: "\n")
        let options = people.map {
            "<option value=\"\($0.personalId)\">\(escape($0.fullName)) — \($0.personalId) — tài khoản \($0.eIDLevel.vietnameseName)</option>"
        }.joined(separator: "\n")
        let faults = SimulatedFault.allCases.map { "<option value=\"\($0.rawValue)\">\($0.label)</option>" }.joined()
        let asked = request["acr_values"].isEmpty ? "" : "<p>Dịch vụ yêu cầu tài khoản định danh điện tử \(escape(request["acr_values"])).</p>"
        let problem = error.map { "<p role=\"alert\" style=\"color:#a40000\">\(escape($0))</p>" } ?? ""
        return page("Đăng nhập VNeID (mô phỏng)", """
            <p>Hệ thống mô phỏng định danh điện tử quốc gia dùng để thử nghiệm; mọi công dân ở đây là giả lập.</p>
            \(asked)\(problem)
            <form method="post" action="/authorize">
            \(hidden)
            <p><label for="chon">Chọn công dân</label><br>
            <select id="chon" name="personal_id">\(options)</select></p>
            <p><label for="so">Hoặc nhập số định danh cá nhân</label><br>
            <input id="so" name="personal_id" inputmode="numeric" maxlength="12" autocomplete="off"></p>
            <p><label for="loi">Mô phỏng sự cố (kiểm thử)</label><br>
            <select id="loi" name="fault"><option value="">Không</option>\(faults)</select></p>
            <p><button type="submit" name="decision" value="allow">Đăng nhập</button>
            <button type="submit" name="decision" value="deny">Từ chối</button></p>
            </form>
            """)
    }

    static func error(_ message: String) -> String {
        page("Yêu cầu đăng nhập không hợp lệ", "<p role=\"alert\">\(escape(message))</p>")
    }

    private static func page(_ title: String, _ body: String) -> String {
        """
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title></head>
        <body style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">
        <h1>\(title)</h1>
        \(body)
        </body></html>
        """
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
