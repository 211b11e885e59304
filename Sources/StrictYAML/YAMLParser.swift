internal import CLibYAML
import SourceDiagnostics

/// Walks libyaml's event stream straight into `Value`s: no intermediate node tree.
///
/// The only file that imports libyaml. Containers under construction live on an explicit
/// stack, so nesting depth is bounded by `Limits.maxDepth`, never by the machine stack.
struct YAMLParser {
    let file: String
    let limits: YAMLLoader.Limits
    /// The container being built (meaningful while `depth > 0`); appends go straight to it.
    private var current = Frame()
    /// The containers that enclose `current`, outermost first.
    private var parents: [Frame] = []
    private var depth = 0
    /// The size of the last container at each depth: siblings tend to match, so reserving that
    /// much saves the reallocations of growing from empty.
    private var sizeHints: [Int] = []
    /// The key lists of the last few mappings finished at each depth: a mapping with the same
    /// keys as a recent sibling (the servers of one list) shares that list's storage.
    private var recentKeys: [[(keys: [Value], isASCII: Bool)]] = []
    /// At each depth, a key buffer left over when a mapping shared its keys: the next mapping
    /// there builds its keys in it instead of allocating.
    private var spareKeys: [[Value]] = []
    private var anchors: [String: Anchored] = [:]
    private var expandedAliasNodes = 0
    private var expandedAliasBytes = 0
    private var collector = DiagnosticCollector()
    private var result: (Value, SourcePosition)?
    private var documents = 0

    /// Lines before the text this parser reads (when it reads one part of a larger file).
    let lineOffset: Int

    /// The deepest nesting of containers met so far.
    var deepest: Int { sizeHints.count }

    /// Where the flow collections and the anchored or tagged containers start: their position
    /// is a bracket, an anchor or a tag, not the column of their block entries. Recorded only
    /// for a part of a split parse (a JSON file would otherwise record every container).
    private(set) var irregularContainers: Set<SourcePosition> = []
    let recordsIrregularContainers: Bool

    /// Whether an empty scalar stands at the very end of the text: libyaml gives it the
    /// position of the next token, which for a part of a larger file lies beyond the part.
    private(set) var hasEmptyValueAtEnd = false

    /// - Parameter isPart: Whether the text is one part of a split parse (see `SplitParse`).
    init(file: String, limits: YAMLLoader.Limits, lineOffset: Int = 0, isPart: Bool = false) {
        self.file = file
        self.limits = limits
        self.lineOffset = lineOffset
        recordsIrregularContainers = isPart
    }

    /// A value with an anchor, and how many nodes it holds (for the alias expansion bound).
    private struct Anchored {
        var value: Value
        var nodeCount: Int
        /// Bytes of scalar text it holds (for the alias expansion bound by bytes).
        var byteCount: Int
    }

    /// A list or map under construction.
    private struct Frame {
        var isMapping = false
        var start = SourcePosition.unknown
        var anchor: String?
        var nodeCount = 1
        var byteCount = 0
        var elements: [Value] = []
        /// Element positions; for a mapping, key and value positions interleaved.
        var positions: [SourcePosition] = []
        // Mapping state: keys parallel to elements once a value arrives.
        var keys: [Value] = []
        var pendingKey: Value?
        var pendingKeyPosition = SourcePosition.unknown
        var keyIndex: [MapKey: Int]?

        /// Hands over the finished arrays without copying their elements.
        mutating func takeArrays() -> (elements: [Value], positions: [SourcePosition], keys: [Value]) {
            let taken = (elements, positions, keys)
            elements = []
            positions = []
            keys = []
            return taken
        }

        mutating func reset(isMapping: Bool, start: SourcePosition, anchor: String?) {
            self.isMapping = isMapping
            self.start = start
            self.anchor = anchor
            nodeCount = 1
            byteCount = 0
            pendingKey = nil
            keyIndex = nil
        }
    }

    /// An error that ends parsing at once.
    private struct Fatal: Error {
        var diagnostic: Diagnostic
    }

    /// Parses the bytes; the parser's state lives in a local `var`, so its accesses are checked
    /// statically (a class here costs a dynamic exclusivity check per event).
    mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(DiagnosticError) -> YAMLDocument {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw DiagnosticError(.error("yaml.internal", "libyaml could not start", at: nil))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        do throws(Fatal) {
            try run(&parser, bytes: buffer)
        } catch {
            collector.append(error.diagnostic)
        }
        try collector.throwIfErrors()
        guard let (root, position) = result else {
            throw DiagnosticError(YAMLDiagnostics.emptyDocument(file: file))
        }
        return YAMLDocument(file: file, root: root, rootPosition: position)
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    @inline(__always)
    private func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    /// Reads events until the stream ends, handing each to the step that builds from it.
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
                if event.data.scalar.length == 0, Int(event.start_mark.index) >= bytes.count {
                    // An empty value (`? key` without `:`) placed where the text ends.
                    hasEmptyValueAtEnd = true
                }
                try scalar(event)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                try openContainer(event)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard depth > 0 else { continue }
                try closeContainer()
            case YAML_ALIAS_EVENT:
                try expandAlias(event)
            default:
                continue
            }
        }
    }

    /// Starts a list or map: checks its tag, key position and depth, and pushes a frame sized
    /// like the last container finished at this depth.
    private mutating func openContainer(_ event: yaml_event_t) throws(Fatal) {
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let tagPointer = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
        if let tag = Self.string(tagPointer) {
            let expected = isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq"
            if tag != expected && tag != "!" {
                collector.append(YAMLDiagnostics.unsupportedTag(Self.shortTag(tag), at: location(event.start_mark)))
            }
        }
        if depth > 0, current.isMapping, current.pendingKey == nil {
            throw Fatal(diagnostic: YAMLDiagnostics.nonScalarKey(at: location(event.start_mark)))
        }
        if depth >= limits.maxDepth {
            throw Fatal(diagnostic: YAMLDiagnostics.nestingTooDeep(limits.maxDepth, at: location(event.start_mark)))
        }
        let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
        let isFlow = isMapping
            ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
            : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
        if recordsIrregularContainers, isFlow || anchorPointer != nil || tagPointer != nil {
            // Its position is not its block indentation (see `SplitParse`).
            irregularContainers.insert(position(event.start_mark))
        }
        pushFrame(isMapping: isMapping, start: position(event.start_mark), anchor: Self.string(anchorPointer))
    }

    /// Makes a fresh frame the current one, reusing spare key storage and reserving the size
    /// hint for this depth.
    private mutating func pushFrame(isMapping: Bool, start: SourcePosition, anchor: String?) {
        if depth > 0 { parents.append(current) }
        current = Frame()
        current.reset(isMapping: isMapping, start: start, anchor: anchor)
        if depth == sizeHints.count { sizeHints.append(0) }
        let hint = sizeHints[depth]
        if isMapping, depth < spareKeys.count, spareKeys[depth].capacity > 0 {
            swap(&current.keys, &spareKeys[depth])
        }
        if hint > 0 {
            current.elements.reserveCapacity(hint)
            current.positions.reserveCapacity(isMapping ? 2 * hint : hint)
            if isMapping { current.keys.reserveCapacity(hint) }
        }
        depth += 1
    }

    /// Finishes the current list or map, pops back to its parent and adds the value there.
    private mutating func closeContainer() throws(Fatal) {
        depth -= 1
        let value: Value
        let start = current.start
        let nodeCount = current.nodeCount
        let byteCount = current.byteCount
        let isMapping = current.isMapping
        let anchor = current.anchor
        var taken = current.takeArrays()
        sizeHints[depth] = taken.elements.count
        if isMapping {
            value = .map(ValueMap(
                keys: sharedKeys(&taken.keys, depth: depth), values: taken.elements,
                entryPositions: taken.positions, position: start))
        } else {
            value = .list(ValueList(taken.elements, positions: taken.positions, position: start))
        }
        if depth > 0, let parent = parents.popLast() { current = parent }
        if let anchor {
            anchors[anchor] = Anchored(value: value, nodeCount: nodeCount, byteCount: byteCount)
        }
        try add(value, at: start, nodeCount: nodeCount, byteCount: byteCount)
    }

    /// Adds an anchored value again where an alias names it, within the expansion limits.
    private mutating func expandAlias(_ event: yaml_event_t) throws(Fatal) {
        let name = Self.string(event.data.alias.anchor) ?? ""
        let here = location(event.start_mark)
        guard let anchored = anchors[name] else {
            throw Fatal(diagnostic: YAMLDiagnostics.undefinedAlias(name, at: here))
        }
        expandedAliasNodes += anchored.nodeCount
        if expandedAliasNodes > limits.maxAliasNodes {
            throw Fatal(diagnostic: YAMLDiagnostics.aliasExpansionLimit(limits.maxAliasNodes, at: here))
        }
        expandedAliasBytes += anchored.byteCount
        if expandedAliasBytes > limits.maxAliasBytes {
            throw Fatal(diagnostic: YAMLDiagnostics.aliasByteLimit(limits.maxAliasBytes, at: here))
        }
        try add(
            anchored.value, at: position(event.start_mark), nodeCount: anchored.nodeCount,
            byteCount: anchored.byteCount)
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
            // Cheapest test first: almost every scalar is not two bytes of `<`.
            if buffer.count == 2, buffer[0] == UInt8(ascii: "<"), buffer[1] == UInt8(ascii: "<"), depth > 0,
                current.isMapping, current.pendingKey == nil
            {
                // YAML 1.1's merge key: not part of the 1.2 core schema, and kept as a key it
                // would silently drop the facts it was meant to merge.
                throw Fatal(diagnostic: YAMLDiagnostics.mergeKey(at: location(event.start_mark)))
            }
            value = resolvePlain(buffer, at: event.start_mark)
        } else {
            value = .string(String(decoding: buffer, as: UTF8.self))
        }
        if let anchor = Self.string(data.anchor) {
            anchors[anchor] = Anchored(value: value, nodeCount: 1, byteCount: buffer.count)
        }
        try add(value, at: start, nodeCount: 1, byteCount: buffer.count)
    }

    /// Places a finished value into the container on top of the stack (or makes it the root).
    private mutating func add(
        _ value: Value, at position: SourcePosition, nodeCount: Int, byteCount: Int
    ) throws(Fatal) {
        guard depth > 0 else {
            result = (value, position)
            return
        }
        current.nodeCount += nodeCount
        current.byteCount += byteCount
        if !current.isMapping {
            current.elements.append(value)
            current.positions.append(position)
            return
        }
        guard let key = current.pendingKey else {
            switch value {
            case .list, .map:
                throw Fatal(diagnostic: YAMLDiagnostics.nonScalarKey(at: SourceLocation(file: file, position: position)))
            default:
                break
            }
            if let first = Self.firstIndex(of: value, in: current.keys, index: current.keyIndex) {
                collector.append(YAMLDiagnostics.duplicateKey(
                    Self.describeKey(value), at: SourceLocation(file: file, position: position),
                    first: SourceLocation(file: file, position: current.positions[2 * first])))
            }
            current.pendingKey = value
            current.pendingKeyPosition = position
            return
        }
        current.keys.append(key)
        let keyPosition = current.pendingKeyPosition
        current.positions.append(keyPosition)
        current.elements.append(value)
        current.positions.append(position)
        current.pendingKey = nil
        if current.keyIndex != nil {
            if let mapKey = MapKey(key) {
                let last = current.keys.count - 1
                current.keyIndex?[mapKey] = last
            }
        } else if current.keys.count > 16 {
            do {
                var index = [MapKey: Int](minimumCapacity: 64)
                for (i, k) in current.keys.enumerated() {
                    if let mk = MapKey(k), index[mk] == nil { index[mk] = i }
                }
                current.keyIndex = index
            }
        }
    }

    /// The keys of a finished mapping: the storage of a recent sibling's equal key list when
    /// there is one (its own buffer is then kept for the next mapping at this depth), else its own.
    private mutating func sharedKeys(_ keys: inout [Value], depth: Int) -> [Value] {
        while recentKeys.count <= depth { recentKeys.append([]) }
        for recent in recentKeys[depth].reversed()
        where recent.keys.count == keys.count && Self.sameKeys(recent.keys, keys, isASCII: recent.isASCII) {
            while spareKeys.count <= depth { spareKeys.append([]) }
            keys.removeAll(keepingCapacity: true)
            swap(&keys, &spareKeys[depth])
            return recent.keys
        }
        if recentKeys[depth].count == Self.recentKeyLists { recentKeys[depth].removeFirst() }
        let isASCII = keys.allSatisfy { key in
            guard case .string(var s) = key else { return true }
            return s.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
        }
        recentKeys[depth].append((keys, isASCII))
        return keys
    }

    /// How many key lists are remembered per depth.
    static let recentKeyLists = 4

    /// Whether two key lists are the same keys in the same order (byte for byte); `isASCII`
    /// says that every string key in `a` is ASCII.
    private static func sameKeys(_ a: [Value], _ b: [Value], isASCII: Bool) -> Bool {
        for i in a.indices {
            switch (a[i], b[i]) {
            case let (.string(x), .string(y)):
                // `==` is quick for equal short strings. When `x` is ASCII, an equal `y` of as
                // many bytes has the same bytes: a canonically equivalent spelling of ASCII
                // text needs a non-ASCII scalar (two bytes or more) where ASCII has one byte.
                guard x == y, x.utf8.count == y.utf8.count, isASCII || sameBytes(x, y) else { return false }
            case let (.int(x), .int(y)) where x == y: continue
            case let (.bool(x), .bool(y)) where x == y: continue
            case let (.double(x), .double(y)) where x.bitPattern == y.bitPattern: continue
            case (.null, .null): continue
            default: return false
            }
        }
        return true
    }

    /// Whether two strings have the same UTF-8 bytes (`==` would also equate canonically
    /// equivalent spellings, which are different keys in the source).
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { p in b.withUTF8 { q in p.elementsEqual(q) } }
    }

    /// Where `key` already stands among a mapping's keys. Static, and given the keys alone: a
    /// method on the parser would copy the whole parser for every key.
    /// The index of an equal key already in the mapping. Keys compare as YAML scalars: `1` and
    /// `1.0` are different keys (an integer and a float), though CEL would call them equal.
    private static func firstIndex(of key: Value, in keys: [Value], index: [MapKey: Int]?) -> Int? {
        if let index, let mapKey = MapKey(key) {
            guard let i = index[mapKey] else { return nil }
            if sameKey(keys[i], key) { return i }
        }
        if case .string(let name) = key {
            let length = name.utf8.count
            for i in keys.indices {
                if case .string(let other) = keys[i], other.utf8.count == length, other == name {
                    return i
                }
            }
            return nil
        }
        for i in keys.indices where sameKey(keys[i], key) { return i }
        return nil
    }

    private static func sameKey(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.double(x), .double(y)): return x == y || (x.isNaN && y.isNaN)
        case (.double, _), (_, .double): return false
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
            if case .double(let d) = value, !d.isFinite, !limits.allowsNonFiniteNumbers {
                collector.append(
                    YAMLDiagnostics.nonFiniteNumber(String(decoding: bytes, as: UTF8.self), at: location(mark)))
                return .null
            }
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
            if case .value(.double(let d)) = resolved, !d.isFinite, !limits.allowsNonFiniteNumbers {
                collector.append(YAMLDiagnostics.nonFiniteNumber(text, at: location(mark)))
                return .null
            }
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
            let here = SourceText(bytes: Array(bytes)).location(ofOffset: offset, file: file)
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
            Self.byte(at: here.position, in: bytes) == UInt8(ascii: "\t")
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

    /// The first byte of the scalar at a position, if there is one.
    static func byte(at position: SourcePosition, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        let text = SourceText(bytes: Array(bytes))
        return text.offset(of: position).map { text.bytes[$0] }
    }
}
