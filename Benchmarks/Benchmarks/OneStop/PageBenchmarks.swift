import Benchmark
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MotCuaServer
import NIOCore

/// Trang web — how long the server takes to build each main page (queries, view model, template), with the demo
/// data and 50 dossiers received, through the real router; the goal is under 100 ms each.
func registerPageBenchmarks() {
    let pages: [(name: String, uri: (String) -> String)] = [
        ("catalog search (public)", { _ in "/thu-tuc?q=dang+ky+khai+sinh" }),
        ("procedure page (public)", { _ in "/thu-tuc/1.004194" }),
        ("my work (desk)", { _ in "/can-bo/viec" }),
        ("dossier page with its actions (desk)", { "/can-bo/ho-so/\($0)" }),
        ("form 01 to print", { "/can-bo/ho-so/\($0)/mau/01" }),
        ("desk intake form", { _ in "/can-bo/tiep-nhan?thu-tuc=1.004873" }),
    ]
    for page in pages {
        Benchmark("Page: \(page.name)") { benchmark in
            try await OneStopFixture.withRouter { client, token in
                var code = ""
                for _ in 0..<50 {
                    let response = try await client.execute(uri: "/api/dossiers", method: .post,
                                                            headers: OneStopFixture.headers(token), body: OneStopFixture.intakeBody)
                    code = try OneStopFixture.code(of: response.body)
                }
                let uri = page.uri(code)
                let headers: HTTPFields = [.authorization: "Bearer \(token)"]
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    let response = try await client.execute(uri: uri, method: .get, headers: headers)
                    precondition(response.status == .ok, "\(uri): \(response.status)")
                }
                benchmark.stopMeasurement()
            }
        }
    }
}
