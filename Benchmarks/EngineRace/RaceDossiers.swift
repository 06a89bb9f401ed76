import Foundation
import MotCuaCore

/// Hồ sơ đua — the dossiers of the engine race: the peer's 5-step process run by MotCua's own rules and engine
/// (`DossierWorkflow`, `ProcessEngine`), every `supplementEvery`-th dossier sent back once from the examination
/// for a supplement, as the peer's script does.
struct RaceDossiers: Sendable {
    static let agency = "000.30.01.H26"
    /// The legal deadline the process is checked against (the peer's file has none; 10 working days fits it).
    static let deadline = TimeBudget.workingDays(10)

    let workflow: DossierWorkflow
    let definition: ProcessDefinition
    let supplementEvery: Int
    /// One officer holding every role of the ward: the race measures the engine, not who clicks.
    let actor = Actor(username: "dua", rolesByAgency: [agency: Set(OfficerRole.allCases)])

    /// Reads the process and checks it as an import would.
    init(bpmn: Data, calendar: WorkingCalendar, supplementEvery: Int) throws {
        let process = try BPMNReader.read(bpmn, key: "mot_cua_noi_bo", procedureCode: "1.001255", version: 1,
                                          effectiveFrom: ProcessDefinition.beginning)
        let problems = ProcessRules.problems(in: process, legalDeadline: Self.deadline)
        guard problems.isEmpty else { throw RaceError("process rejected: \(problems.map(\.message))") }
        definition = process
        workflow = DossierWorkflow(calendar: calendar)
        self.supplementEvery = supplementEvery
    }

    /// Dossier number `index`, received and accepted at `now`, its process started: the first step is open.
    func started(_ index: Int, at now: Date) throws -> (Dossier, DossierEvent) {
        var state = workflow.received(at: now, budget: Self.deadline)
        state.status = .processing
        var dossier = Dossier(
            code: "\(Self.agency)-DUA-\(CivilDate.pad(index, 8))", procedureCode: definition.procedureCode,
            procedureName: definition.name, agencyCode: Self.agency, receivedByAgencyCode: Self.agency, channel: .online,
            applicant: Applicant(kind: .citizen, name: "Công dân \(index)", personalId: nil, taxCode: nil,
                                 address: "Hà Nội", phone: nil, email: nil),
            unitKey: nil, receivedAt: now, receivedBy: actor.username, documents: [], sets: 1, request: definition.name,
            state: state, process: ProcessBinding(key: definition.key, version: definition.version))
        dossier.state.work = try workflow.engine(for: dossier, definition: definition).start(at: now, decision: nil)
        return (dossier, DossierEvent(DossierEvent.intake, by: actor.username, at: now, from: nil, to: dossier.state))
    }

    /// Completes the open step of dossier `index` at `now`, moving the dossier on: the examination decides
    /// (supplement once for every `supplementEvery`-th dossier, approve otherwise); the last step finishes it.
    func step(_ dossier: inout Dossier, index: Int, at now: Date) throws -> (event: DossierEvent, finished: Bool) {
        guard let work = dossier.state.work, let item = work.openItemsInPlace.first else { throw RaceError("\(dossier.code) has no open step") }
        var decision: String?
        if item.nodeId == "tham_dinh" {
            let firstExamination = work.items.lazy.filter { $0.nodeId == "tham_dinh" }.count == 1
            let sentBack = supplementEvery > 0 && index % supplementEvery == supplementEvery - 1 && firstExamination
            decision = sentBack ? "supplement" : "approve"
        }
        let action: DossierAction = item.nodeId == "tra_ket_qua" ? .finish : .forward
        let request = TransitionRequest(action: action, at: now, actor: actor, actorRoles: actor.roles(actingOn: dossier),
                                        decision: decision)
        let outcome = try workflow.transition(request, from: dossier.state, engine: workflow.engine(for: dossier, definition: definition),
                                              budget: Self.deadline)
        let event = DossierEvent(action.rawValue, by: actor.username, at: now, from: dossier.state, to: outcome.state,
                                 item: outcome.item, decision: decision)
        dossier.state = outcome.state
        return (event, outcome.state.status == .done)
    }
}

/// Why the race cannot go on.
struct RaceError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
