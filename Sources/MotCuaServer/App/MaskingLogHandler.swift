import Logging
import MotCuaCore

/// Nhật ký đã che dữ liệu cá nhân — a log handler that hides personal IDs and phone numbers (`PersonalDataMask`) in
/// every message and metadata value before the handler it wraps writes them; the server's logs go through it.
public struct MaskingLogHandler: LogHandler {
    private var wrapped: any LogHandler

    public init(_ wrapped: any LogHandler) { self.wrapped = wrapped }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = "\(PersonalDataMask.mask(event.message.description))"
        event.metadata = event.metadata.map { $0.mapValues(Self.mask) }
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
