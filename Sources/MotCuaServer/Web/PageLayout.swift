import MotCuaCore

/// Khung trang — what every page shows around its content: its title, who is signed in (officers), the links
/// of the header, and the anti-forgery token its forms carry.
struct PageLayout {
    let title: String
    let officerName: String?
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
        isWorkspace = officer != nil
        isDesk = officer?.roles.contains { $0.role == .deskOfficer } ?? false
        isAdministrator = officer?.isAdministrator ?? false
        csrf = context.csrf
    }
}
