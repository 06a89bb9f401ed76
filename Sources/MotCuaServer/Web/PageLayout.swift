import MotCuaCore

/// Khung trang — what every page shows around its content: its title, who is signed in (an officer, or a citizen
/// with their e-ID level), the links of the header, and the anti-forgery token its forms carry.
struct PageLayout {
    let title: String
    let officerName: String?
    /// "Nguyễn Văn An (VNeID mức 2)" for a signed-in citizen.
    let citizenName: String?
    let csrf: String
    /// Trang của cán bộ — the header offers the officer's pages instead of the public ones. (Stored: templates
    /// read view models by reflection, which sees no computed properties.)
    let isWorkspace: Bool
    /// The header offers the desk's intake to desk officers, and the control office's pages to administrators.
    let isDesk: Bool
    let isAdministrator: Bool

    init(title: String, context: AppRequestContext) {
        self.title = title
        let officer = context.officer
        officerName = officer?.fullName
        citizenName = context.citizen.map { "\($0.citizen.fullName) (VNeID \($0.level.vietnameseName))" }
        isWorkspace = officer != nil
        isDesk = officer?.roles.contains { $0.role == .deskOfficer } ?? false
        isAdministrator = officer?.isAdministrator ?? false
        csrf = context.csrf
    }
}
