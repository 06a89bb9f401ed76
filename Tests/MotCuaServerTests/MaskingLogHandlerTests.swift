import Logging
import MotCuaServer
import Synchronization
import Testing

/// What reaches the server's log has personal IDs and phone numbers hidden, in the message and in metadata.
@Suite struct MaskingLogHandlerTests {
    /// Keeps what it is asked to write.
    struct Capture: LogHandler {
        final class Lines: Sendable { let all = Mutex<[String]>([]) }
        let lines: Lines
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let metadata = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            lines.all.withLock { $0.append("\(event.message) \(metadata)") }
        }
    }

    @Test func personalIDsAndPhonesAreHidden() {
        let lines = Capture.Lines()
        let logger = Logger(label: "kiem-thu") { _ in MaskingLogHandler(Capture(lines: lines)) }
        logger.error("Không có công dân 001190012345", metadata: ["phone": "0912345678", "dossier": "000.30.01.H26-260302-0001"])
        #expect(lines.all.withLock { $0 } == ["Không có công dân 001******345 dossier=000.30.01.H26-260302-0001 phone=091****678"])
    }

    /// Metadata set on the logger (as a request's is) is written with every event, masked too; the event's own
    /// value wins for a key both have.
    @Test func theLoggersOwnMetadataIsMaskedAndWrittenWithEachEvent() {
        let lines = Capture.Lines()
        var logger = Logger(label: "kiem-thu") { _ in MaskingLogHandler(Capture(lines: lines)) }
        logger[metadataKey: "applicant"] = "001190012345"
        logger[metadataKey: "request"] = "r-1"
        logger.info("Tiếp nhận", metadata: ["request": "r-2"])
        #expect(logger[metadataKey: "applicant"] == "001190012345")
        #expect(lines.all.withLock { $0 } == ["Tiếp nhận applicant=001******345 request=r-2"])
    }
}
