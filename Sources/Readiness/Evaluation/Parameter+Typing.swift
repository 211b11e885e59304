import StrictYAML

extension Parameter {
    /// A value given for this parameter (in a snapshot's `params` or by `--param`) as the type
    /// its ruleset declared: an integer for a number with a fraction becomes a double, and a
    /// list's elements must have the type of the declared list's elements. Nil when the types
    /// differ or a number is not finite: `"90"` for a count of days is bad input, not text that
    /// makes every comparison an error.
    func typed(_ given: Value) -> Value? {
        Self.conform(given, to: value)
    }

    private static func conform(_ given: Value, to declared: Value) -> Value? {
        switch (declared, given) {
        case (.null, _): return given
        case (.double, .int(let n)): return .double(Double(n))
        case (.double, .double(let d)): return d.isFinite ? given : nil
        case (.int, .int), (.bool, .bool), (.string, .string): return given
        case (.list(let declaredList), .list(let givenList)):
            guard let model = declaredList.elements.first else { return given }
            var elements: [Value] = []
            elements.reserveCapacity(givenList.count)
            for element in givenList.elements {
                guard let typed = conform(element, to: model) else { return nil }
                elements.append(typed)
            }
            return .list(ValueList(elements, positions: givenList.positions, position: givenList.position))
        default: return nil
        }
    }

    /// The declared type, for messages ("an integer", "a list of text").
    var typeDescription: String {
        Self.typeDescription(of: value)
    }

    private static func typeDescription(of value: Value) -> String {
        switch value {
        case .int: "an integer"
        case .double: "a number"
        case .bool: "a boolean"
        case .string: "text"
        case .list(let list): list.elements.first.map { "a list of \(typeDescription(of: $0).droppingArticle)" } ?? "a list"
        default: "a value"
        }
    }
}

extension String {
    fileprivate var droppingArticle: String {
        if hasPrefix("an ") { return String(dropFirst(3)) + "s" }
        if hasPrefix("a ") { return String(dropFirst(2)) + "s" }
        return self
    }
}
