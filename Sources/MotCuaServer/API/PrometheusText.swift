/// Prometheus's text format for the samples MotCua writes itself (`WritePathMetrics`, `StorageMetrics`), beside
/// those its registry keeps: one family's help, type and samples, each sample its labels (`{…}`, or empty) and value.
enum PrometheusText {
    enum Kind: String {
        case counter, gauge
    }

    static func family(_ name: String, _ kind: Kind, _ help: String, _ samples: [(labels: String, value: Int)]) -> String {
        "# HELP \(name) \(help)\n# TYPE \(name) \(kind.rawValue)\n" + samples.map { "\(name)\($0.labels) \($0.value)\n" }.joined()
    }
}
