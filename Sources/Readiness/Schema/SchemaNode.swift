public import CEL
public import StrictYAML

/// One compiled JSON Schema (the subset the snapshot schema uses): the JSON types allowed,
/// enums, bounds, patterns, properties, items, `anyOf`/`allOf`/`$ref`, and the annotations
/// readiness reads (`description`, `x-unit`, `x-subject`, `x-readiness-names`,
/// `x-readiness-refers-to`, `x-readiness-format`).
///
/// A branch `{"$ref": "#/$defs/unknown"}` of an `anyOf` is not kept as a branch: it sets
/// `allowsUnknown`, so checking a fact costs one comparison more than its type.
///
/// Built once (mutable while the schema is compiled and custom facts are declared), then only
/// read; hence `@unchecked Sendable`.
public final class SchemaNode: @unchecked Sendable {
    /// JSON types, as a set.
    public struct Types: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let null = Types(rawValue: 1)
        public static let boolean = Types(rawValue: 2)
        public static let integer = Types(rawValue: 4)
        /// Any number (`integer` is its subset).
        public static let number = Types(rawValue: 8)
        public static let string = Types(rawValue: 16)
        public static let array = Types(rawValue: 32)
        public static let object = Types(rawValue: 64)
    }

    /// The allowed types; empty for any.
    public var types: Types = []
    /// Whether an explicit unknown (`null`, `unknown`, `TBD`) is accepted.
    public var allowsUnknown = false
    /// The allowed values, when the schema lists them.
    public var allowedValues: [Value]?
    /// The pattern a string must match, and its source text.
    public var pattern: (regex: RE2Regex, source: String)?
    /// `x-readiness-format: date`: a string that must be a real calendar date.
    public var isDate = false
    /// Inclusive bounds of a number.
    public var minimum: Double?
    public var maximum: Double?
    /// The properties of an object, in the schema's order.
    public var properties: [(name: String, node: SchemaNode)] = []
    var propertyIndex: [String: Int] = [:]
    /// The schema of properties not listed (`additionalProperties`); nil with `isClosed` means none are allowed.
    public var additionalProperties: SchemaNode?
    /// `additionalProperties: false`.
    public var isClosed = false
    /// Keys an object must have.
    public var required: [String] = []
    /// The schema of an array's elements.
    public var items: SchemaNode?
    /// Alternatives (other than the unknown marker); one must match.
    public var anyOf: [SchemaNode] = []
    /// Schemas that must all match as well (`$ref` lands here).
    public var allOf: [SchemaNode] = []
    /// What the fact means.
    public var description: String?
    /// `x-unit`: the unit of a number.
    public var unit: String?
    /// `x-subject`: what names an element of a list in findings.
    public var subject: String?
    /// `x-readiness-names`: values here are the names of this kind (`site`, `module`).
    public var names: String?
    /// `x-readiness-refers-to`: values here must be names of this kind.
    public var refersTo: String?

    /// Creates an empty node (anything is valid).
    public init() {}

    /// The node of a property, when the schema lists it.
    public func property(_ name: String) -> SchemaNode? {
        propertyIndex[name].map { properties[$0].node }
    }

    /// Adds or replaces a property.
    public func setProperty(_ name: String, _ node: SchemaNode) {
        if let i = propertyIndex[name] {
            properties[i].node = node
        } else {
            propertyIndex[name] = properties.count
            properties.append((name, node))
        }
    }

    /// The node that gives the value's shape: this one, or the single branch of `allOf` or
    /// `anyOf` that does (following `$ref`s), so annotations here and types there are both found.
    public var shape: SchemaNode {
        if !types.isEmpty || !properties.isEmpty || items != nil || allowedValues != nil { return self }
        if allOf.count == 1 { return allOf[0].shape }
        if anyOf.count == 1 { return anyOf[0].shape }
        return self
    }

    /// Whether an explicit unknown is accepted here or in the node giving the shape.
    public var acceptsUnknown: Bool {
        allowsUnknown || allOf.contains { $0.acceptsUnknown } || (anyOf.count == 1 && anyOf[0].acceptsUnknown)
    }

    /// The first description found here or down the shape chain.
    public var summary: String? {
        description ?? (allOf.count == 1 ? allOf[0].summary : nil) ?? (anyOf.count == 1 ? anyOf[0].summary : nil)
    }

    /// The object node a property path leads to through objects and array items.
    public func descendant(_ path: ArraySlice<String>) -> SchemaNode? {
        guard let head = path.first else { return self }
        let here = shape
        if head == "[]" { return here.items?.descendant(path.dropFirst()) }
        guard let child = here.property(head) ?? here.additionalProperties else { return nil }
        return child.descendant(path.dropFirst())
    }

    /// How the type reads in messages and forms: "a number", "a list", "one of a, b".
    public var typeDescription: String {
        let node = shape
        if let values = node.allowedValues {
            return "one of " + values.map { $0.stringValue ?? $0.celSource }.joined(separator: ", ")
        }
        if node.isDate { return "a date (YYYY-MM-DD)" }
        let t = node.types
        if t.contains(.object) { return "a mapping" }
        if t.contains(.array) { return "a list" }
        if t.contains(.string) { return "a string" }
        if t.contains(.integer) && !t.contains(.number) { return "a whole number" }
        if t.contains(.number) { return "a number" }
        if t.contains(.boolean) { return "true or false" }
        if t == .null { return "null" }
        return "any value"
    }
}
