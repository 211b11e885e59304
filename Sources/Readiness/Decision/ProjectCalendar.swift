import StrictYAML

/// The project's dates as day numbers (days from 1970-01-01): the evaluation date, the project's
/// start, each phase's go-live, start and end, and the earliest go-live of each scope item. It
/// decides the project stage, when a check is due, and when evidence must be in.
public struct ProjectCalendar: Sendable {
    /// The evaluation date, when known.
    public var asOf: Int?
    /// The project's start: `project.start`, else the earliest phase start.
    public var projectStart: Int?
    /// The stage: the snapshot's `project.stage`, else feasibility when the evaluation date is
    /// before the project's start, else delivery.
    public var stage: ProjectStage
    /// Per phase (in snapshot order): its go-live, start and end.
    public var goLive: [Int?]
    public var start: [Int?]
    public var end: [Int?]
    /// The earliest go-live of the phases listing each item.
    var itemGoLive: [RuleResult.AffectedItem: Int]
    /// The earliest go-live of any phase (the project's `go_live` when no phase is dated).
    public var earliestGoLive: Int?

    /// Reads the dates of a snapshot, evaluated as of a date.
    public init(snapshot: Snapshot, asOf: Timestamp?) {
        self.asOf = asOf.map(Self.day)
        func day(_ text: String?) -> Int? { text.flatMap(CalendarDate.parse).map(Self.day) }
        goLive = snapshot.phases.map { day($0.goLiveDate) }
        start = snapshot.phases.map { day($0.start) }
        end = snapshot.phases.map { day($0.end) }
        // Without dated phases, the project's own go-live stands for the plan.
        earliestGoLive = goLive.compactMap { $0 }.min() ?? snapshot.projectGoLive.map(Self.day)
        projectStart = snapshot.projectStart.map(Self.day) ?? start.compactMap { $0 }.min()
        if let stated = snapshot.stage {
            stage = stated
        } else if let asOf = self.asOf, let projectStart, asOf < projectStart {
            stage = .feasibility
        } else {
            stage = .delivery
        }
        var items: [RuleResult.AffectedItem: Int] = [:]
        for (p, phase) in snapshot.phases.enumerated() {
            guard let date = goLive[p] else { continue }
            for entry in phase.scope {
                for item in entry.items {
                    let key = RuleResult.AffectedItem(kind: entry.kind, item: item)
                    items[key] = min(items[key] ?? date, date)
                }
            }
        }
        itemGoLive = items
    }

    /// The day number of a timestamp (UTC).
    public static func day(_ timestamp: Timestamp) -> Int {
        Int((timestamp.seconds - (timestamp.seconds % 86_400 + 86_400) % 86_400) / 86_400)
    }

    /// `YYYY-MM-DD` of a day number.
    public static func format(_ day: Int) -> String {
        CalendarDate.format(Timestamp(seconds: Int64(day) * 86_400))
    }

    /// The earliest go-live among the phases that list any of the items; with no items (or none
    /// that a phase lists), the earliest go-live of the project.
    func goLive(of items: [RuleResult.AffectedItem]) -> Int? {
        var best: Int?
        for item in items {
            if let date = itemGoLive[item] { best = min(best ?? date, date) }
        }
        return best ?? earliestGoLive
    }

    /// The day a check of this rule is due for a result affecting these items, or nil when the
    /// dates do not say (then it is due: missing dates are no excuse).
    func dueDay(_ due: Rule.Due, items: [RuleResult.AffectedItem]) -> Int? {
        switch due {
        case .fromStart: projectStart
        case .beforeGoLive(let days): goLive(of: items).map { $0 - days }
        }
    }

    /// Whether a check is not yet due on the evaluation date, and the day it is due (nil when a
    /// stated feasibility stage leaves it undated).
    func notYetDue(_ due: Rule.Due, items: [RuleResult.AffectedItem]) -> (isNotDue: Bool, day: Int?) {
        guard let dueDay = dueDay(due, items: items) else {
            // Without dates, only a stated feasibility stage defers what is due later.
            return (stage == .feasibility && asOf != nil, nil)
        }
        guard let asOf else { return (false, dueDay) }
        return (asOf < dueDay, dueDay)
    }

    /// The day a rule's evidence must be in for a result affecting these items (its go-live less
    /// the rule's evidence deadline), or nil when the dates do not say.
    func evidenceDeadline(days: Int, items: [RuleResult.AffectedItem]) -> Int? {
        goLive(of: items).map { $0 - days }
    }
}
