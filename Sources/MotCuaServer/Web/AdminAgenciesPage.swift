import Foundation
import MotCuaCore

/// Cơ quan, đơn vị (quản trị) — the control office's list of agencies, searched by name or code without caring
/// for diacritics and filtered by kind, a page at a time, each leading to its form.
struct AdminAgenciesPage {
    /// One agency.
    struct Line {
        let code: String
        let name: String
        let kind: String
        let unit: String
        let href: String
    }

    let layout: PageLayout
    let query: String
    let kinds: [SelectOption]
    let lines: [Line]
    let summary: String
    let pageLinks: PageLinks

    static let perPage = 50

    init(layout: PageLayout, agencies: [Agency], query: String, kind: String, page: Int) {
        self.layout = layout
        self.query = query
        kinds = [SelectOption(value: "", label: "Mọi loại", selected: kind.isEmpty)]
            + Set(agencies.map(\.kind)).sorted().map { SelectOption(value: $0, label: $0, selected: $0 == kind) }
        let folded = VietnameseText.fold(query)
        let found = agencies.filter { agency in
            (kind.isEmpty || agency.kind == kind)
                && (folded.isEmpty || VietnameseText.fold(agency.name).contains(folded) || agency.code.contains(query))
        }
        lines = found.dropFirst((page - 1) * Self.perPage).prefix(Self.perPage).map { agency in
            Line(code: agency.code, name: agency.name, kind: agency.kind, unit: agency.unitKey ?? "Cấp tỉnh",
                 href: "/quan-tri/co-quan/\(agency.code)")
        }
        summary = "\(found.count) cơ quan."
        pageLinks = PageLinks(path: "/quan-tri/co-quan", query: [("q", query), ("loai", kind)], page: page, perPage: Self.perPage,
                              total: found.count)
    }
}

/// Một cơ quan (quản trị) — the form that adds an agency or changes one (its code then fixed), coming back with what
/// was typed and the problem next to its field.
struct AdminAgencyPage {
    let layout: PageLayout
    let isNew: Bool
    let typed: [String: String]
    let errors: [String: String]
    let formError: String?
    let notice: String?

    static let fields = ["code", "name", "kind", "unitKey", "parentCode"]

    init(layout: PageLayout, agency: Agency?, typed: [String: String]?, problem: FieldProblem?, notice: String?) {
        self.layout = layout
        isNew = agency == nil
        self.typed = typed ?? agency.map {
            ["code": $0.code, "name": $0.name, "kind": $0.kind, "unitKey": $0.unitKey ?? "", "parentCode": $0.parentCode ?? ""]
        } ?? [:]
        (errors, formError) = PageField.place(field: problem?.field, message: problem?.message, among: Self.fields)
        self.notice = notice
    }
}
