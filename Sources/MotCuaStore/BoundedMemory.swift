/// Bộ nhớ có hạn — values by key, at most `capacity` of them: once it is full, each new key lets go of the value
/// added longest ago (first in, first out), one at a time, so no caller ever frees thousands of values at once and
/// the newest are always held. A value type, kept in a `Mutex` by its users, who drop what it lets go of after the
/// lock is released.
struct BoundedMemory<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    let capacity: Int
    /// What is held, to read in place (`values[key]?.field` copies only the field).
    private(set) var values: [Key: Value] = [:]
    /// The keys held, in the order they were added: a ring of `capacity` once full, `oldest` its first.
    private var order: [Key] = []
    private var oldest = 0

    init(capacity: Int) {
        precondition(capacity >= 1, "a memory holds at least one value")
        self.capacity = capacity
        values.reserveCapacity(capacity)
        order.reserveCapacity(capacity)
    }

    /// Holds `value` under `key` and returns what that lets go of, for the caller to drop after its lock: the value
    /// `key` held before, or — a new key in a full memory — the value added longest ago; nil if neither.
    mutating func hold(_ value: Value, forKey key: Key) -> Value? {
        if let replaced = values.updateValue(value, forKey: key) { return replaced }
        guard order.count == capacity else {
            order.append(key)
            return nil
        }
        let lettingGo = values.removeValue(forKey: order[oldest])
        order[oldest] = key
        oldest = (oldest + 1) % capacity
        return lettingGo
    }

    /// Lets go of everything held and returns it, for the caller to drop after its lock.
    mutating func letGoOfAll() -> [Key: Value] {
        let held = values
        values = [:]
        order.removeAll(keepingCapacity: true)
        oldest = 0
        return held
    }
}
