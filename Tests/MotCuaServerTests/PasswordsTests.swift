import Foundation
@testable import MotCuaServer
import Synchronization
import Testing

/// Passwords (bcrypt): a hash verifies its own password and no other, and hashing runs on threads of its own — with
/// more officers signing in at once than Swift's shared pool has threads, work on that pool still comes before any of
/// their hashes is done (on the pool, the first of them would have held every thread until done).
@Suite struct PasswordsTests {
    /// How many passwords were verified so far.
    final class Verified: Sendable {
        let count = Atomic(0)
    }

    @Test func aHashVerifiesItsOwnPasswordOnly() async throws {
        let hash = try await Passwords.hash("mat-khau-2026", cost: 4)
        let own = try await Passwords.verify("mat-khau-2026", hash: hash)
        let other = try await Passwords.verify("mat-khau-2027", hash: hash)
        #expect(own && !other)
    }

    @Test func officersSigningInAtOnceLeaveTheSharedPoolFree() async throws {
        let hash = try await Passwords.hash("mat-khau-2026", cost: 11)
        let verified = Verified()
        let signingIn = 2 * ProcessInfo.processInfo.activeProcessorCount
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<signingIn {
                group.addTask {
                    _ = try await Passwords.verify("mat-khau-2026", hash: hash)
                    verified.count.add(1, ordering: .relaxed)
                }
            }
            try await Task.sleep(for: .milliseconds(20))
            let doneBefore = await Task { verified.count.load(ordering: .relaxed) }.value
            #expect(doneBefore == 0, "work on the shared pool waited for a password's hash")
            try await group.waitForAll()
        }
        let done = verified.count.load(ordering: .relaxed)
        #expect(done == signingIn)
    }
}
