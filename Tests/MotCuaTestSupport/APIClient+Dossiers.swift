import Foundation
import HTTPTypes
import MotCuaCore

/// Việc thường làm với hồ sơ qua API — the requests tests send again and again: receive the journey's dossier,
/// take an action, read the open work items.
extension APIClient {
    /// Receives the journey's marital-status dossier at the ward desk and returns its code.
    public func receiveDossier(by desk: String = "motcua.badinh") async throws -> String {
        let response = try await send(.post, "/api/dossiers", token: try await signIn(desk), json: LifecycleJourney.intakeBody)
        guard response.status == .created, let code = response.json["code"] as? String else {
            throw TestSetupError("intake failed: \(response.status) \(response.text)")
        }
        return code
    }

    /// Sends one transition with any extra fields (`workItem`, `decision`, `assignee` …).
    public func act(_ code: String, _ action: DossierAction, as username: String,
                    _ extra: [String: Any] = [:]) async throws -> APIResponse {
        var body = extra
        body["action"] = action.rawValue
        return try await send(.post, "/api/dossiers/\(code)/transitions", token: try await signIn(username), json: body)
    }

    /// Headers carrying a demo officer's bearer token, for pages and downloads.
    public func headers(as username: String) async throws -> HTTPFields {
        var fields = HTTPFields()
        fields[.authorization] = "Bearer \(try await signIn(username))"
        return fields
    }

    /// The open work items of a dossier, as the dossier's JSON lists them.
    public func openItems(_ code: String, as username: String = "motcua.badinh") async throws -> [[String: Any]] {
        let dossier = try await send(.get, "/api/dossiers/\(code)", token: try await signIn(username)).json
        return (dossier["workItems"] as? [[String: Any]] ?? []).filter { $0["open"] as? Bool == true }
    }
}
