public import SourceDiagnostics
public import StrictYAML

/// Changes to a snapshot's facts, for what-if questions: `network.sites[Pit Creek Mine].wan_mbps=14`.
/// The edited snapshot keeps every source position, so its findings still point at the file.
public struct SnapshotEdit: Sendable {
    /// Where the change goes.
    public var steps: [FactStep]
    /// The new value.
    public var value: Value
    /// The path as the user wrote it.
    public var path: String

    /// Creates an edit at resolved steps.
    public init(steps: [FactStep], value: Value, path: String) {
        self.steps = steps
        self.value = value
        self.path = path
    }

    /// Reads `PATH=VALUE` against a snapshot: keys separated by dots, list elements by
    /// `[name]` (see `ElementAddress`) or `[index]`; the value is a YAML scalar (`14`, `true`,
    /// `'2027-05-01'`) or flow collection.
    /// - Throws: `DiagnosticError` naming the part of the path that does not resolve.
    public static func parse(_ assignment: String, in snapshot: Snapshot, yaml: YAMLLoader = YAMLLoader()) throws(DiagnosticError) -> SnapshotEdit {
        guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
            throw DiagnosticError(.error("whatif.bad-assignment", "'\(assignment)' is not PATH=VALUE", at: nil))
        }
        let path = String(assignment[..<equals]).trimmingSpaces
        let text = String(assignment[assignment.index(after: equals)...])
        let value: Value
        do {
            value = try yaml.load(text.isEmpty ? "''" : text, file: "<--set \(path)>").root
        } catch {
            throw DiagnosticError(.error("whatif.bad-value", "the value of '\(path)' is not a YAML value: \(text)", at: nil))
        }
        if case .double(let d) = value, !d.isFinite {
            throw DiagnosticError(.error("whatif.bad-value", "the value of '\(path)' is not a finite number: \(text)", at: nil))
        }
        return SnapshotEdit(steps: try resolve(path, in: snapshot.document.root), value: value, path: path)
    }

    /// The steps of a path, list elements resolved against the snapshot.
    static func resolve(_ path: String, in root: Value) throws(DiagnosticError) -> [FactStep] {
        var steps: [FactStep] = []
        var node: Value? = root
        var rest = Substring(path)
        var walked = ""
        func fail(_ message: String, notes: [Diagnostic.Note] = []) -> DiagnosticError {
            DiagnosticError(.error("whatif.bad-path", message, at: nil, notes: notes))
        }
        while !rest.isEmpty {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { throw fail("'\(path)': a '[' without its ']'") }
                var key = String(rest[rest.index(after: rest.startIndex)..<close]).trimmingSpaces
                var isQuoted = false
                if key.count >= 2, let q = key.first, q == "'" || q == "\"", key.last == q {
                    key = String(key.dropFirst().dropLast())
                    isQuoted = true
                }
                rest = rest[rest.index(after: close)...]
                if rest.first == "." { rest = rest.dropFirst() }
                guard case .list(let list)? = node else { throw fail("'\(walked)' is not a list, so '[\(key)]' names nothing") }
                guard let i = ElementAddress.index(of: key, in: list, allowsIndex: !isQuoted) else {
                    let names = list.elements.compactMap { element -> String? in
                        guard case .map(let map) = element else { return nil }
                        return (map["name"] ?? map["id"])?.stringValue
                    }
                    var notes: [Diagnostic.Note] = []
                    if let guess = EditDistance.suggestion(for: key, among: names) {
                        notes.append(.init(message: "did you mean '\(guess)'?"))
                    } else if !names.isEmpty {
                        notes.append(.init(message: "elements: \(names.prefix(20).joined(separator: ", "))"))
                    }
                    throw fail("'\(walked)' has no single element '\(key)' (by name, id, another field or index 0…\(max(list.count - 1, 0)))", notes: notes)
                }
                steps.append(.index(i))
                walked += "[\(key)]"
                node = list.elements[i]
                continue
            }
            let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
            let key = String(rest[..<end])
            guard !key.isEmpty else { throw fail("'\(path)' has an empty key") }
            rest = rest[end...]
            if rest.first == "." { rest = rest.dropFirst() }
            switch node {
            case .map(let map)?: node = map[key]
            case nil, .null?: node = nil
            default: throw fail("'\(walked)' is not a mapping, so it has no '\(key)'")
            }
            steps.append(.key(key))
            walked += walked.isEmpty ? key : ".\(key)"
        }
        guard !steps.isEmpty else { throw fail("the path is empty") }
        return steps
    }
}

extension Snapshot {
    /// The snapshot with the edits made, in order (a later edit of the same fact wins), and
    /// loaded again, so the project's dates and phases follow the edits.
    /// - Throws: `DiagnosticError` when an edit cannot be made or the edited snapshot is invalid.
    public func editing(_ edits: [SnapshotEdit], loader: SnapshotLoader = SnapshotLoader()) throws(DiagnosticError) -> Snapshot {
        var root = document.root
        for edit in edits {
            guard let edited = FactEdit.setting(edit.value, at: edit.steps[...], in: root) else {
                throw DiagnosticError(.error("whatif.bad-path", "'\(edit.path)' cannot be set in '\(file)'", at: nil))
            }
            root = edited
        }
        let edited = YAMLDocument(file: document.file, root: root, rootPosition: document.rootPosition)
        return try loader.snapshot(from: edited, sha256: sha256)
    }
}
