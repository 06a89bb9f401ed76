import Foundation
import MotCuaCore
import SQLKit

/// Tình trạng dựng lại từ nhật ký — a dossier's state as its events give it: each event's patch (`DossierStatePatch`)
/// applied, in order, to the state the one before left, from its intake on. The events are to become the dossier's
/// truth (docs/STEP-JOURNAL.md); until then the stored row is, and `dossiersNotGivenByTheirEvents` checks the two agree.
extension DossierStore {
    /// Nhật ký đứt — events that do not follow one another: a step missing, or a patch made from another state.
    public struct EventsDoNotFollow: Error, Hashable {
        public let code: String
        public let seq: Int
    }

    /// The state the dossier's events give; nil when it has none, or one written before events kept their patch
    /// (migration 23).
    public func stateFromEvents(code: String) async throws -> DossierState? {
        let patches = try await database.read { db in
            try await db.raw("SELECT seq, patch FROM dossier_events WHERE dossier_code = \(bind: code) ORDER BY seq").all()
        }
        return try Self.state(of: code, from: patches)
    }

    /// The codes of the dossiers whose stored state is not the one their events give, among those whose every event
    /// has its patch; read a page of dossiers at a time.
    public func dossiersNotGivenByTheirEvents() async throws -> [String] {
        var differing: [String] = [], next = ""
        while true {
            let after = next
            let (dossiers, events) = try await database.read { db in
                let dossiers = try await db.raw("""
                    SELECT \(unsafeRaw: Self.storedDossiers) WHERE code > \(bind: after) ORDER BY code
                    LIMIT \(bind: Self.replayPage)
                    """).all().map(Self.dossier)
                let events = try await db.raw("""
                    SELECT dossier_code, seq, patch FROM dossier_events WHERE dossier_code IN (\(binds: dossiers.map(\.code)))
                    ORDER BY dossier_code, seq
                    """).all()
                return (dossiers, try Dictionary(grouping: events) { try $0.decode(column: "dossier_code", as: String.self) })
            }
            for dossier in dossiers {
                let replayed = try Self.state(of: dossier.code, from: events[dossier.code] ?? [])
                if let replayed, replayed != dossier.state { differing.append(dossier.code) }
            }
            guard dossiers.count == Self.replayPage, let last = dossiers.last else { return differing }
            next = last.code
        }
    }

    static let replayPage = 500

    /// The state `rows` (`seq`, `patch`, in order) give, or nil when one has no patch.
    private static func state(of code: String, from rows: [any SQLRow]) throws -> DossierState? {
        var patches: [DossierStatePatch] = []
        for row in rows {
            let seq = try row.decode(column: "seq", as: Int.self)
            guard let text = try row.decode(column: "patch", as: String?.self) else { return nil }
            let patch = try JSONColumn.decode(DossierStatePatch.self, from: text)
            guard patch.version == seq else { throw EventsDoNotFollow(code: code, seq: seq) }
            patches.append(patch)
        }
        return try following(patches, from: nil, of: code)
    }

    /// `DossierStatePatch.state(after:from:)`, a run that does not follow named by the dossier and the event's number.
    static func following(_ patches: [DossierStatePatch], from start: DossierState?, of code: String) throws -> DossierState? {
        do {
            return try DossierStatePatch.state(after: patches, from: start)
        } catch {
            throw EventsDoNotFollow(code: code, seq: error.version)
        }
    }
}
