/// The findings of one category, worst rules first.
struct CategoryFindings: Sendable {
    var category: String
    var rules: [RuleFindings]
    var count: Int { rules.reduce(0) { $0 + $1.results.count } }
}
