extension SchemaNode {
    /// Whether the node has validation keywords of its own (not only annotations and branches).
    var hasOwnValidation: Bool {
        !types.isEmpty || allowedValues != nil || pattern != nil || isDate || minimum != nil || maximum != nil
            || !properties.isEmpty || isClosed || additionalProperties != nil || !required.isEmpty || items != nil
    }

    /// A copy of the node (its children shared).
    func copy() -> SchemaNode {
        let node = SchemaNode()
        node.types = types
        node.allowsUnknown = allowsUnknown
        node.allowedValues = allowedValues
        node.pattern = pattern
        node.isDate = isDate
        node.minimum = minimum
        node.maximum = maximum
        node.properties = properties
        node.propertyIndex = propertyIndex
        node.additionalProperties = additionalProperties
        node.isClosed = isClosed
        node.required = required
        node.items = items
        node.anyOf = anyOf
        node.allOf = allOf
        node.description = description
        node.unit = unit
        node.subject = subject
        node.names = names
        node.refersTo = refersTo
        return node
    }

    /// The node with a chain of single `$ref`/`anyOf` branches folded into one node, so that
    /// checking a fact is one visit, not three (`wan_mbps` → `$defs/quantity` → `number`).
    /// Annotations of the outer node win; the tree below is folded too.
    func folded() -> SchemaNode {
        var memo: [ObjectIdentifier: SchemaNode] = [:]
        return folded(memo: &memo)
    }

    private func folded(memo: inout [ObjectIdentifier: SchemaNode]) -> SchemaNode {
        if let done = memo[ObjectIdentifier(self)] { return done }
        let result: SchemaNode
        let single = allOf.count + anyOf.count == 1 && (allOf.isEmpty || !allowsUnknown)
        if !hasOwnValidation, single, let branch = allOf.first ?? anyOf.first {
            result = branch.folded(memo: &memo).copy()
            result.allowsUnknown = result.allowsUnknown || allowsUnknown
            result.description = description ?? result.description
            result.unit = unit ?? result.unit
            result.subject = subject ?? result.subject
            result.names = names ?? result.names
            result.refersTo = refersTo ?? result.refersTo
        } else {
            result = copy()
            result.allOf = allOf.map { $0.folded(memo: &memo) }
            result.anyOf = anyOf.map { $0.folded(memo: &memo) }
        }
        memo[ObjectIdentifier(self)] = result
        result.properties = result.properties.map { ($0.name, $0.node.folded(memo: &memo)) }
        result.items = result.items?.folded(memo: &memo)
        result.additionalProperties = result.additionalProperties?.folded(memo: &memo)
        return result
    }
}
