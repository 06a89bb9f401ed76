import Foundation

/// Danh mục dạng CSV — the procedure catalog as one CSV row per procedure, for the procedure-control office to
/// edit in a spreadsheet. Lists (fees, documents, results, legal basis, steps) sit in one cell, one item per line;
/// the parts of an item are separated by `;` (a literal `;`, `\` or line break inside a part is written `\;`,
/// `\\`, `\n`). Durations are `3d` (working days), `8h` (working hours) or `same-day`.
///
/// | column | example |
/// |---|---|
/// | fees | `Lệ phí; 8000` |
/// | documents | `Tờ khai; 1; 0; Mẫu TK` (name; originals; copies; form template) |
/// | steps | `Thẩm định hồ sơ; Công chức Tư pháp – Hộ tịch; chuyen-vien; 2d` (name; unit; role; budget) |
public enum CatalogCSV {
    public static let columns = ["code", "name", "field", "level", "agencyKind", "competentAgency", "deadline", "fees",
                                 "documents", "onlineLevel", "results", "legalBasis", "status", "effectiveFrom",
                                 "repealedOn", "steps"]

    public static func render(_ procedures: [Procedure]) -> String {
        CSVTable.render([columns] + procedures.map { procedure in
            [procedure.code, procedure.name, procedure.field, procedure.level.rawValue, procedure.agencyKind,
             procedure.competentAgency, procedure.deadline.token,
             cell(procedure.fees.map { [$0.name, String($0.amount)] }),
             cell(procedure.documents.map { [$0.name, String($0.originals), String($0.copies)] + ($0.formTemplate.map { [$0] } ?? []) }),
             procedure.onlineLevel.rawValue, cell(procedure.results.map { [$0] }), cell(procedure.legalBasis.map { [$0] }),
             procedure.status.rawValue, procedure.effectiveFrom?.description ?? "", procedure.repealedOn?.description ?? "",
             cell(procedure.steps.map { [$0.name, $0.unit, $0.role.rawValue, $0.budget.token] })]
        })
    }

    /// The procedures of a CSV text, checked as a catalog by `CatalogRules`, or the first problem, named
    /// `row N.column` (N counts the header as row 1, as a spreadsheet shows it).
    public static func parse(_ text: String) throws(FieldProblem) -> [Procedure] {
        let rows = try CSVTable.parse(text)
        guard let header = rows.first else { throw FieldProblem(field: "row 1", message: "Tệp CSV trống.") }
        var position: [String: Int] = [:]
        for (index, name) in header.enumerated() { position[name.trimmingCharacters(in: .whitespaces)] = index }
        if let missing = columns.first(where: { position[$0] == nil }) {
            throw FieldProblem(field: "row 1", message: "Thiếu cột \"\(missing)\"; cần đủ các cột: \(columns.joined(separator: ", ")).")
        }
        var procedures: [Procedure] = []
        var rowNumbers: [Int] = []
        for (offset, fields) in rows.dropFirst().enumerated() where !fields.allSatisfy(\.isEmpty) {
            procedures.append(try RowReader(fields: fields, position: position, row: offset + 2).procedure())
            rowNumbers.append(offset + 2)
        }
        if let problem = CatalogRules.problem(inCatalog: procedures, place: { "row \(rowNumbers[$0])" }) { throw problem }
        return procedures
    }

    /// Reads one row, naming the cell of any problem.
    struct RowReader {
        let fields: [String]
        let position: [String: Int]
        let row: Int

        func text(_ column: String) -> String {
            guard let index = position[column], index < fields.count else { return "" }
            return fields[index].trimmed
        }

        func problem(_ column: String, _ message: String) -> FieldProblem {
            FieldProblem(field: "row \(row).\(column)", message: message)
        }

        func value<T: RawRepresentable>(_ column: String, as type: T.Type, _ message: String) throws(FieldProblem) -> T
            where T.RawValue == String {
            guard let value = T(rawValue: text(column)) else { throw problem(column, message) }
            return value
        }

        func date(_ column: String) throws(FieldProblem) -> CivilDate? {
            let value = text(column)
            if value.isEmpty { return nil }
            guard let date = CivilDate(iso: value) else { throw problem(column, "Ngày có dạng 2026-07-01.") }
            return date
        }

        func budget(_ text: String, column: String) throws(FieldProblem) -> TimeBudget {
            guard let budget = TimeBudget(token: text) else {
                throw problem(column, "Thời hạn \"\(text)\" phải có dạng 3d (ngày làm việc), 8h (giờ làm việc) hoặc same-day.")
            }
            return budget
        }

        func count(_ text: String, column: String, line: Int) throws(FieldProblem) -> Int {
            guard let value = Int(text), value >= 0 else { throw problem(column, "Dòng \(line): \"\(text)\" phải là số không âm.") }
            return value
        }

        func procedure() throws(FieldProblem) -> Procedure {
            var fees: [Fee] = []
            for (line, parts) in CatalogCSV.items(text("fees")).enumerated() {
                guard parts.count == 2 else { throw problem("fees", "Dòng \(line + 1): cần \"tên; số tiền\".") }
                fees.append(Fee(name: parts[0], amount: try count(parts[1], column: "fees", line: line + 1)))
            }
            var documents: [RequiredDocument] = []
            for (line, parts) in CatalogCSV.items(text("documents")).enumerated() {
                guard (3...4).contains(parts.count) else {
                    throw problem("documents", "Dòng \(line + 1): cần \"tên; số bản chính; số bản sao[; mẫu đơn]\".")
                }
                documents.append(RequiredDocument(name: parts[0], originals: try count(parts[1], column: "documents", line: line + 1),
                                                  copies: try count(parts[2], column: "documents", line: line + 1),
                                                  formTemplate: parts.count == 4 ? parts[3] : nil))
            }
            var steps: [ProcessStep] = []
            for (line, parts) in CatalogCSV.items(text("steps")).enumerated() {
                guard parts.count == 4, let role = OfficerRole(rawValue: parts[2]) else {
                    throw problem("steps", "Dòng \(line + 1): cần \"tên bước; đơn vị; vai trò; thời hạn\" với vai trò là một trong: "
                        + OfficerRole.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                }
                steps.append(ProcessStep(name: parts[0], unit: parts[1], role: role, budget: try budget(parts[3], column: "steps")))
            }
            return Procedure(
                code: text("code"), name: text("name"), field: text("field"),
                level: try value("level", as: ProcedureLevel.self, "Cấp thực hiện: cap-tinh, cap-xa hoặc cap-huyen."),
                agencyKind: text("agencyKind"), competentAgency: text("competentAgency"),
                deadline: try budget(text("deadline"), column: "deadline"), fees: fees, documents: documents,
                onlineLevel: try value("onlineLevel", as: OnlineLevel.self, "Mức trực tuyến: toan-trinh, mot-phan hoặc khong."),
                results: CatalogCSV.items(text("results")).map { $0.joined(separator: "; ") },
                legalBasis: CatalogCSV.items(text("legalBasis")).map { $0.joined(separator: "; ") },
                status: try value("status", as: ProcedureStatus.self, "Tình trạng: con-hieu-luc hoặc het-hieu-luc."),
                effectiveFrom: try date("effectiveFrom"), repealedOn: try date("repealedOn"), steps: steps)
        }
    }

    // MARK: Cells holding lists

    /// One item per line, parts joined by "; ", with `\`, `;` and line breaks escaped.
    static func cell(_ items: [[String]]) -> String {
        items.map { parts in parts.map(escape).joined(separator: "; ") }.joined(separator: "\n")
    }

    static func escape(_ part: String) -> String {
        part.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// The items of a list cell, each split into its trimmed, unescaped parts.
    static func items(_ cell: String) -> [[String]] {
        cell.split(whereSeparator: \.isNewline).compactMap { line -> [String]? in
            var parts: [String] = []
            var part = ""
            var escaped = false
            for character in line {
                if escaped {
                    part.append(character == "n" ? "\n" : character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ";" {
                    parts.append(part)
                    part = ""
                } else {
                    part.append(character)
                }
            }
            parts.append(part)
            let trimmed = parts.map { $0.trimmingCharacters(in: .whitespaces) }
            return trimmed.allSatisfy(\.isEmpty) ? nil : trimmed
        }
    }
}
