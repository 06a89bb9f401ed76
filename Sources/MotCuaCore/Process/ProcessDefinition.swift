import Foundation

/// Quy trình nội bộ — the internal process an agency runs a procedure by: its steps (who does each and in how
/// long), the gateways that choose or split the way, and the flows between them. Versioned and effective-dated:
/// a dossier runs on the version in force when it was received.
public struct ProcessDefinition: Hashable, Sendable, Codable {
    /// Stable across versions, e.g. `1.004873` or `1.004873@000.30.01.H26` for one agency's own process.
    public var key: String
    public var name: String
    public var procedureCode: String
    public var version: Int
    public var effectiveFrom: CivilDate
    public var nodes: [ProcessNode]
    public var flows: [ProcessFlow]

    public init(key: String, name: String, procedureCode: String, version: Int, effectiveFrom: CivilDate,
                nodes: [ProcessNode], flows: [ProcessFlow]) {
        self.key = key
        self.name = name
        self.procedureCode = procedureCode
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.nodes = nodes
        self.flows = flows
    }

    public func node(_ id: String) -> ProcessNode? { nodes.first { $0.id == id } }
    public func outgoing(_ id: String) -> [ProcessFlow] { flows.filter { $0.source == id } }
    public func incoming(_ id: String) -> [ProcessFlow] { flows.filter { $0.target == id } }
    public var start: ProcessNode? { nodes.first { $0.kind == .start } }
}

/// Nút quy trình — a start, an end, a step (userTask), a gateway, or a hand-off to another agency (callActivity).
public struct ProcessNode: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var kind: Kind
    /// Kết quả thành phần — the document this node issues to the applicant, e.g. "Giấy khai sinh": one of the
    /// several results of an interlinked filing (liên thông). Whoever completes the node records its number.
    public var issuedResult: String?

    /// What the node is.
    public enum Kind: Hashable, Sendable, Codable {
        case start
        case end
        /// Bước xử lý — done by a role in a unit, within a budget.
        case step(unit: String, role: OfficerRole, budget: TimeBudget)
        /// Rẽ nhánh — one outgoing flow is taken, by the officer's decision; `defaultFlow` when none matches.
        case exclusive(defaultFlow: String?)
        /// Song song — every outgoing flow is taken (split) or every incoming one awaited (join).
        case parallel
        /// Liên thông — the dossier goes to another agency (of a kind, e.g. `cong-an-xa`) for its part, within a budget.
        case handOff(agencyKind: String, procedureCode: String?, budget: TimeBudget)
    }

    public init(id: String, name: String, kind: Kind, issuedResult: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.issuedResult = issuedResult
    }

    /// The time the node may take (steps and hand-offs); zero for events and gateways.
    public var budget: TimeBudget? {
        switch kind {
        case .step(_, _, let budget), .handOff(_, _, let budget): budget
        case .start, .end, .exclusive, .parallel: nil
        }
    }
}

/// Luồng — a directed flow between two nodes; out of an exclusive gateway it carries the decision that takes it.
public struct ProcessFlow: Hashable, Sendable, Codable {
    public var id: String
    public var name: String?
    public var source: String
    public var target: String
    /// Quyết định — the outcome an officer chooses to take this flow (`decision == 'approve'` in BPMN).
    public var decision: String?

    public init(id: String, name: String? = nil, source: String, target: String, decision: String? = nil) {
        self.id = id
        self.name = name
        self.source = source
        self.target = target
        self.decision = decision
    }
}

extension ProcessDefinition {
    /// The key of one agency's own process for a procedure (it takes precedence over the province's).
    public static func agencyKey(_ procedureCode: String, _ agencyCode: String) -> String { "\(procedureCode)@\(agencyCode)" }
}
