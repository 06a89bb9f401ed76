import Foundation
import Testing
@testable import MotCuaCore

/// The catalog's CSV form: RFC 4180 quoting, lists in cells, a lossless round trip, problems named by cell.
@Suite struct CatalogCSVTests {
    let procedure = Procedure(
        code: "1.004873", name: "Cấp Giấy xác nhận tình trạng hôn nhân", field: "Hộ tịch", level: .commune,
        agencyKind: "ubnd-xa", competentAgency: "UBND cấp xã, phường", deadline: .workingDays(3),
        fees: [Fee(name: "Lệ phí", amount: 0), Fee(name: "Phí \"sao\"; bản giấy", amount: 8000)],
        documents: [RequiredDocument(name: "Tờ khai", originals: 1, copies: 0, formTemplate: "Mẫu TK"),
                    RequiredDocument(name: "Giấy tờ tùy thân\\bản chính", originals: 1, copies: 1)],
        onlineLevel: .full, results: ["Giấy xác nhận tình trạng hôn nhân"],
        legalBasis: ["Luật Hộ tịch số 60/2014/QH13", "Nghị định số 123/2015/NĐ-CP"], status: .inForce,
        effectiveFrom: CivilDate(year: 2025, month: 7, day: 1), repealedOn: nil,
        steps: [ProcessStep(name: "Thẩm định hồ sơ", unit: "Công chức Tư pháp – Hộ tịch", role: .specialist, budget: .workingDays(2)),
                ProcessStep(name: "Ký duyệt", unit: "Lãnh đạo", role: .agencyLeader, budget: .workingHours(2))])

    @Test func aCatalogSurvivesTheRoundTrip() throws {
        let text = CatalogCSV.render([procedure])
        #expect(text.hasPrefix(CSVTable.byteOrderMark))
        #expect(try CatalogCSV.parse(text) == [procedure])
    }

    @Test(arguments: [
        ("a,b\r\n\"c,d\",\"e \"\"f\"\"\"\r\n", [["a", "b"], ["c,d", "e \"f\""]]),
        ("a\n\"two\nlines\",x", [["a"], ["two\nlines", "x"]]),
        ("\u{FEFF}x,,y\n", [["x", "", "y"]]),
    ])
    func csvFollowsRFC4180(text: String, rows: [[String]]) throws {
        #expect(try CSVTable.parse(text) == rows)
    }

    @Test func aRowWritteninASpreadsheetIsRead() throws {
        let header = CatalogCSV.columns.joined(separator: ",")
        let row = "2.000815,Chứng thực bản sao từ bản chính,Chứng thực,cap-xa,ubnd-xa,UBND cấp xã,same-day,\"Phí; 2000\","
            + "\"Bản chính; 1; 0\nBản sao; 0; 1\",mot-phan,Bản sao được chứng thực,Nghị định 23/2015/NĐ-CP,con-hieu-luc,,,"
            + "\"Chứng thực; Tư pháp; chuyen-vien; 0d\""
        let parsed = try CatalogCSV.parse(header + "\n" + row + "\n\n")
        #expect(parsed.count == 1)
        #expect(parsed.first?.deadline == .sameDay)
        #expect(parsed.first?.documents.map(\.copies) == [0, 1])
        #expect(parsed.first?.fees == [Fee(name: "Phí", amount: 2000)])
    }

    @Test(arguments: [
        ("steps", "Thẩm định; Tư pháp; thu-ky; 2d", "row 2.steps"),
        ("steps", "Thẩm định; Tư pháp; chuyen-vien; 2 ngày", "row 2.steps"),
        ("deadline", "ba ngày", "row 2.deadline"),
        ("fees", "Lệ phí; -5", "row 2.fees"),
        ("level", "cap-bo", "row 2.level"),
        ("effectiveFrom", "2025-02-30", "row 2.effectiveFrom"),
        ("code", "1-004873", "row 2.code"),
        ("steps", "Thẩm định; Tư pháp; chuyen-vien; 9d", "row 2.steps"),
    ])
    func aBadCellIsNamed(column: String, value: String, field: String) throws {
        var fields = try CSVTable.parse(CatalogCSV.render([procedure]))
        let index = try #require(CatalogCSV.columns.firstIndex(of: column))
        fields[1][index] = value
        #expect(throws: FieldProblem.self) { try CatalogCSV.parse(CSVTable.render(fields)) }
        do {
            _ = try CatalogCSV.parse(CSVTable.render(fields))
        } catch {
            #expect(error.field == field)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func aMissingColumnIsNamed() {
        #expect(throws: FieldProblem(field: "row 1", message: "Thiếu cột \"steps\"; cần đủ các cột: "
                                     + CatalogCSV.columns.joined(separator: ", ") + ".")) {
            try CatalogCSV.parse(CatalogCSV.columns.dropLast().joined(separator: ",") + "\n")
        }
        #expect(throws: FieldProblem.self) { try CSVTable.parse("a,\"b\n") }
    }
}
