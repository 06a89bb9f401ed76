import Foundation

/// Nhập quy trình — a BPMN 2.0 file read and checked against its procedure, the one path for the command line
/// and the API: the key names the procedure (or one agency's own process for it), the file is our subset, and
/// the process is sound and fits the legal deadline.
public enum ProcessImport {
    /// Every problem found; empty means the file can be saved.
    public struct Rejected: Error, Sendable {
        public let problems: [FieldProblem]
    }

    /// The process in the file, ready to save as a new version from `effectiveFrom`, which may not lie before
    /// `today`: a process never changes what was already received.
    public static func definition(from data: Data, key: String?, procedure: Procedure, effectiveFrom: CivilDate,
                                  today: CivilDate) throws(Rejected) -> ProcessDefinition {
        let key = key ?? procedure.code
        if let problem = keyProblem(key, procedureCode: procedure.code) { throw Rejected(problems: [problem]) }
        if effectiveFrom < today {
            throw Rejected(problems: [FieldProblem(field: "effectiveFrom", message: "Quy trình không áp dụng hồi tố: "
                + "ngày có hiệu lực phải từ hôm nay (\(today.vietnamese)) trở đi.")])
        }
        let process: ProcessDefinition
        do {
            process = try BPMNReader.read(data, key: key, procedureCode: procedure.code, version: 0, effectiveFrom: effectiveFrom)
        } catch {
            throw Rejected(problems: [error])
        }
        let problems = ProcessRules.problems(in: process, legalDeadline: procedure.deadline)
        guard problems.isEmpty else { throw Rejected(problems: problems) }
        return process
    }

    /// A key is the procedure's code, or the code, `@`, and the QCVN 102 code of the agency the process is for.
    static func keyProblem(_ key: String, procedureCode: String) -> FieldProblem? {
        if key == procedureCode { return nil }
        let prefix = procedureCode + "@"
        if key.hasPrefix(prefix), Agency.isValidCode(String(key.dropFirst(prefix.count))) { return nil }
        return FieldProblem(field: "key", message: "Khoá quy trình phải là mã thủ tục (\(procedureCode)) hoặc "
            + "\(prefix)<mã cơ quan>, ví dụ \(prefix)000.30.01.H26.")
    }
}
