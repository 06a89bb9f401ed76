import Hummingbird

/// Phân trang — `limit` (1–200, default 20) and `offset` from the query string.
struct Paging {
    let limit: Int
    let offset: Int

    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        let limitText = query["limit"].map(String.init) ?? "20"
        let offsetText = query["offset"].map(String.init) ?? "0"
        guard let limit = Int(limitText), (1...200).contains(limit) else {
            throw Problem.invalid(field: "limit", "limit phải là số từ 1 đến 200.")
        }
        guard let offset = Int(offsetText), offset >= 0, offset <= 1_000_000 else {
            throw Problem.invalid(field: "offset", "offset phải là số không âm.")
        }
        self.limit = limit
        self.offset = offset
    }
}
