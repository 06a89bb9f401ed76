/// Những trường bỏ trống — the optional fields of a value (and of every value inside it) that hold nothing
/// anywhere: a fixture meant to set every field proves it does. A field inside an array counts as set when any of
/// the array's elements sets it, so one open and one closed work item together cover a work item's fields.
public enum UnsetFields {
    public static func of(_ value: Any) -> Set<String> {
        var unset = Set<String>(), set = Set<String>()
        visit(value, at: "", unset: &unset, set: &set)
        return unset.subtracting(set)
    }

    private static func visit(_ value: Any, at path: String, unset: inout Set<String>, set: inout Set<String>) {
        for child in Mirror(reflecting: value).children {
            let childPath = child.label.map { path + "." + $0 } ?? path + "[]"
            let inner = Mirror(reflecting: child.value)
            guard inner.displayStyle == .optional else {
                visit(child.value, at: childPath, unset: &unset, set: &set)
                continue
            }
            guard let wrapped = inner.children.first else {
                unset.insert(childPath)
                continue
            }
            set.insert(childPath)
            visit(wrapped.value, at: childPath, unset: &unset, set: &set)
        }
    }
}
