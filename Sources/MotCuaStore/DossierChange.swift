import Foundation
import MotCuaCore

/// Thay đổi hồ sơ — a dossier moved by one action, worked out and written out (its stored text) before the write
/// transaction, from the dossier as it was at `readVersion`. Saving it (`DossierStore.save`) is then a check that
/// nobody moved the dossier since and a few rows written: the rules and the encoding run on the request's own
/// thread, not on the one writer every write of the server waits for. A class, so a caller can tell the change it
/// drafted from one worked out again (`===`).
public final class DossierChange: Sendable {
    /// The dossier as the action leaves it.
    public let dossier: Dossier
    /// The version the action was worked out from; the save writes nothing if the stored one is another.
    public let readVersion: Int
    /// The event recording the action.
    public let event: DossierEvent
    /// `dossier` as stored.
    let stored: String

    public init(_ moved: Dossier, from readVersion: Int, event: DossierEvent) throws {
        dossier = moved
        self.readVersion = readVersion
        self.event = event
        stored = try JSONColumn.encode(moved)
        // Remembered now, off the writer: if the save does not happen, no row holds this text and the next read
        // of the dossier decodes what the row holds (`DecodedRows`).
        Decoded.dossiers.remember(moved, key: moved.code, text: stored)
    }
}
