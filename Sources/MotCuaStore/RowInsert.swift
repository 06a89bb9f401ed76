/// Một hàng thêm vào — an INSERT of one row, kept as its head (`INSERT INTO t (columns)`) and its values (`?, ?, …`),
/// so that it is written either as it is (`statement`, made once with the row, off SQLite's writer) or, as a part of
/// a PostgreSQL statement, so as to insert its row only if an earlier part returned one (`selected(from:then:)`).
public struct RowInsert: Sendable {
    let head: BoundStatement
    let values: BoundStatement
    /// `INSERT INTO t (columns) VALUES (values)`.
    public let statement: BoundStatement

    init(head: BoundStatement, values: BoundStatement) {
        self.head = head
        self.values = values
        statement = Self.inserting(head, [values])
    }

    /// Rows of one table (one `head`) as one INSERT: `INSERT INTO t (columns) VALUES (values), (values), …`.
    static func together(_ rows: [RowInsert]) -> BoundStatement {
        inserting(rows[0].head, rows.map(\.values))
    }

    private static func inserting(_ head: BoundStatement, _ rows: [BoundStatement]) -> BoundStatement {
        var statement = head
        statement.append(" VALUES ")
        for (index, values) in rows.enumerated() {
            statement.append(index == 0 ? "(" : ", (")
            statement.append(values)
            statement.append(")")
        }
        return statement
    }

    /// `INSERT INTO t (columns) SELECT values FROM source` and `clause` after it: one row if the `WITH` part named
    /// `source` returned one row, none if it returned none.
    func selected(from source: String, then clause: BoundStatement = "") -> BoundStatement {
        var statement = head
        statement.append(" SELECT ")
        statement.append(values)
        statement.append(" FROM \(raw: source) ")
        statement.append(clause)
        return statement
    }
}
