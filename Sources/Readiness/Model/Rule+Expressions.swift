extension Rule {
    /// Every compiled expression of the rule: `for_each` list, `when`, `check`, outcomes,
    /// `subject`, `affects` and message placeholders.
    public var expressions: [CompiledExpression] {
        [iteration?.list].compactMap { $0 } + elementExpressions
    }

    /// The expressions evaluated once per `for_each` element (or once, without `for_each`):
    /// all of `expressions` but the `for_each` list.
    public var elementExpressions: [CompiledExpression] {
        var out = [when, check, subject].compactMap { $0 } + outcomes.map(\.condition)
        out += affects.map(\.item)
        for message in [message].compactMap({ $0 }) + outcomes.compactMap(\.message) {
            for translation in message.translations {
                for case .expression(let e) in translation.segments { out.append(e) }
            }
        }
        return out
    }
}

extension RuleCatalog {
    /// The top-level snapshot keys the rules read (not `params` or `as_of`).
    public var readTopLevelKeys: Set<String> {
        var keys: Set<String> = []
        for rule in rules {
            for expression in rule.expressions {
                for path in expression.program.referencedPaths {
                    if let first = path.first, first != "params", first != "as_of" { keys.insert(first) }
                }
            }
        }
        return keys
    }
}
