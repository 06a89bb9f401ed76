import AsyncHTTPClient
import Foundation
import NIOCore

/// Gọi hệ thống khác — one HTTP call from MotCua to a national system, bounded by a timeout, with its status and at
/// most 1 MiB of body; a call that cannot be made or finished is an `OutboundHTTP.Failure` saying why.
enum OutboundHTTP {
    struct Failure: Error {
        let reason: String
    }

    static func send(_ request: HTTPClientRequest, timeout: TimeAmount, http: HTTPClient = .shared) async throws -> (status: Int, body: Data) {
        do {
            let response = try await http.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: 1 << 20)
            return (Int(response.status.code), Data(body.readableBytesView))
        } catch {
            throw Failure(reason: "không kết nối được \(request.url) (\(error))")
        }
    }
}
