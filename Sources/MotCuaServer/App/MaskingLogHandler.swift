import Logging
import MotCuaCore

/// Nhật ký đã che dữ liệu cá nhân — a log handler that hides personal IDs and phone numbers (`PersonalDataMask`) in
/// every message and metadata value before the handler it wraps writes them; the server's logs go through it.
///
/// The logger's own metadata (a request's id, set on every request) is kept here and handed to the wrapped handler
/// with each event, masked like the event's: set on the wrapped handler, it would be masked nowhere, and swift-log's
/// stream handler formats all of it again on every set, logged or not.
public struct MaskingLogHandler: LogHandler {
    private var wrapped: any LogHandler
    public var metadata: Logger.Metadata = [:]

    public init(_ wrapped: any LogHandler) { self.wrapped = wrapped }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = "\(PersonalDataMask.mask(event.message.description))"
        let merged = metadata.merging(event.metadata ?? [:]) { _, own in own }
        event.metadata = merged.isEmpty ? nil : merged.mapValues(Self.mask)
        wrapped.log(event: event)
    }

    static func mask(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(PersonalDataMask.mask(text))
        case .stringConvertible(let value): .string(PersonalDataMask.mask(value.description))
        case .array(let values): .array(values.map(mask))
        case .dictionary(let values): .dictionary(values.mapValues(mask))
        }
    }
}
