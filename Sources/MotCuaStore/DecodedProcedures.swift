import Foundation
import MotCuaCore
import Synchronization

/// Thủ tục đã đọc — procedures already decoded from their stored JSON, by the exact text they were decoded from:
/// a row whose text is the same gives the same procedure without decoding it again (a tenth of an intake's JSON
/// work), and a row changed by any server has other text, so nothing stale is ever returned. One per process;
/// bounded by the size of the catalog.
enum DecodedProcedures {
    private static let known = Mutex<[String: (body: String, procedure: Procedure)]>([:])

    static func procedure(code: String, body: String) throws -> Procedure {
        if let known = known.withLock({ $0[code] }), known.body == body { return known.procedure }
        let procedure = try JSONColumn.decode(Procedure.self, from: body)
        known.withLock { $0[code] = (body, procedure) }
        return procedure
    }
}
