import Readiness

/// What it takes to clear a finding, as the JSON report writes it.
struct WhatItTakesJSON: Encodable, Sendable {
    /// One single-fact change.
    struct Change: Encodable, Sendable {
        var fact: String
        var kind: FactChange.Kind
        var from: String
        var to: String
        var change: String?
        var copiesOf: String?
        var set: String?
    }

    var outcome: WhatItTakes.Outcome
    var changes: [Change]
    var collect: [String]

    init(_ w: WhatItTakes) {
        outcome = w.outcome
        changes = w.changes.map {
            Change(fact: $0.fact, kind: $0.kind, from: $0.from, to: $0.to, change: $0.change, copiesOf: $0.copiedElement, set: $0.assignment)
        }
        collect = w.collect
    }
}
