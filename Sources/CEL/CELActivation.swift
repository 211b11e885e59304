public import StrictYAML

/// The variables one evaluation sees: free identifiers, the program's locals by slot, and any
/// extra (possibly dotted) names. Cheap to create per element of a `for_each` list.
public struct CELActivation: Sendable {
    /// Free identifiers: the snapshot's top-level keys, `params`, `as_of`, ….
    public var globals: ValueMap
    /// Values of the program's locals, in the order of the `locals` it was compiled with.
    public var locals: [Value]
    /// Extra bindings by name; a dotted name (`x.y`) binds that qualified identifier as a whole.
    public private(set) var bindings: [String: Value] = [:]

    /// Creates an activation.
    public init(globals: ValueMap, locals: [Value] = []) {
        self.globals = globals
        self.locals = locals
    }

    /// Binds a name, which may be dotted (`a.b` binds the qualified identifier `a.b`); such a
    /// binding takes precedence over a global of the same name.
    public mutating func bind(_ name: String, to value: Value) {
        bindings[name] = value
    }

    /// A copy with a name bound.
    public func binding(_ name: String, to value: Value) -> CELActivation {
        var copy = self
        copy.bind(name, to: value)
        return copy
    }
}
