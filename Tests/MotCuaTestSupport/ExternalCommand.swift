import Foundation

/// Commande ngoài — a program the end-to-end tests run (a Python script driving a browser, a crash or a fuzzer),
/// with its exit status and everything it printed.
public enum ExternalCommand {
    /// Runs the program to its end on a thread of its own: a crash test runs for half a minute, and waiting for it on
    /// a thread of Swift's cooperative pool — two threads here, shared by every test of the process — would take that
    /// thread from the tests running beside it for as long.
    public static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try runHere(arguments) }) }
        }
    }

    private static func runHere(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// A script of the repository, by its path from the repository's root.
    public static func script(_ path: String, file: String = #filePath) -> String {
        var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent(path).path
    }
}
