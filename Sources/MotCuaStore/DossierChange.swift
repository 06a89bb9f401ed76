import Foundation
import MotCuaCore

/// Thay đổi hồ sơ — a dossier moved by one action, worked out and written out (the patch its event keeps and, every
/// few versions, the dossier's whole text) before the write transaction, from the dossier as it was at
/// `readVersion`, with the statements that save it. Saving it (`DossierStore.save`) is then a check that nobody
/// moved the dossier since and a few rows written: the rules, the encoding and the statements' text are made on the
/// request's own thread, not on the one writer every write of the server waits for. A class, so a caller can tell
/// the change it drafted from one worked out again (`===`).
public final class DossierChange: Sendable {
    /// The dossier as the action leaves it.
    public let dossier: Dossier
    /// The version the action was worked out from; the save writes nothing if the stored one is another.
    public let readVersion: Int
    /// The event recording the action.
    public let event: DossierEvent
    /// The statement that saves the dossier if nobody moved it since `readVersion` (changing no row otherwise).
    let update: BoundStatement
    /// The dossier's whole text, when this step writes it again (`DossierStore.rewritesText`).
    let rewrittenText: String?
    /// What follows a save, built here with the update so the writer only runs them: the event and its audit entry,
    /// then the open work items (`WorkItemStore.projection`).
    let recorded: EventRecord
    let projection: WorkItemStore.Projection?

    /// The dossier moved from `before` (the state it was read in) by the action `event` records.
    public init(_ moved: Dossier, from before: DossierState, event: DossierEvent) throws {
        dossier = moved
        readVersion = before.version
        self.event = event
        let stored = DossierStore.rewritesText(at: moved.state.version) ? try JSONColumn.encode(moved) : nil
        rewrittenText = stored
        update = DossierStore.update(to: moved, from: before)
        let patch = try DossierStore.storedPatch(from: before, to: moved.state)
        recorded = EventRecord(event, patch: patch, code: moved.code)
        projection = WorkItemStore.projection(of: moved)
        // Remembered now, off the writer, as the row will read: its new whole text, or the text it was read in
        // with this step's patch after it. If the save does not happen, no row holds this text and the next read of
        // the dossier decodes what the row holds (`DecodedRows`).
        if let stored {
            Decoded.dossiers.remember(moved, key: moved.code, text: stored)
        } else {
            Decoded.dossiers.extend(key: moved.code, ifHolding: { $0.state.version == readVersion },
                                    with: DossierStore.patchSeparator + patch, as: moved)
        }
    }

    /// The statement that writes the dossier's whole text again, if this step does (on PostgreSQL only if the
    /// part `saved` returned the dossier's row).
    func textRewrite(ifRowIn saved: String? = nil) -> [BoundStatement] {
        rewrittenText.map { [DossierStore.rewriting($0, of: dossier, ifRowIn: saved)] } ?? []
    }

    /// The change and `alsoWriting` as one PostgreSQL statement returning the new version — or no row, and nothing
    /// written, when the stored version is no longer `readVersion`: each row inserted only if the dossier's row was
    /// updated, the rows of items no longer open removed and those of the items open written over.
    func together(alsoWriting: [RowInsert]) -> BoundStatement {
        let saved = "motcua_saved"
        var writes = (recorded.waitingRows + alsoWriting).map { $0.selected(from: saved) } + textRewrite(ifRowIn: saved)
        if let projection {
            writes.append(projection.removal(keepingOpenIfIn: saved))
            writes += projection.insertions.map { $0.selected(from: saved, then: WorkItemStore.Projection.replacing) }
        }
        var returning = update
        returning.append(" RETURNING version")
        return .with([(saved, returning)] + BoundStatement.parts(writes), then: "SELECT version FROM \(raw: saved)")
    }
}
