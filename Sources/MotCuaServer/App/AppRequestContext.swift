import Hummingbird
import MotCuaStore
import NIOCore

/// Ngữ cảnh yêu cầu — what a handler knows about the request besides its bytes: the signed-in officer or citizen,
/// if any, and on the web pages the browser's anti-forgery token (`PageMiddleware`).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var officer: UserStore.Officer?
    /// The reference data as it was when the request's token was checked: its handler works from the same revision.
    public var reference: ReferenceSnapshot?
    /// The citizen signed in with the national e-ID, and at which level.
    public var citizen: CitizenStore.Session?
    public var csrf = ""
    /// The connection the request came on.
    private let channel: any Channel

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.officer = nil
        self.channel = source.channel
    }

    /// The IP address the connection comes from ("" when unknown): the client's, or a proxy's in front of MotCua
    /// (`TrustedProxies`). Asked only when a sign-in needs it, not on every request.
    public var connectionAddress: String { channel.remoteAddress?.ipAddress ?? "" }

    /// The signed-in officer, or a 401 problem.
    public func requireOfficer() throws -> UserStore.Officer {
        guard let officer else { throw Problem.unauthenticated }
        return officer
    }
}
