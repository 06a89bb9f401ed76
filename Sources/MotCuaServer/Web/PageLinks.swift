import Foundation

/// Phân trang trên trang web — "page 2 of 5" and the links to the pages before and after, each keeping the
/// query that chose the lines (filters), so paging never loses what the officer asked for.
struct PageLinks {
    let summary: String
    let previousHref: String?
    let nextHref: String?
    let hasPages: Bool

    /// The number of the page asked for in `trang` (from 1), or 1.
    static func pageNumber(_ fields: FormFields) -> Int {
        max(1, min(fields.number("trang") ?? 1, 100_000))
    }

    init(path: String, query: [(String, String)], page: Int, perPage: Int, total: Int) {
        let pages = max(1, (total + perPage - 1) / perPage)
        func href(_ number: Int) -> String {
            var components = URLComponents()
            components.path = path
            components.queryItems = (query.filter { !$0.1.isEmpty } + [("trang", String(number))]).map { URLQueryItem(name: $0.0, value: $0.1) }
            return components.string ?? path
        }
        summary = "Trang \(min(page, pages))/\(pages)"
        previousHref = page > 1 ? href(min(page, pages) - 1) : nil
        nextHref = page < pages ? href(page + 1) : nil
        hasPages = pages > 1
    }
}
