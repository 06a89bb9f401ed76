/// Giấy tờ trong kho dữ liệu của công dân — one digitised document in a citizen's own store (Decree 45/2020's
/// "kho quản lý dữ liệu điện tử của tổ chức, cá nhân"): what it is (its type code and title), who issued it and
/// when, where it came from (submitted with a dossier, or a result MotCua issued) and the file, by checksum.
public struct StoredDocument: Sendable, Hashable, Codable {
    /// Nguồn — how the document came into the store.
    public enum Source: String, Sendable, Codable {
        /// Nộp kèm hồ sơ — a file the citizen submitted.
        case submitted = "nop-kem-ho-so"
        /// Kết quả giải quyết — a result document an agency issued through MotCua.
        case result = "ket-qua"

        public var vietnameseName: String {
            switch self {
            case .submitted: "Nộp kèm hồ sơ"
            case .result: "Kết quả giải quyết"
            }
        }
    }

    public let id: String
    public let personalId: String
    /// Mã loại giấy tờ — the document's kind, from its name without diacritics ("giay-chung-sinh"), so the same kind
    /// asked by another procedure finds it.
    public let typeCode: String
    public let title: String
    /// Cơ quan cấp — the agency that issued a result; empty for what the citizen submitted.
    public let issuer: String
    /// Ngày cấp, yyyy-MM-dd, when known.
    public let issuedOn: String?
    public let source: Source
    public let dossierCode: String?
    public let file: AttachedFile

    public init(id: String, personalId: String, title: String, issuer: String, issuedOn: String?, source: Source,
                dossierCode: String?, file: AttachedFile) {
        self.id = id
        self.personalId = personalId
        self.typeCode = Self.typeCode(of: title)
        self.title = title
        self.issuer = issuer
        self.issuedOn = issuedOn
        self.source = source
        self.dossierCode = dossierCode
        self.file = file
    }

    /// "Bản sao Giấy chứng sinh" → "ban-sao-giay-chung-sinh".
    public static func typeCode(of title: String) -> String {
        VietnameseText.fold(title).split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
    }
}
