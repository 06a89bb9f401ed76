/// Bước xử lý — one step of a procedure's internal process (quy trình nội bộ): who does it and how long it may take.
public struct ProcessStep: Hashable, Sendable, Codable {
    public let name: String
    /// Đơn vị — the unit inside the agency that does the step (e.g. "Phòng Tư pháp").
    public let unit: String
    public let role: OfficerRole
    public let budget: TimeBudget

    public init(name: String, unit: String, role: OfficerRole, budget: TimeBudget) {
        self.name = name
        self.unit = unit
        self.role = role
        self.budget = budget
    }
}
