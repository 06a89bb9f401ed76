import Foundation
import Hummingbird
import MotCuaServer
import MotCuaTestSupport
import Testing

/// openapi.yaml and the router agree: every API route (under /api, and the operations endpoints) is documented
/// and every documented operation is routed. The HTML pages are not part of the API.
@Suite struct OpenAPICoverageTests {
    @Test func everyRouteIsInTheSpecAndEverySpecPathIsRouted() async throws {
        try await TestDatabases.withDatabase(.sqlite, demo: false) { database in
            let files = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-tep-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: files) }
            let router = try await MotCuaApp.buildRouter(AppConfig(filesDirectory: files), database: database)
            let operationsEndpoints: Set<String> = ["/healthz", "/metrics", "/openapi.yaml"]
            let routed = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" }.filter { route in
                let path = String(route.split(separator: " ")[1])
                return path.hasPrefix("/api/") || operationsEndpoints.contains(path)
            })
            let app = Application(router: router)
            let spec = try await app.test(.router) { client in
                try await client.execute(uri: "/openapi.yaml", method: .get) { String(buffer: $0.body) }
            }
            let documented = Self.operations(inSpec: spec)
            #expect(documented.count > 10, "the spec was read")
            #expect(routed.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
            #expect(documented.subtracting(routed).sorted() == [], "operations in openapi.yaml with no route")
        }
    }

    /// "METHOD /path" for each operation under `paths:` (two-space path keys, four-space method keys).
    static func operations(inSpec spec: String) -> Set<String> {
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        var operations: Set<String> = []
        var inPaths = false
        var currentPath: String?
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") { inPaths = line == "paths:"; currentPath = nil; continue }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), !line.hasPrefix("   ") {
                currentPath = String(line.dropFirst(2).dropLast(line.hasSuffix(":") ? 1 : 0))
            } else if let path = currentPath, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let key = line.dropFirst(4).prefix { $0 != ":" }
                if methods.contains(String(key)) { operations.insert("\(key.uppercased()) \(path)") }
            }
        }
        return operations
    }
}
