import Benchmark
import Foundation
import MotCuaCore
import MotCuaStore

/// Mã hoá hồ sơ — a dossier's JSON as it is stored on every write (sorted keys, instants as seconds), by
/// Foundation's `JSONEncoder` and by MotCua's one-pass `SortedJSONEncoder`, and read back by Foundation's
/// `JSONDecoder` and MotCua's `TreeJSONDecoder`, in the same run: the same bytes and values, what each costs.
func registerJSONBenchmarks() {
    let dossier = try! StoredDossierFixture.travelled()
    let foundation = JSONEncoder()
    foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    foundation.dateEncodingStrategy = .secondsSince1970
    let ours = SortedJSONEncoder(dates: .secondsSince1970)
    precondition(try! foundation.encode(dossier) == ours.encode(dossier), "the two encoders disagree")

    Benchmark("Dossier JSON: Foundation JSONEncoder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try foundation.encode(dossier)) }
    }
    Benchmark("Dossier JSON: SortedJSONEncoder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ours.bytes(of: dossier)) }
    }

    let stored = try! ours.encode(dossier)
    let foundationReader = JSONDecoder()
    foundationReader.dateDecodingStrategy = .secondsSince1970
    let ourReader = TreeJSONDecoder(dates: .secondsSince1970)
    precondition(try! foundationReader.decode(Dossier.self, from: stored) == ourReader.decode(Dossier.self, from: stored),
                 "the two decoders disagree")
    Benchmark("Dossier JSON read: Foundation JSONDecoder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try foundationReader.decode(Dossier.self, from: stored)) }
    }
    Benchmark("Dossier JSON read: TreeJSONDecoder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ourReader.decode(Dossier.self, from: stored)) }
    }
}

/// A ward's marital-status dossier received at the desk, accepted, and one step into its process: the procedure as
/// the demo catalog ships it (three steps).
enum StoredDossierFixture {
    static func travelled() throws -> Dossier {
        let agency = "000.30.01.H26"
        guard let procedure = try ReferenceData.demoCatalog().first(where: { $0.code == "1.004873" }) else {
            fatalError("the demo catalog no longer ships procedure 1.004873")
        }
        let definition = ProcessDefinition.sequential(procedure, effectiveFrom: CivilDate(year: 2026, month: 1, day: 1)!)
        let workflow = DossierWorkflow(calendar: WorkingCalendar(holidays: HolidayCalendar(announcements: [])))
        let receivedAt = Date(timeIntervalSince1970: 1_795_395_600.25)
        var dossier = Dossier(
            code: "\(agency)-261123-0001", procedureCode: procedure.code, procedureName: procedure.name, agencyCode: agency,
            receivedByAgencyCode: agency, channel: .counter,
            applicant: Applicant(kind: .citizen, name: "Nguyễn Văn An", personalId: "001090012345", taxCode: nil,
                                 address: "Số 1 phố Đội Cấn, phường Ba Đình, Hà Nội", phone: "0912345678", email: nil),
            unitKey: nil, receivedAt: receivedAt, receivedBy: "motcua.badinh",
            documents: [ReceivedDocument(name: "Tờ khai", originals: 1, copies: 0)], sets: 1,
            request: "Xác nhận tình trạng hôn nhân", state: workflow.received(at: receivedAt, budget: procedure.deadline),
            process: ProcessBinding(key: definition.key, version: definition.version), trackingSecret: "K7PX3M9Q")
        dossier.state.status = .processing
        let engine = workflow.engine(for: dossier, definition: definition)
        dossier.state.work = try engine.start(at: receivedAt, decision: nil)
        let officer = Actor(username: "cv.badinh", rolesByAgency: [agency: [.specialist]])
        let forward = TransitionRequest(action: .forward, at: receivedAt.addingTimeInterval(3_600), actor: officer,
                                        actorRoles: [.specialist])
        dossier.state = try workflow.transition(forward, from: dossier.state, engine: engine, budget: procedure.deadline).state
        return dossier
    }
}
