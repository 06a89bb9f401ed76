import Foundation
import MotCuaCore

/// Hồ sơ chờ cấp mã — a dossier ready to be received, drafted and written out (its stored text) before the write
/// transaction, with a placeholder where its code goes. The code comes from the register's sequence inside the
/// transaction (`DossierStore.receive(_:day:event:alsoWriting:in:)`), where putting it in place is a copy of bytes
/// instead of an encoding on the writer's thread, which every write of the server waits for.
public struct NewDossier: Sendable {
    /// The dossier with the placeholder for its code.
    public let draft: Dossier
    /// What stands for the code until the register gives it (`JSONTemplate.placeholder()`).
    public let placeholder: String
    /// The stored text, code to come.
    let stored: JSONTemplate
    /// The patch its intake event keeps: the whole state, from nothing (a state holds no code).
    let patch: String

    /// `dossier` drafted for receipt: whatever code it carries is replaced by a placeholder.
    public init(_ dossier: Dossier) throws {
        placeholder = JSONTemplate.placeholder()
        draft = dossier.coded(placeholder)
        stored = JSONTemplate(try JSONColumn.bytes(of: draft), placeholder: placeholder)
        patch = try DossierStore.storedPatch(from: nil, to: draft.state)
    }

    /// JSON written about the draft (an answer to send once the dossier is received), its code to come.
    public func template(of json: [UInt8]) -> JSONTemplate {
        JSONTemplate(json, placeholder: placeholder)
    }
}
