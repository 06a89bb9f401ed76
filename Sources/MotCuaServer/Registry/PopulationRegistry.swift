import AsyncHTTPClient
import Foundation
import MotCuaCore
import NIOCore

/// CSDL quốc gia về dân cư — MotCua's client of the national population registry's look-up (`GET {base}/cong-dan/
/// {personal ID}` with MotCua's key as a bearer token; docs/IDENTITY.md): each attempt bounded by 3 s, one retry
/// after a failed connection or a 5xx, and an answer that does not describe the person asked for taken as no
/// answer. When the registry cannot answer, `RegistryUnavailable` says why and the desk types by hand.
struct PopulationRegistry: Sendable {
    var settings: RegistrySettings
    var http: HTTPClient = .shared
    /// Each attempt's bound: a desk cannot keep a citizen waiting longer.
    var timeout: TimeAmount = .seconds(3)
    static let retryAfter: Duration = .milliseconds(300)

    /// The person with this personal ID; nil when the registry does not know them.
    func person(_ personalID: String) async throws -> RegistryPerson? {
        var request = HTTPClientRequest(url: settings.url + "/cong-dan/" + personalID)
        request.headers.add(name: "Authorization", value: "Bearer \(settings.apiKey)")
        var lastProblem = ""
        for attempt in 1...2 {
            if attempt > 1 { try await Task.sleep(for: Self.retryAfter) }
            let answer: (status: Int, body: Data)
            do {
                answer = try await OutboundHTTP.send(request, timeout: timeout, http: http)
            } catch let failure as OutboundHTTP.Failure {
                lastProblem = failure.reason
                continue
            }
            switch answer.status {
            case 200:
                guard let person = try? JSONDecoder().decode(RegistryPerson.self, from: answer.body), person.personalID == personalID,
                      !person.fullName.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw RegistryUnavailable(reason: "câu trả lời không đúng định dạng")
                }
                return person
            case 404: return nil
            case 500...: lastProblem = "lỗi HTTP \(answer.status)"
            default: throw RegistryUnavailable(reason: "từ chối yêu cầu (HTTP \(answer.status))")
            }
        }
        throw RegistryUnavailable(reason: lastProblem)
    }
}

extension PopulationRegistry {
    /// The applicant fields a form may fill in from the registry.
    static let fillable = ["address", "name"]

    /// Of the fields a form says came from the registry (`"address,name"`), those that still equal what the registry
    /// says of the person now — a field corrected by hand, or a registry not answering, counts as typed.
    func stillMatching(claimed: String, personalID: String?, name: String, address: String) async -> [String] {
        let claimed = Set(claimed.split(separator: ",").map(String.init)).intersection(Self.fillable)
        guard !claimed.isEmpty, let personalID, let person = try? await person(personalID) else { return [] }
        let registered = ["name": person.fullName, "address": person.permanentAddress]
        let typed = ["name": name, "address": address]
        return claimed.filter { registered[$0] == typed[$0] }.sorted()
    }
}

/// Công dân theo CSDL dân cư — what the registry says of a person.
struct RegistryPerson: Decodable, Sendable, Equatable {
    let personalID: String
    let fullName: String
    /// yyyy-MM-dd.
    let birthDate: String
    let gender: String
    let placeOfOrigin: String
    let permanentAddress: String
    let temporaryAddress: String?
    let householdHead: String?

    enum CodingKeys: String, CodingKey {
        case personalID = "soDinhDanh", fullName = "hoTen", birthDate = "ngaySinh", gender = "gioiTinh", placeOfOrigin = "queQuan"
        case permanentAddress = "noiThuongTru", temporaryAddress = "noiTamTru", householdHead = "chuHo"
    }
}

/// CSDL dân cư không trả lời — the registry could not be asked or answered nonsense; why, in Vietnamese.
struct RegistryUnavailable: Error {
    let reason: String
}
