import Foundation
import Hummingbird

/// Mô phỏng CSDL quốc gia về dân cư — a stand-in for the national population registry's look-up interface, for the
/// demo and the tests: `GET /cong-dan/{personal ID}` with the caller's key as a bearer token answers the person
/// (name, date of birth, gender, place of origin, permanent and temporary residence, the household) from the same
/// made-up population as the e-ID simulator, 404 for someone unknown, 401 for a wrong key. `delay` makes every
/// answer slow, as a loaded registry would be.
public struct PopulationRegistrySimulator: Sendable {
    let population: SyntheticPopulation
    let apiKey: String
    let delay: Duration

    public init(population: SyntheticPopulation, apiKey: String, delay: Duration = .zero) {
        self.population = population
        self.apiKey = apiKey
        self.delay = delay
    }

    public func buildRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in HTTPResponse.Status.ok }
        router.get("/cong-dan/{personalId}") { request, context in
            if delay > .zero { try await Task.sleep(for: delay) }
            guard request.headers[.authorization] == "Bearer \(apiKey)" else {
                return json(["loi": "khong-duoc-phep", "moTa": "Khóa truy cập không đúng."], status: .unauthorized)
            }
            guard let person = population.person(personalId: try context.parameters.require("personalId")) else {
                return json(["loi": "khong-tim-thay", "moTa": "Không có công dân với số định danh này."], status: .notFound)
            }
            return json(answer(person))
        }
        return router
    }

    func answer(_ person: SyntheticPopulation.Person) -> [String: any Sendable] {
        let household: [[String: any Sendable]] = population.household(head: person.householdHead).map {
            ["soDinhDanh": $0.personalId, "hoTen": $0.fullName,
             "quanHeVoiChuHo": $0.personalId == person.householdHead ? "Chủ hộ" : "Thành viên"]
        }
        return [
            "soDinhDanh": person.personalId, "hoTen": person.fullName, "ngaySinh": person.birthDate.description,
            "gioiTinh": person.isFemale ? "Nữ" : "Nam", "queQuan": person.placeOfOrigin, "noiThuongTru": person.permanentAddress,
            "noiTamTru": NSNull(), "chuHo": person.householdHead, "thanhVienHo": household,
        ]
    }
}
