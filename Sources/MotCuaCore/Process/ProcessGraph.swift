/// Đồ thị quy trình — a process's nodes and flows as adjacency lists, for walking it: what is reachable, which
/// nodes form loops, and the same graph with the loops cut where they turn back.
struct ProcessGraph {
    var successors: [String: [String]] = [:]
    var predecessors: [String: [String]] = [:]
    let nodes: [String]

    init(_ process: ProcessDefinition) {
        nodes = process.nodes.map(\.id)
        for flow in process.flows {
            successors[flow.source, default: []].append(flow.target)
            predecessors[flow.target, default: []].append(flow.source)
        }
    }

    /// Every node reachable from `roots` following flows forward (or backward).
    func reachable(from roots: [String], forward: Bool) -> Set<String> {
        var seen = Set(roots)
        var stack = roots
        while let id = stack.popLast() {
            for next in (forward ? successors : predecessors)[id, default: []] where seen.insert(next).inserted {
                stack.append(next)
            }
        }
        return seen
    }

    /// The strongly connected components that contain a cycle (Tarjan's algorithm).
    func cycles() -> [Set<String>] {
        var index: [String: Int] = [:]
        var low: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var counter = 0
        var components: [Set<String>] = []
        func connect(_ id: String) {
            index[id] = counter
            low[id] = counter
            counter += 1
            stack.append(id)
            onStack.insert(id)
            for next in successors[id, default: []] {
                if index[next] == nil {
                    connect(next)
                    low[id] = min(low[id]!, low[next]!)
                } else if onStack.contains(next) {
                    low[id] = min(low[id]!, index[next]!)
                }
            }
            guard low[id] == index[id] else { return }
            var component: Set<String> = []
            while let top = stack.popLast() {
                onStack.remove(top)
                component.insert(top)
                if top == id { break }
            }
            if component.count > 1 || successors[id, default: []].contains(id) { components.append(component) }
        }
        for id in nodes where index[id] == nil { connect(id) }
        return components
    }

    /// The graph without the flows that turn back to a node still being walked from `root` (loops cut once).
    func withoutBackEdges(from root: String) -> ProcessGraph {
        var copy = self
        copy.successors = [:]
        var state: [String: Bool] = [:] // false: on the path; true: finished
        func visit(_ id: String) {
            state[id] = false
            for next in successors[id, default: []] {
                if state[next] == false { continue }
                copy.successors[id, default: []].append(next)
                if state[next] == nil { visit(next) }
            }
            state[id] = true
        }
        visit(root)
        return copy
    }
}
