import Foundation
import MotCuaCore
import SQLKit

/// Toàn văn hồ sơ và các bước sau nó — how a dossier is stored: its whole text, in a table of its own
/// (`dossier_texts`, with the version it is of), written at intake and again at every `textRewrittenEvery`-th
/// version, and, after it, the patches its events keep (`DossierStatePatch`), applied in order when it is read. A
/// step in between writes its event with its patch and the dossier's row of columns (status, appointment, version),
/// not the dossier's whole text, of 2 KB and more, again (docs/STEP-JOURNAL.md).
extension DossierStore {
    /// How many versions a dossier's whole text stands before a step writes it again.
    static let textRewrittenEvery = 8

    /// Whether the step that makes `version` writes the dossier's whole text again.
    static func rewritesText(at version: Int) -> Bool { version % textRewrittenEvery == 0 }

    /// What comes before each patch in a dossier's stored text: the record separator, which JSON text never holds
    /// unescaped.
    static let patchSeparator = "\u{1E}"

    /// What dossiers are read from, after `SELECT`: the dossiers with their whole text, giving its code, the text,
    /// and the patches of its events after the text, each after a separator, in order (NULL when there are none).
    /// `string_agg` with an order is SQLite's (3.44 on) and PostgreSQL's alike; the event's key serves the subquery.
    static let storedDossiers = """
        code, body, (SELECT string_agg('\(patchSeparator)' || patch, '' ORDER BY seq) FROM dossier_events \
        WHERE dossier_events.dossier_code = dossiers.code AND dossier_events.seq > dossier_texts.version) AS patches \
        FROM dossiers JOIN dossier_texts USING (code)
        """

    /// The stored text of the patch that takes a dossier's state from `before` (nil: from nothing, at intake) to
    /// `after`, as its event keeps it.
    static func storedPatch(from before: DossierState?, to after: DossierState) throws -> String {
        try JSONColumn.encode(DossierStatePatch(from: before, to: after))
    }

    /// The statement that writes a dossier's whole text again — on PostgreSQL, with the step's other writes in one
    /// statement, only if the step's part `saved` returned its row.
    static func rewriting(_ text: String, of dossier: Dossier, ifRowIn saved: String? = nil) -> BoundStatement {
        let condition = saved.map { " AND EXISTS (SELECT 1 FROM \($0))" } ?? ""
        return """
            UPDATE dossier_texts SET body = \(bind: text), version = \(bind: dossier.state.version) \
            WHERE code = \(bind: dossier.code)\(raw: condition)
            """
    }

    /// The stored text of the dossier a row (`storedDossiers`) holds: its whole text and the patches after it.
    static func storedText(of row: any SQLRow) throws -> String {
        let body = try row.decode(column: "body", as: String.self)
        guard let patches = try row.decode(column: "patches", as: String?.self) else { return body }
        return body + patches
    }

    /// The dossier a stored text gives: its whole text decoded and each patch after it applied, in order. The
    /// parts are found and decoded in the text's own bytes, not copied out of it.
    static func decodeStored(_ text: String) throws -> Dossier {
        var text = text
        return try text.withUTF8 { bytes in
            let separator = patchSeparator.utf8.first!
            var parts: [UnsafeRawBufferPointer] = []
            var start = 0
            for index in bytes.indices where bytes[index] == separator {
                parts.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<index])))
                start = index + 1
            }
            parts.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
            var dossier = try JSONColumn.decode(Dossier.self, from: parts[0])
            guard parts.count > 1 else { return dossier }
            let patches = try parts.dropFirst().map { try JSONColumn.decode(DossierStatePatch.self, from: $0) }
            if let state = try following(patches, from: dossier.state, of: dossier.code) { dossier.state = state }
            return dossier
        }
    }
}
