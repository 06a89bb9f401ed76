/// Quy trình áp dụng — what a dossier runs on, fixed at receipt: the process version in force that day and the
/// agency that does each hand-off (liên thông) for this dossier.
public struct ProcessBinding: Hashable, Sendable, Codable {
    public let key: String
    public let version: Int
    /// Cơ quan phối hợp — the agency doing each hand-off, by the agency kind the process names.
    public let partners: [String: Partner]

    public init(key: String, version: Int, partners: [String: Partner] = [:]) {
        self.key = key
        self.version = version
        self.partners = partners
    }

    /// One partner agency: its QCVN 102 code and its name (the unit shown on form 06).
    public struct Partner: Hashable, Sendable, Codable {
        public let agencyCode: String
        public let name: String

        public init(agencyCode: String, name: String) {
            self.agencyCode = agencyCode
            self.name = name
        }
    }
}
