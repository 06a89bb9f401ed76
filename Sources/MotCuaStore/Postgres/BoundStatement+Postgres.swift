import PostgresNIO

extension BoundStatement {
    /// The text as PostgreSQL takes it: `$1`, `$2`, … where SQLite's has each `?`.
    var postgresText: String {
        var numbered = ""
        numbered.reserveCapacity(sqlite.utf8.count + 2 * values.count)
        forEachValue { textBefore, next in
            numbered += textBefore
            if let (index, _) = next { numbered += "$\(index + 1)" }
        }
        return numbered
    }

    /// The values in order, each with its PostgreSQL type (a NULL too), in binary form.
    var postgresBindings: PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text?): bindings.append(text)
            case .integer(let number?): bindings.append(number)
            case .real(let number?): bindings.append(number)
            case .text(nil), .integer(nil), .real(nil): bindings.append(PostgresData(type: value.kind.postgresType, value: nil))
            }
        }
        return bindings
    }
}

extension BoundStatement.Value {
    /// What a value is, whether or not it is NULL.
    enum Kind: Hashable, Sendable {
        case text, integer, real

        /// The type PostgreSQL is told a value of this kind has.
        var postgresType: PostgresDataType {
            switch self {
            case .text: .text
            case .integer: .int8
            case .real: .float8
            }
        }
    }

    var kind: Kind {
        switch self {
        case .text: .text
        case .integer: .integer
        case .real: .real
        }
    }
}
