/// Trường trên trang — where a problem found by the API's own checks goes on a page: its field as the page
/// names it (`applicant.phone` → `phone`, `documents[2]` → `documents`), or nil when the page has no such field
/// and the problem is shown above the form.
enum PageField {
    static func name(for problemField: String?, among fields: [String]) -> String? {
        guard var name = problemField else { return nil }
        if name.hasPrefix("applicant.") { name.removeFirst("applicant.".count) }
        name = String(name.prefix { $0 != "[" })
        return fields.contains(name) ? name : nil
    }

    /// A problem placed on a page: next to its field when the page has one (`errors[field]`), otherwise above the
    /// form (`formError`).
    static func place(field: String?, message: String?, among fields: [String]) -> (errors: [String: String], formError: String?) {
        guard let message else { return ([:], nil) }
        guard let name = name(for: field, among: fields) else { return ([:], message) }
        return ([name: message], nil)
    }
}
