import Foundation

// Hồ sơ viết ra JSON — the dossier and every part of it write their stored and answered form themselves
// (`JSONWritable`): members in the order of their keys' bytes, optional ones only when present, exactly as their
// `Encodable` form is written. `JSONWritableTests` holds each to Foundation's bytes.

extension Dossier: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.member("agencyCode", agencyCode)
            try output.member("applicant", applicant)
            try output.memberIfPresent("authority", authority)
            try output.member("channel", channel.rawValue)
            try output.member("code", code)
            try output.member("documents", documents)
            try output.member("procedureCode", procedureCode)
            try output.member("procedureName", procedureName)
            try output.memberIfPresent("process", process)
            try output.member("receivedAt", receivedAt)
            try output.member("receivedBy", receivedBy)
            try output.member("receivedByAgencyCode", receivedByAgencyCode)
            try output.member("request", request)
            try output.member("sets", sets)
            try output.member("state", state)
            try output.memberIfPresent("trackingSecret", trackingSecret)
            try output.memberIfPresent("unitKey", unitKey)
        }
    }
}

extension Applicant: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.member("address", address)
            try output.memberIfPresent("email", email)
            try output.member("kind", kind.rawValue)
            try output.member("name", name)
            try output.memberIfPresent("personalId", personalId)
            try output.memberIfPresent("phone", phone)
            try output.memberIfPresent("taxCode", taxCode)
        }
    }
}

extension ReceivedDocument: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.member("copies", copies)
            try output.member("name", name)
            try output.member("originals", originals)
        }
    }
}

extension Authority: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.member("competentAgencyCode", competentAgencyCode)
            try output.memberIfPresent("delegationNumber", delegationNumber)
        }
    }
}

extension ProcessBinding: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.member("key", key)
            try output.member("partners", partners)
            try output.member("version", version)
        }
    }
}

extension ProcessBinding.Partner: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.member("agencyCode", agencyCode)
            try output.member("name", name)
        }
    }
}

extension DossierState: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.stateMembers(clock: clock, endedAt: endedAt, extensions: extensions, returnedAt: returnedAt,
                                    status: status, supplementRequests: supplementRequests, version: version)
            try output.memberIfPresent("work", work)
        }
    }
}

extension JSONOutput {
    /// The members a state and a step's patch of it share, all of theirs but `work`, which comes after them.
    fileprivate func stateMembers(clock: LegalClock, endedAt: Date?, extensions: Int, returnedAt: Date?, status: DossierStatus,
                                  supplementRequests: Int, version: Int) throws {
        try member("clock", clock)
        try memberIfPresent("endedAt", endedAt)
        try member("extensions", extensions)
        try memberIfPresent("returnedAt", returnedAt)
        try member("status", status.rawValue)
        try member("supplementRequests", supplementRequests)
        try member("version", version)
    }
}

extension LegalClock: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.memberIfPresent("due", due)
            try output.memberIfPresent("pausedAt", pausedAt)
            try output.memberIfPresent("remainingWorkingSeconds", remainingWorkingSeconds)
        }
    }
}

extension ProcessInstance: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.member("arrivals", arrivals)
            try output.member("items", items)
        }
    }
}

extension WorkItem: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.member("agencyCode", agencyCode)
            try output.memberIfPresent("assignee", assignee)
            try output.member("clock", clock)
            try output.memberIfPresent("closedAt", closedAt)
            try output.memberIfPresent("closedBy", closedBy)
            try output.memberIfPresent("decision", decision)
            try output.memberIfPresent("escalatedAt", escalatedAt)
            try output.member("id", id)
            try output.member("isHandOff", isHandOff)
            try output.member("name", name)
            try output.member("nodeId", nodeId)
            try output.memberIfPresent("openedAfter", openedAfter)
            try output.member("openedAt", openedAt)
            try output.memberIfPresent("result", result)
            try output.member("role", role.rawValue)
            try output.member("unit", unit)
            try output.memberIfPresent("warnAt", warnAt)
            try output.memberIfPresent("warnedAt", warnedAt)
        }
    }
}

extension DossierStatePatch: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.stateMembers(clock: clock, endedAt: endedAt, extensions: extensions, returnedAt: returnedAt,
                                    status: status, supplementRequests: supplementRequests, version: version)
            try output.memberIfPresent("work", work)
        }
    }
}

extension DossierStatePatch.Work: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.memberIfPresent("arrivals", arrivals)
            try output.member("changed", changed)
            try output.member("opened", opened)
            try output.memberIfPresent("whole", whole)
        }
    }
}

extension WorkItem.Progress: JSONWritable {
    public func writeJSON(to output: JSONOutput) throws {
        try output.object {
            try output.memberIfPresent("assignee", assignee)
            try output.member("clock", clock)
            try output.memberIfPresent("closedAt", closedAt)
            try output.memberIfPresent("closedBy", closedBy)
            try output.memberIfPresent("decision", decision)
            try output.memberIfPresent("escalatedAt", escalatedAt)
            try output.member("id", id)
            try output.memberIfPresent("result", result)
            try output.memberIfPresent("warnAt", warnAt)
            try output.memberIfPresent("warnedAt", warnedAt)
        }
    }
}
