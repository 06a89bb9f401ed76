/// Giá trị đã biết kiểu — `value` as the type it is known to be. The JSON coders tell apart the types JSON has a form
/// of its own for (text, numbers, instants…) by comparing metatypes (`T.self == U.self`, checked by the caller),
/// which costs far less than a dynamic cast per value; this hands the value on as that type. The store's direct
/// rows do the same for the text and numbers they read.
@inlinable @inline(__always)
public func known<T, U>(_ value: T, as type: U.Type) -> U {
    assert(T.self == U.self, "\(T.self) is not \(U.self)")
    return unsafeBitCast(value, to: U.self)
}
