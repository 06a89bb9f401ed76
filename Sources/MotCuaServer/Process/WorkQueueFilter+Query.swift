import Hummingbird
import MotCuaCore
import MotCuaStore

extension WorkQueueFilter {
    /// The filter from a query string (`holding`, `deadline`, `code`), for the API and the work page alike; an
    /// unknown value is a problem naming its parameter.
    init(query: FormFields) throws {
        guard let holding = Holding(rawValue: query["holding"]) else {
            throw Problem.invalid(field: "holding", "holding phải là một trong: dang-giu, cho-nhan.")
        }
        let deadline = DeadlineStanding(rawValue: query["deadline"])
        guard deadline != nil || query["deadline"].isEmpty else {
            throw Problem.invalid(field: "deadline", "deadline phải là một trong: qua-han, den-han, con-han, tam-dung.")
        }
        let code = query["code"]
        guard code.count <= 40 else { throw Problem.invalid(field: "code", "Mã hồ sơ tìm kiếm quá dài (tối đa 40 ký tự).") }
        self.init(holding: holding, deadline: deadline, code: code)
    }
}
