import Foundation
import MotCuaCore
import MotCuaStore

/// Trang tra cứu hồ sơ — the form a citizen fills in to follow a dossier: the code and the secret from the
/// receipt, what they typed kept, the problem said next to the field.
struct TrackingFormPage {
    let layout: PageLayout
    let code: String
    let codeError: String?
    let secretError: String?
    let formError: String?
}

/// Tình hình hồ sơ — a dossier as its applicant follows it: where it is, each step with its own deadline and the
/// working time left, what the agency is waiting for, and each result (several for an interlinked filing).
struct TrackingPage {
    /// One step of the internal process, or a partner agency's part.
    struct Step {
        let name: String
        let unit: String
        let openedAt: String
        let due: String
        let progress: String
        let progressClass: String
    }

    /// One result the dossier gives.
    struct Result {
        let document: String
        let progress: String
        let reference: String?
    }

    let layout: PageLayout
    let code: String
    let procedureName: String
    let statusName: String
    let receivedAt: String
    let appointment: String
    let verdict: String?
    let waitingFor: String?
    let steps: [Step]
    let hasSteps: Bool
    let results: [Result]
    let hasResults: Bool
    /// Result documents the agency attached, each downloaded by posting the code and secret again.
    struct Download {
        let sequence: Int
        let label: String
    }

    let downloads: [Download]
    let hasDownloads: Bool
    /// The applicant's rating once given; until then, once the result is returned, the form to give it.
    let rating: String?
    let mayRate: Bool
    let levels: [SelectOption]
    let secret: String
    let ratingError: String?
    let thanks: Bool
    /// While the agency waits for a supplement: the form to send it online, and what was sent so far.
    let maySupply: Bool
    let sent: [String]
    let hasSent: Bool
    let supplyError: String?
    let supplySent: Bool

    init(layout: PageLayout, dossier: Dossier, supplementReason: String?, parts: [ResultPart], resultFiles: [ResultFileStore.Entry],
         rating: Rating?, secret: String, supplements: [SupplementStore.Entry], ratingError: String? = nil, thanks: Bool = false, supplyError: String? = nil,
         supplySent: Bool = false, now: Date, calendar: WorkingCalendar) {
        self.layout = layout
        let state = dossier.state
        code = dossier.code
        procedureName = dossier.procedureName
        statusName = state.status.vietnameseName
        receivedAt = WorkingCalendar.vietnamese(dossier.receivedAt)
        appointment = state.clock.due.map(WorkingCalendar.vietnamese)
            ?? "Tạm dừng tính thời hạn, chờ bổ sung hồ sơ (còn \(Self.duration(state.clock.remainingWorkingSeconds ?? 0, calendar)))"
        verdict = state.timeliness.map { "Giải quyết \($0.vietnameseName.lowercased())" }
        waitingFor = state.status == .supplementRequested ? (supplementReason ?? "Cơ quan đề nghị bổ sung hồ sơ.") : nil
        steps = (state.work?.items ?? []).map { item in
            let (progress, progressClass) = Self.progress(of: item, now: now, calendar: calendar)
            return Step(name: item.name, unit: item.unit, openedAt: WorkingCalendar.vietnamese(item.openedAt),
                        due: item.clock.due.map(WorkingCalendar.vietnamese) ?? "Tạm dừng", progress: progress,
                        progressClass: progressClass)
        }
        hasSteps = !steps.isEmpty
        results = parts.map { part in
            let progress = switch part.progress {
            case .notReached: "Chưa đến bước cấp"
            case .inProgress: "Đang giải quyết"
            case .issued: "Đã cấp" + (part.issuedAt.map { " lúc \(WorkingCalendar.vietnamese($0))" } ?? "")
            }
            return Result(document: part.document, progress: progress, reference: part.reference)
        }
        hasResults = !results.isEmpty
        downloads = resultFiles.map { entry in
            Download(sequence: entry.sequence, label: "\(entry.title) (\(VietnameseFormat.fileSize(entry.file.size)))")
        }
        hasDownloads = !downloads.isEmpty
        self.rating = rating?.summary
        mayRate = rating == nil && state.status == .returned
        levels = Rating.Level.allCases.map { SelectOption(value: $0.rawValue, label: $0.vietnameseName) }
        self.secret = secret
        self.ratingError = ratingError
        self.thanks = thanks
        maySupply = state.status == .supplementRequested
        sent = supplements.map { entry in
            "\(WorkingCalendar.vietnamese(entry.submittedAt)): " + [entry.file?.fileName, entry.note].compactMap { $0 }.joined(separator: " — ")
        }
        hasSent = !sent.isEmpty
        self.supplyError = supplyError
        self.supplySent = supplySent
    }

    /// Done (and how), still open with the working time left, or late by how much.
    static func progress(of item: WorkItem, now: Date, calendar: WorkingCalendar) -> (String, String) {
        if let closedAt = item.closedAt {
            let verdict = item.timeliness.map { " — \($0.vietnameseName.lowercased())" } ?? ""
            return ("Xong lúc \(WorkingCalendar.vietnamese(closedAt))\(verdict)", item.timeliness?.tagClass ?? "early")
        }
        let standing = DeadlineStanding(due: item.clock.due, at: now)
        guard let due = item.clock.due else { return ("Tạm dừng, chờ bổ sung hồ sơ", standing.tagClass) }
        if standing == .late { return ("Đang xử lý, quá hạn \(duration(calendar.workingSeconds(from: due, to: now), calendar))", standing.tagClass) }
        return ("Đang xử lý, còn \(duration(calendar.workingSeconds(from: now, to: due), calendar))", standing.tagClass)
    }

    /// Working time as people say it: "2 ngày 3 giờ làm việc", "45 phút làm việc".
    static func duration(_ seconds: Int, _ calendar: WorkingCalendar) -> String {
        let day = calendar.hours.secondsPerDay
        let (days, hours, minutes) = (seconds / day, seconds % day / 3600, seconds % 3600 / 60)
        var parts: [String] = []
        if days > 0 { parts.append("\(days) ngày") }
        if hours > 0 { parts.append("\(hours) giờ") }
        if days == 0, minutes > 0 || hours == 0 { parts.append("\(minutes) phút") }
        return parts.joined(separator: " ") + " làm việc"
    }
}
