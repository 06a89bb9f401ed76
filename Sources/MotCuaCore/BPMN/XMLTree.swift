import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Cây XML — a parsed XML element as plain values (namespace-aware names, attributes, text, children), read with
/// Foundation's XMLParser. Small enough for process definitions; external entities are never resolved.
struct XMLTree: Sendable {
    let namespace: String
    let name: String
    let attributes: [String: String]
    var children: [XMLTree] = []
    var text = ""

    func attribute(_ name: String) -> String? { attributes[name] }
    func children(_ namespace: String, _ name: String) -> [XMLTree] {
        children.filter { $0.namespace == namespace && $0.name == name }
    }
    func child(_ namespace: String, _ name: String) -> XMLTree? { children(namespace, name).first }

    /// Parses `data`; the problem names the line and column of malformed XML.
    static func parse(_ data: Data) throws(FieldProblem) -> XMLTree {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw FieldProblem(field: "bpmn", message: "Tệp không phải XML hợp lệ (dòng \(parser.lineNumber), cột \(parser.columnNumber)).")
        }
        return root
    }

    /// Collects elements as the parser reports them.
    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String]) {
            stack.append(XMLTree(namespace: namespaceURI ?? "", name: elementName, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast() else { return }
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }
    }
}
