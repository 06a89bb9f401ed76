import Foundation
import MotCuaCore

/// Trang tra cứu thủ tục — the public catalog: the search box, the filters by field and level, and one line per
/// procedure found.
struct CatalogPage {
    /// One procedure in the list.
    struct Line {
        let code: String
        let name: String
        let field: String
        let level: String
        let deadline: String
        let online: String
        let isOnline: Bool
        let href: String

        init(_ procedure: Procedure) {
            code = procedure.code
            name = procedure.name
            field = procedure.field
            level = CatalogPage.name(procedure.level)
            deadline = procedure.deadline.description
            online = CatalogPage.name(procedure.onlineLevel)
            isOnline = procedure.onlineLevel != .none
            href = "/thu-tuc/\(procedure.code)"
        }
    }

    let layout: PageLayout
    let query: String
    let fields: [SelectOption]
    let levels: [SelectOption]
    let lines: [Line]
    let summary: String
    let hasResults: Bool
    let pageLinks: PageLinks

    init(layout: PageLayout, query: String, field: String?, level: ProcedureLevel?, fields: [String],
         procedures: [Procedure], total: Int, page: Int, limit: Int) {
        let offset = (page - 1) * limit
        self.layout = layout
        self.query = query
        self.fields = [SelectOption(value: "", label: "Tất cả lĩnh vực", selected: field == nil)]
            + fields.map { SelectOption(value: $0, label: $0, selected: $0 == field) }
        self.levels = [SelectOption(value: "", label: "Mọi cấp", selected: level == nil)]
            + [ProcedureLevel.province, .commune].map { SelectOption(value: $0.rawValue, label: Self.name($0), selected: $0 == level) }
        lines = procedures.map(Line.init)
        hasResults = !procedures.isEmpty
        summary = total == 0 ? "Không tìm thấy thủ tục nào." : "Tìm thấy \(total) thủ tục"
            + (total > limit ? ", hiển thị \(offset + 1)–\(offset + procedures.count)." : ".")
        pageLinks = PageLinks(path: "/thu-tuc", query: [("q", query), ("linh-vuc", field ?? ""), ("cap", level?.rawValue ?? "")],
                              page: page, perPage: limit, total: total)
    }

    static func name(_ level: ProcedureLevel) -> String {
        switch level {
        case .province: "Cấp tỉnh"
        case .commune: "Cấp xã"
        case .district: "Cấp huyện (trước 01/7/2025)"
        }
    }

    static func name(_ level: OnlineLevel) -> String {
        switch level {
        case .full: "Trực tuyến toàn trình"
        case .partial: "Trực tuyến một phần"
        case .none: "Nộp trực tiếp"
        }
    }
}

/// Trang thủ tục — one procedure as a citizen needs it: what to bring (with form templates), what it costs, how
/// long it takes, where to file, whether it can be done online, and what comes out.
struct ProcedurePage {
    /// One document to bring.
    struct Document {
        let number: Int
        let name: String
        let quantity: String
        let template: String?
    }

    /// One fee.
    struct Charge {
        let name: String
        let amount: String
    }

    /// One step of the published internal process.
    struct Step {
        let number: Int
        let name: String
        let unit: String
        let budget: String
    }

    let layout: PageLayout
    let code: String
    let name: String
    let field: String
    let level: String
    let competentAgency: String
    let deadline: String
    let whereToFile: String
    let online: String
    let isOnline: Bool
    let documents: [Document]
    let charges: [Charge]
    let isFree: Bool
    let results: [String]
    let legalBasis: [String]
    let steps: [Step]
    let inForce: Bool

    init(layout: PageLayout, procedure: Procedure, today: CivilDate) {
        self.layout = layout
        code = procedure.code
        name = procedure.name
        field = procedure.field
        level = CatalogPage.name(procedure.level)
        competentAgency = procedure.competentAgency
        deadline = procedure.deadline == .sameDay
            ? "Trong ngày làm việc (hồ sơ nhận sau 15 giờ được trả trong ngày làm việc tiếp theo)"
            : procedure.deadline.description.prefix(1).uppercased() + procedure.deadline.description.dropFirst()
            + " kể từ khi nhận đủ hồ sơ hợp lệ"
        whereToFile = procedure.level == .province
            ? "Trung tâm Phục vụ hành chính công thành phố hoặc bất kỳ bộ phận một cửa nào trong thành phố"
            : "Bộ phận Một cửa của \(procedure.competentAgency) hoặc bất kỳ bộ phận một cửa nào trong thành phố"
        online = CatalogPage.name(procedure.onlineLevel)
        isOnline = procedure.onlineLevel != .none
        documents = procedure.documents.enumerated().map { index, document in
            Document(number: index + 1, name: document.name,
                     quantity: VietnameseFormat.quantity(originals: document.originals, copies: document.copies),
                     template: document.formTemplate)
        }
        charges = procedure.fees.map { Charge(name: $0.name, amount: VietnameseFormat.money($0.amount)) }
        isFree = procedure.fees.isEmpty
        results = procedure.results
        legalBasis = procedure.legalBasis
        steps = procedure.steps.enumerated().map {
            Step(number: $0.offset + 1, name: $0.element.name, unit: $0.element.unit, budget: $0.element.budget.description)
        }
        inForce = procedure.isInForce(on: today)
    }
}
