/// Cây JSON — a JSON text read once into its values, for `TreeJSONDecoder` to walk: numbers kept as written (each
/// is converted to the type a value asks for, as Foundation does), an object's members in the order written.
enum JSONTree {
    case null
    case bool(Bool)
    /// The number's literal, checked against JSON's grammar.
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([JSONMember])

    /// What the value is, as Foundation's decoding errors name it.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "dictionary"
        }
    }
}

/// Thành viên — one `"key": value` of a JSON object.
struct JSONMember {
    let key: String
    let value: JSONTree
}

extension JSONTree {
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
