import Foundation

/// Kiểm tra thông tin chủ hồ sơ — what a citizen's or a business's details must look like to be received.
public enum ApplicantRules {
    public static let maxNameLength = 200
    public static let maxAddressLength = 500

    /// The first problem with the applicant, or nil. `currentYear` bounds personal-ID birth years.
    public static func problem(in applicant: Applicant, currentYear: Int) -> FieldProblem? {
        let name = applicant.name.trimmed
        if name.isEmpty { return FieldProblem(field: "applicant.name", message: "Cần nhập họ tên chủ hồ sơ.") }
        if name.hasMoreCharacters(than: maxNameLength) {
            return FieldProblem(field: "applicant.name", message: "Họ tên dài quá \(maxNameLength) ký tự.")
        }
        switch applicant.kind {
        case .citizen:
            guard let id = applicant.personalId else {
                return FieldProblem(field: "applicant.personalId", message: "Cần nhập số định danh cá nhân.")
            }
            do { _ = try PersonalID(id, currentYear: currentYear) } catch {
                return FieldProblem(field: "applicant.personalId", message: error.vietnameseMessage)
            }
        case .business:
            guard let taxCode = applicant.taxCode, isTaxCode(taxCode) else {
                return FieldProblem(field: "applicant.taxCode",
                                    message: "Mã số doanh nghiệp gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số của chi nhánh.")
            }
        }
        // Form 01 prints where the applicant lives, and results and notices go there; everyone has one (the Law on
        // Residence: a permanent or temporary residence, else where they live now).
        if applicant.address.trimmed.isEmpty {
            return FieldProblem(field: "applicant.address", message: "Cần nhập địa chỉ của chủ hồ sơ.")
        }
        if applicant.address.hasMoreCharacters(than: maxAddressLength) {
            return FieldProblem(field: "applicant.address", message: "Địa chỉ dài quá \(maxAddressLength) ký tự.")
        }
        if let phone = applicant.phone, !isPhone(phone) {
            return FieldProblem(field: "applicant.phone", message: "Số điện thoại gồm 10 đến 11 chữ số, bắt đầu bằng 0.")
        }
        if let email = applicant.email, !isEmail(email) {
            return FieldProblem(field: "applicant.email", message: "Địa chỉ thư điện tử không hợp lệ.")
        }
        return nil
    }

    static func isTaxCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let digits = { (s: Substring) in s.allSatisfy { $0.isASCII && $0.isNumber } }
        if parts.count == 1 { return parts[0].count == 10 && digits(parts[0]) }
        return parts.count == 2 && parts[0].count == 10 && parts[1].count == 3 && digits(parts[0]) && digits(parts[1])
    }

    static func isPhone(_ text: String) -> Bool {
        (10...11).contains(text.count) && text.first == "0" && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return text.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: \.isWhitespace)
    }
}
