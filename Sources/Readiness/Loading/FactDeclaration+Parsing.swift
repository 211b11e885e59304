import SourceDiagnostics
import StrictYAML

extension FactDeclaration {
    /// Reads a ruleset's `facts:` mapping (path → `{type, description, unit, enum, minimum,
    /// maximum, subject, required}`), reporting every problem with its position.
    static func declarations(
        _ value: Value, at location: SourceLocation, file: String, into diagnostics: inout DiagnosticCollector
    ) -> [FactDeclaration] {
        guard
            let map = MappingReader.mapping(
                value, field: "facts", expected: "a mapping from fact path to its type", at: location, into: &diagnostics)
        else { return [] }
        var out: [FactDeclaration] = []
        for i in 0..<map.count {
            let keyLocation = map.keyPosition(at: i).map { SourceLocation(file: file, position: $0) } ?? location
            guard let path = map.keys[i].stringValue, isValidPath(path) else {
                diagnostics.append(.error(
                    "ruleset.invalid-fact-path",
                    "fact path \(map.keys[i].kindDescription) is not a dotted path such as security.findings[].severity",
                    at: keyLocation))
                continue
            }
            let here = map.valuePosition(at: i).map { SourceLocation(file: file, position: $0) } ?? keyLocation
            var declared = map.values[i]
            if let type = declared.stringValue { declared = .map(ValueMap(keys: [.string("type")], values: [.string(type)])) }
            guard case .map(let fields) = declared else {
                diagnostics.append(RulesetDiagnostics.wrongType("facts.\(path)", expected: "a type or a mapping with 'type'", found: declared, at: here))
                continue
            }
            let reader = MappingReader(fields, file: file, context: "fact '\(path)'")
            reader.checkKeys(keys, into: &diagnostics)
            guard let type = reader.string("type", required: true, into: &diagnostics) else { continue }
            guard types.contains(type) else {
                diagnostics.append(RulesetDiagnostics.invalidEnum(type, field: "type", allowed: types, at: reader.valueLocation("type")))
                continue
            }
            let node = node(type: type)
            node.description = reader.string("description", into: &diagnostics)
            node.unit = reader.string("unit", into: &diagnostics)
            node.subject = reader.string("subject", into: &diagnostics)
            if case .list(let values)? = fields["enum"] { node.allowedValues = values.elements }
            node.minimum = number(fields["minimum"])
            node.maximum = number(fields["maximum"])
            let required = reader.strings("required", into: &diagnostics)
            if !required.isEmpty { node.items?.required = required }
            out.append(FactDeclaration(path: path, node: node, location: here))
        }
        return out
    }

    static func number(_ value: Value?) -> Double? {
        switch value {
        case .int(let n)?: Double(n)
        case .double(let d)?: d
        default: nil
        }
    }
}
