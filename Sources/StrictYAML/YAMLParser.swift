internal import CLibYAML
import SourceDiagnostics

/// Walks libyaml's event stream straight into `Value`s: no intermediate node tree.
///
/// The only file that imports libyaml. Containers under construction live on an explicit
/// stack, so nesting depth is bounded by `Limits.maxDepth`, never by the machine stack.
struct YAMLParser {
    let file: String
    let limits: YAMLLoader.Limits
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var expandedAliasNodes = 0
    private var collector = DiagnosticCollector()
    private var result: (Value, SourcePosition)?
    private var documents = 0

    init(file: String, limits: YAMLLoader.Limits) {
        self.file = file
        self.limits = limits
    }

    /// A value with an anchor, and how many nodes it holds (for the alias expansion bound).
    private struct Anchored {
        var value: Value
        var nodeCount: Int
    }

    /// A list or map under construction.
    private struct Frame {
        var isMapping: Bool
        var start: SourcePosition
        var anchor: String?
        var nodeCount = 1
        var elements: [Value] = []
        var positions: [SourcePosition] = []
        // Mapping state: keys/keyPositions parallel to elements/positions once a value arrives.
        var keys: [Value] = []
        var keyPositions: [SourcePosition] = []
        var pendingKey: Value?
        var pendingKeyPosition = SourcePosition.unknown
        var keyIndex: [MapKey: Int]?

        init(isMapping: Bool, start: SourcePosition, anchor: String?) {
            self.isMapping = isMapping
            self.start = start
            self.anchor = anchor
        }
    }

    /// An error that ends parsing at once.
    private struct Fatal: Error {
        var diagnostic: Diagnostic
    }

    mutating func parse(_ bytes: [UInt8]) throws(DiagnosticError) -> YAMLDocument {
        let outcome: Result<Void, Fatal> = bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(Fatal(diagnostic: .error("yaml.internal", "libyaml could not start", at: nil)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            do throws(Fatal) {
                try run(&parser, bytes: buffer)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if case .failure(let fatal) = outcome {
            collector.append(fatal.diagnostic)
            try collector.throwIfErrors()
        }
        try collector.throwIfErrors()
        guard let (root, position) = result else {
            throw DiagnosticError(YAMLDiagnostics.emptyDocument(file: file))
        }
        return YAMLDocument(file: file, root: root, rootPosition: position)
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    @inline(__always)
    private func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private mutating func run(
        _ parser: inout yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>
    ) throws(Fatal) {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw Fatal(diagnostic: syntaxError(parser, bytes: bytes))
            }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw Fatal(diagnostic: YAMLDiagnostics.multipleDocuments(at: location(event.start_mark)))
                }
            case YAML_SCALAR_EVENT:
                try scalar(event)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let tagPointer = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
                if let tag = Self.string(tagPointer) {
                    let expected = isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq"
                    if tag != expected && tag != "!" {
                        collector.append(YAMLDiagnostics.unsupportedTag(Self.shortTag(tag), at: location(event.start_mark)))
                    }
                }
                if let top = stack.last, top.isMapping, top.pendingKey == nil {
                    throw Fatal(diagnostic: YAMLDiagnostics.nonScalarKey(at: location(event.start_mark)))
                }
                if stack.count >= limits.maxDepth {
                    throw Fatal(diagnostic: YAMLDiagnostics.nestingTooDeep(limits.maxDepth, at: location(event.start_mark)))
                }
                let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                stack.append(Frame(isMapping: isMapping, start: position(event.start_mark), anchor: Self.string(anchorPointer)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                let value: Value
                if frame.isMapping {
                    value = .map(ValueMap(
                        keys: frame.keys, values: frame.elements, keyPositions: frame.keyPositions,
                        valuePositions: frame.positions, position: frame.start))
                } else {
                    value = .list(ValueList(frame.elements, positions: frame.positions, position: frame.start))
                }
                if let anchor = frame.anchor {
                    anchors[anchor] = Anchored(value: value, nodeCount: frame.nodeCount)
                }
                try add(value, at: frame.start, nodeCount: frame.nodeCount)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                let here = location(event.start_mark)
                guard let anchored = anchors[name] else {
                    throw Fatal(diagnostic: YAMLDiagnostics.undefinedAlias(name, at: here))
                }
                expandedAliasNodes += anchored.nodeCount
                if expandedAliasNodes > limits.maxAliasNodes {
                    throw Fatal(diagnostic: YAMLDiagnostics.aliasExpansionLimit(limits.maxAliasNodes, at: here))
                }
                try add(anchored.value, at: position(event.start_mark), nodeCount: anchored.nodeCount)
            default:
                continue
            }
        }
    }

    private mutating func scalar(_ event: yaml_event_t) throws(Fatal) {
        let data = event.data.scalar
        let start = position(event.start_mark)
        let buffer = UnsafeBufferPointer(start: data.value, count: Int(data.length))
        let value: Value
        let tag = Self.string(data.tag)
        if let tag, tag != "!" {
            value = resolveTagged(buffer, tag: tag, at: event.start_mark)
        } else if data.style == YAML_PLAIN_SCALAR_STYLE && tag == nil {
            value = resolvePlain(buffer, at: event.start_mark)
        } else {
            value = .string(String(decoding: buffer, as: UTF8.self))
        }
        if let anchor = Self.string(data.anchor) {
            anchors[anchor] = Anchored(value: value, nodeCount: 1)
        }
        try add(value, at: start, nodeCount: 1)
    }

    /// Places a finished value into the container on top of the stack (or makes it the root).
    private mutating func add(_ value: Value, at position: SourcePosition, nodeCount: Int) throws(Fatal) {
        guard !stack.isEmpty else {
            result = (value, position)
            return
        }
        let top = stack.count - 1
        stack[top].nodeCount += nodeCount
        if !stack[top].isMapping {
            stack[top].elements.append(value)
            stack[top].positions.append(position)
            return
        }
        guard let key = stack[top].pendingKey else {
            switch value {
            case .list, .map:
                throw Fatal(diagnostic: YAMLDiagnostics.nonScalarKey(at: SourceLocation(file: file, position: position)))
            default:
                break
            }
            if let first = firstIndex(of: value, in: stack[top]) {
                collector.append(YAMLDiagnostics.duplicateKey(
                    Self.describeKey(value), at: SourceLocation(file: file, position: position),
                    first: SourceLocation(file: file, position: stack[top].keyPositions[first])))
            }
            stack[top].pendingKey = value
            stack[top].pendingKeyPosition = position
            return
        }
        stack[top].keys.append(key)
        let keyPosition = stack[top].pendingKeyPosition
        stack[top].keyPositions.append(keyPosition)
        stack[top].elements.append(value)
        stack[top].positions.append(position)
        stack[top].pendingKey = nil
        if let mapKey = MapKey(key) {
            if stack[top].keyIndex != nil {
                let last = stack[top].keys.count - 1
                stack[top].keyIndex?[mapKey] = last
            } else if stack[top].keys.count > 16 {
                var index = [MapKey: Int](minimumCapacity: 64)
                for (i, k) in stack[top].keys.enumerated() {
                    if let mk = MapKey(k), index[mk] == nil { index[mk] = i }
                }
                stack[top].keyIndex = index
            }
        }
    }

    private func firstIndex(of key: Value, in frame: Frame) -> Int? {
        if let index = frame.keyIndex, let mapKey = MapKey(key) {
            return index[mapKey]
        }
        for i in frame.keys.indices where Self.sameKey(frame.keys[i], key) { return i }
        return nil
    }

    private static func sameKey(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.double(x), .double(y)): return x == y || (x.isNaN && y.isNaN)
        default: return a == b
        }
    }

    private static func describeKey(_ key: Value) -> String {
        switch key {
        case .string(let s): s
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .bool(let b): String(b)
        case .null: "null"
        default: "?"
        }
    }

    // MARK: - Scalars

    private mutating func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>, at mark: yaml_mark_t) -> Value {
        switch ScalarResolver.resolve(bytes) {
        case .value(let value):
            return value
        case .string:
            return .string(String(decoding: bytes, as: UTF8.self))
        case .integerOutOfRange:
            collector.append(YAMLDiagnostics.integerOutOfRange(String(decoding: bytes, as: UTF8.self), at: location(mark)))
            return .null
        }
    }

    private mutating func resolveTagged(
        _ bytes: UnsafeBufferPointer<UInt8>, tag: String, at mark: yaml_mark_t
    ) -> Value {
        let text = String(decoding: bytes, as: UTF8.self)
        let resolved = ScalarResolver.resolve(bytes)
        func invalid(_ name: String) -> Value {
            collector.append(YAMLDiagnostics.invalidTaggedScalar(text, tag: name, at: location(mark)))
            return .null
        }
        switch tag {
        case "tag:yaml.org,2002:str":
            return .string(text)
        case "tag:yaml.org,2002:null":
            if case .value(.null) = resolved { return .null }
            return invalid("!!null")
        case "tag:yaml.org,2002:bool":
            if case .value(.bool(let b)) = resolved { return .bool(b) }
            return invalid("!!bool")
        case "tag:yaml.org,2002:int":
            if case .value(.int(let i)) = resolved { return .int(i) }
            if case .integerOutOfRange = resolved {
                collector.append(YAMLDiagnostics.integerOutOfRange(text, at: location(mark)))
                return .null
            }
            return invalid("!!int")
        case "tag:yaml.org,2002:float":
            switch resolved {
            case .value(.double(let d)): return .double(d)
            case .value(.int(let i)): return .double(Double(i))
            case .integerOutOfRange: return Double(text).map(Value.double) ?? invalid("!!float")
            default: return invalid("!!float")
            }
        default:
            collector.append(YAMLDiagnostics.unsupportedTag(Self.shortTag(tag), at: location(mark)))
            return .null
        }
    }

    private static func shortTag(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    // MARK: - Errors

    private func syntaxError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let context = parser.context.map { String(cString: $0) }
        if parser.error == YAML_READER_ERROR {
            let offset = min(Int(parser.problem_offset), bytes.count)
            let here = Self.location(ofByte: offset, in: bytes, file: file)
            if problem.contains("UTF-8") || problem.contains("utf-8") {
                return YAMLDiagnostics.invalidUTF8(at: here)
            }
            if problem.contains("control characters") {
                return YAMLDiagnostics.nulCharacter(at: here)
            }
            return YAMLDiagnostics.syntax(problem, context: context, at: here)
        }
        let here = location(parser.problem_mark)
        if problem.contains("tab") || problem == "found character that cannot start any token",
            Self.scalar(atLine: here.line, column: here.column, in: bytes) == UInt8(ascii: "\t")
        {
            return YAMLDiagnostics.tabIndentation(at: here)
        }
        if problem.contains("tab") && problem.contains("indentation") {
            return YAMLDiagnostics.tabIndentation(at: here)
        }
        if let context, context.contains("quoted scalar"), problem.contains("end of stream") {
            return YAMLDiagnostics.unterminatedQuote(at: here, opened: location(parser.context_mark))
        }
        return YAMLDiagnostics.syntax(problem, context: context, at: here)
    }

    /// The line and column (in Unicode scalars) of a byte offset.
    static func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        var i = 0
        while i < offset && i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column, offset: offset)
    }

    /// The first byte of the scalar at a line and column, if there is one.
    static func scalar(atLine line: Int, column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var currentLine = 1
        var i = 0
        while currentLine < line && i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") { currentLine += 1 }
            i += 1
        }
        var currentColumn = 1
        while currentColumn < column && i < bytes.count {
            i += 1
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
            currentColumn += 1
        }
        return i < bytes.count ? bytes[i] : nil
    }
}
