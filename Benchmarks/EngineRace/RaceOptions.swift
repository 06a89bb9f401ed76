import Foundation
import MotCuaStore

/// Tham số cuộc đua — the command line, named like the peer script's: `--mode mem|sqlite|journal -n 10000
/// --supplement-every 10 --sync NORMAL|FULL --db PATH --bpmn PATH --concurrency 256`.
struct RaceOptions {
    enum Mode: String {
        /// Rules and engine only, one dossier after another, nothing written.
        case mem
        /// Each dossier's creation and every step written to SQLite (WAL) before the next step of that dossier.
        case sqlite
        /// As `sqlite`, but each step appended as one record (its event and its patch), the dossier held in memory:
        /// a design, not the product's store (`JournalRace.swift`).
        case journal
    }

    var mode = Mode.sqlite
    var count = 10_000
    var supplementEvery = 10
    var durability = Database.Durability.normal
    var databasePath = NSTemporaryDirectory() + "motcua_engine_race.sqlite"
    var bpmnPath = "EngineRace/mot_cua.motcua.bpmn"
    /// How many dossiers move at once (officers at work): their steps are the writes group commit gathers.
    var concurrency = 256

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw RaceError("\(flag) needs a value") }
            switch flag {
            case "--mode": mode = try Self.parse(value, flag, Mode.init(rawValue:))
            case "-n": count = try Self.parse(value, flag) { Int($0).flatMap { $0 > 0 ? $0 : nil } }
            case "--supplement-every": supplementEvery = try Self.parse(value, flag) { Int($0).flatMap { $0 >= 0 ? $0 : nil } }
            case "--sync": durability = try Self.parse(value, flag, Database.Durability.init(rawValue:))
            case "--db": databasePath = value
            case "--bpmn": bpmnPath = value
            case "--concurrency": concurrency = try Self.parse(value, flag) { Int($0).flatMap { $0 > 0 ? $0 : nil } }
            default: throw RaceError("unknown option \(flag)")
            }
        }
    }

    static func parse<T>(_ value: String, _ flag: String, _ make: (String) -> T?) throws -> T {
        guard let parsed = make(value) else { throw RaceError("\(flag): \(value) is not accepted") }
        return parsed
    }
}
