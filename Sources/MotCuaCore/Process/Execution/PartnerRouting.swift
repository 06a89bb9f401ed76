/// Định tuyến liên thông — which agency does a hand-off for a dossier: the agency of the named kind serving the
/// same ward or commune as the deciding agency, or else the one province-wide agency of that kind.
public enum PartnerRouting {
    /// The agency kinds a process hands off to.
    public static func kinds(in process: ProcessDefinition) -> [String] {
        var seen: Set<String> = []
        return process.nodes.compactMap { node -> String? in
            guard case .handOff(let kind, _, _) = node.kind, seen.insert(kind).inserted else { return nil }
            return kind
        }
    }

    /// The partner of `kind` for a dossier decided by `deciding`, among the agencies of that kind.
    public static func partner(kind: String, for deciding: Agency, among candidates: [Agency]) -> Agency? {
        let ofKind = candidates.filter { $0.kind == kind }
        if let local = ofKind.first(where: { $0.unitKey != nil && $0.unitKey == deciding.unitKey }) { return local }
        let provinceWide = ofKind.filter { $0.unitKey == nil }
        return provinceWide.count == 1 ? provinceWide[0] : nil
    }
}
