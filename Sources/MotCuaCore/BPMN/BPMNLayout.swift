/// Bố cục sơ đồ — where an exported process is drawn, so that a modeler (bpmn.io, Camunda Modeler) opens it as a
/// diagram: one horizontal lane per unit (and one for the partner agencies of hand-offs), nodes in columns by
/// their longest distance from the start, several nodes of one lane and column stacked, flows drawn with right
/// angles (a flow back to an earlier column runs below its lane).
struct BPMNLayout {
    /// A rectangle in diagram units (pixels in a modeler).
    struct Box: Equatable {
        var x: Int, y: Int, width: Int, height: Int
        var midX: Int { x + width / 2 }
        var midY: Int { y + height / 2 }
    }

    /// A lane: its name, the nodes it holds, and where it is drawn.
    struct Lane {
        let name: String
        var nodeIds: [String]
        var box: Box
    }

    static let laneLabelWidth = 30
    static let columnWidth = 150
    static let rowHeight = 110
    static let handOffLane = "Cơ quan liên thông"

    private(set) var lanes: [Lane] = []
    private(set) var shapes: [String: Box] = [:]
    private(set) var edges: [String: [(x: Int, y: Int)]] = [:]
    private(set) var pool = Box(x: 0, y: 0, width: 0, height: 0)

    init(_ process: ProcessDefinition) {
        let (columns, backFlows) = Self.columns(process)
        let laneOf = Self.lanes(process)
        var names: [String] = []
        for node in process.nodes where !names.contains(laneOf[node.id] ?? "") { names.append(laneOf[node.id] ?? "") }
        var stacks: [String: Int] = [:]
        var depth: [String: Int] = [:]
        var slot: [String: Int] = [:]
        for node in process.nodes {
            let key = "\(laneOf[node.id] ?? "")#\(columns[node.id] ?? 0)"
            slot[node.id] = stacks[key, default: 0]
            stacks[key, default: 0] += 1
            depth[laneOf[node.id] ?? "", default: 1] = max(depth[laneOf[node.id] ?? "", default: 1], stacks[key] ?? 1)
        }
        let width = Self.laneLabelWidth + ((columns.values.max() ?? 0) + 1) * Self.columnWidth + 40
        var top = 0
        for name in names {
            let height = (depth[name] ?? 1) * Self.rowHeight + 20
            lanes.append(Lane(name: name, nodeIds: process.nodes.map(\.id).filter { laneOf[$0] == name },
                              box: Box(x: Self.laneLabelWidth, y: top, width: width - Self.laneLabelWidth, height: height)))
            top += height
        }
        pool = Box(x: 0, y: 0, width: width, height: top)
        let laneTop = Dictionary(uniqueKeysWithValues: lanes.map { ($0.name, $0.box.y) })
        for node in process.nodes {
            let (width, height) = Self.size(node.kind)
            let centreX = Self.laneLabelWidth + 20 + (columns[node.id] ?? 0) * Self.columnWidth + Self.columnWidth / 2
            let centreY = (laneTop[laneOf[node.id] ?? ""] ?? 0) + 10 + (slot[node.id] ?? 0) * Self.rowHeight + Self.rowHeight / 2
            shapes[node.id] = Box(x: centreX - width / 2, y: centreY - height / 2, width: width, height: height)
        }
        for flow in process.flows {
            guard let from = shapes[flow.source], let to = shapes[flow.target] else { continue }
            guard backFlows.contains(flow.id) else {
                edges[flow.id] = Self.forward(from, to)
                continue
            }
            let lane = lanes.first { $0.nodeIds.contains(flow.source) }?.box
            edges[flow.id] = Self.below(from, to, laneBottom: lane.map { $0.y + $0.height } ?? top)
        }
    }

    static func size(_ kind: ProcessNode.Kind) -> (Int, Int) {
        switch kind {
        case .start, .end: (36, 36)
        case .exclusive, .parallel: (50, 50)
        case .step, .handOff: (100, 80)
        }
    }

    /// Right out of the source, across at half way, into the target's left side.
    static func forward(_ from: Box, _ to: Box) -> [(x: Int, y: Int)] {
        let start = (x: from.x + from.width, y: from.midY), end = (x: to.x, y: to.midY)
        guard start.y != end.y else { return [start, end] }
        let middle = (start.x + end.x) / 2
        return [start, (middle, start.y), (middle, end.y), end]
    }

    /// Down from the source, back along the bottom of its lane, up into the target.
    static func below(_ from: Box, _ to: Box, laneBottom: Int) -> [(x: Int, y: Int)] {
        let floor = laneBottom - 8
        return [(from.midX, from.y + from.height), (from.midX, floor), (to.midX, floor), (to.midX, to.y + to.height)]
    }

    /// Each node's column (its longest distance from the start, flows back ignored) and the flows that go back.
    static func columns(_ process: ProcessDefinition) -> (columns: [String: Int], backFlows: Set<String>) {
        var backFlows: Set<String> = []
        var finished: [String] = []
        var state: [String: Bool] = [:] // false: on the path being walked; true: done
        func visit(_ id: String) {
            state[id] = false
            for flow in process.outgoing(id) {
                switch state[flow.target] {
                case false?: backFlows.insert(flow.id)
                case true?: continue
                case nil: visit(flow.target)
                }
            }
            state[id] = true
            finished.append(id)
        }
        for node in process.nodes where node.kind == .start { visit(node.id) }
        for node in process.nodes where state[node.id] == nil { visit(node.id) }
        var columns: [String: Int] = [:]
        for id in finished.reversed() {
            let column = columns[id, default: 0]
            columns[id] = column
            for flow in process.outgoing(id) where !backFlows.contains(flow.id) {
                columns[flow.target] = max(columns[flow.target, default: 0], column + 1)
            }
        }
        return (columns, backFlows)
    }

    /// Each node's lane: a step's unit; a hand-off's partner lane; an event or gateway joins the lane of the node
    /// before it (the start, the lane of the node after it).
    static func lanes(_ process: ProcessDefinition) -> [String: String] {
        var lane: [String: String] = [:]
        for node in process.nodes {
            switch node.kind {
            case .step(let unit, _, _): lane[node.id] = unit
            case .handOff: lane[node.id] = handOffLane
            default: continue
            }
        }
        var changed = true
        while changed {
            changed = false
            for node in process.nodes where lane[node.id] == nil {
                let before = process.incoming(node.id).compactMap { lane[$0.source] }.first
                let after = process.outgoing(node.id).compactMap { lane[$0.target] }.first
                if let found = node.kind == .start ? after : before ?? after {
                    lane[node.id] = found
                    changed = true
                }
            }
        }
        let fallback = lane.values.first ?? process.name
        for node in process.nodes where lane[node.id] == nil { lane[node.id] = fallback }
        return lane
    }
}
