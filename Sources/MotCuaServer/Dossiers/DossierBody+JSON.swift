import Foundation
import MotCuaCore

// Hồ sơ như API trả về, viết ra JSON — the answer to every intake, transition and look-up writes itself
// (`JSONWritable`): members in the order of their keys' bytes, optional ones only when present, exactly as its
// `Encodable` form is written (`DossierBodyJSONTests` holds it to Foundation's bytes).

extension DossierBody: JSONWritable {
    func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.member("agencyCode", agencyCode)
            try output.member("applicant", applicant)
            try output.memberIfPresent("authority", authority)
            try output.member("channel", channel)
            try output.member("code", code)
            try output.member("documents", documents)
            try output.memberIfPresent("dueAt", dueAt)
            try output.memberIfPresent("endedAt", endedAt)
            try output.member("extensions", extensions)
            try output.memberIfPresent("pausedAt", pausedAt)
            try output.member("procedureCode", procedureCode)
            try output.member("procedureName", procedureName)
            try output.memberIfPresent("process", process)
            try output.member("receivedAt", receivedAt)
            try output.member("receivedBy", receivedBy)
            try output.member("receivedByAgencyCode", receivedByAgencyCode)
            try output.memberIfPresent("remainingWorkingSeconds", remainingWorkingSeconds)
            try output.member("request", request)
            try output.memberIfPresent("returnedAt", returnedAt)
            try output.member("sets", sets)
            try output.member("status", status)
            try output.member("statusName", statusName)
            try output.memberIfPresent("stepDueAt", stepDueAt)
            try output.member("supplementRequests", supplementRequests)
            try output.memberIfPresent("timeliness", timeliness)
            try output.memberIfPresent("unitKey", unitKey)
            try output.member("version", version)
            try output.member("workItems", workItems)
        }
    }
}

extension WorkItemBody: JSONWritable {
    func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.member("agencyCode", agencyCode)
            try output.memberIfPresent("assignee", assignee)
            try output.memberIfPresent("closedAt", closedAt)
            try output.memberIfPresent("closedBy", closedBy)
            try output.memberIfPresent("decision", decision)
            try output.memberIfPresent("dueAt", dueAt)
            try output.memberIfPresent("escalatedAt", escalatedAt)
            try output.member("id", id)
            try output.member("isHandOff", isHandOff)
            try output.member("name", name)
            try output.member("open", open)
            try output.member("openedAt", openedAt)
            try output.memberIfPresent("pausedAt", pausedAt)
            try output.memberIfPresent("result", result)
            try output.member("role", role)
            try output.memberIfPresent("timeliness", timeliness)
            try output.member("unit", unit)
            try output.memberIfPresent("warnedAt", warnedAt)
        }
    }
}
