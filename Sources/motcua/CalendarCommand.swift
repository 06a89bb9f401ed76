import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaServer
import MotCuaStore

/// `motcua calendar` — the working calendar for people and scripts (the province's announced days as shipped).
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: "Lịch nghỉ và hạn xử lý.",
                                                    subcommands: [Holidays.self, Due.self])

    static func shippedCalendar(hours: WorkingHours = .standard) throws -> WorkingCalendar {
        WorkingCalendar(holidays: HolidayCalendar(announcements: try ReferenceData.announcedDays().days), hours: hours)
    }

    struct Holidays: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Các ngày nghỉ (thứ Hai–thứ Sáu) của một năm.")
        @Option var year: Int
        @Flag var json = false

        func validate() throws {
            let years = HolidayCalendar.supportedYears
            guard years.contains(year) else { throw ValidationError("--year: năm từ \(years.lowerBound) đến \(years.upperBound).") }
        }

        func run() async throws {
            let days = try CalendarCommand.shippedCalendar().holidays.daysOff(in: year)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(days), as: UTF8.self))
            } else {
                for day in days { print("\(day.date.vietnamese)  \(day.name)") }
            }
        }
    }

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hạn xử lý từ một thời điểm.")
        @Option(help: "Ví dụ 2026-02-13T10:00:00+07:00") var from: String
        @Option var workingDays: Int?
        @Option var workingHours: Int?
        @OptionGroup var office: OfficeHoursOptions
        @Flag var json = false

        func run() async throws {
            guard let start = APICoding.parse(from) else {
                throw ValidationError("--from: thời điểm có dạng 2026-02-13T10:00:00+07:00.")
            }
            let budget: TimeBudget
            do {
                budget = try TimeBudget.from(workingDays: workingDays, workingHours: workingHours)
            } catch {
                throw ValidationError("--working-days / --working-hours: \(error.message)")
            }
            let calendar = try CalendarCommand.shippedCalendar(hours: try office.workingHours())
            let due = APICoding.format(calendar.due(from: start, budget: budget))
            print(json ? "{\"due\":\"\(due)\"}" : due)
        }
    }
}
