import Readiness

/// Findings of a run set against those of an earlier run (a baseline): which are new, worse,
/// unchanged, improved or resolved.
///
/// Findings match by snapshot, rule, subject and fingerprint, never by line number. When each
/// side covers a single snapshot, the snapshots match whatever their paths, so a baseline
/// written from another checkout or directory still applies.
public struct FindingComparison: Sendable {
    /// How a finding changed since the baseline.
    public enum Change: String, Sendable, CaseIterable {
        /// Not in the baseline.
        case new
        /// In the baseline with a milder status (say warn, now fail).
        case worse
        /// In the baseline with the same status.
        case unchanged
        /// In the baseline with a worse status (say fail, now waived).
        case improved
        /// In the baseline, gone now.
        case resolved
    }

    /// One finding's change: the current record (nil when resolved) and the baseline's (nil
    /// when new).
    public struct Entry: Sendable, Hashable {
        /// How the finding changed.
        public var change: Change
        /// The finding now; nil when it is resolved.
        public var current: FindingRecord?
        /// The finding in the baseline; nil when it is new.
        public var previous: FindingRecord?

        /// The record that identifies the finding: the current one, else the baseline's.
        public var record: FindingRecord {
            // One of the two is always set (see FindingComparison.init).
            current ?? previous ?? FindingRecord(
                snapshot: "", rule: "", subject: nil, index: nil, missingFact: nil, status: .pass, message: "")
        }
    }

    /// Every finding of either side, current findings first in their order, then the resolved.
    public var entries: [Entry]

    /// Compares current findings with a baseline's.
    public init(previous: [FindingRecord], current: [FindingRecord]) {
        let ignoresSnapshot =
            Set(previous.map(\.snapshot)).count <= 1 && Set(current.map(\.snapshot)).count <= 1
        func identity(_ r: FindingRecord) -> [String] {
            [ignoresSnapshot ? "" : r.snapshot, r.key.rule, r.key.subject ?? "\u{0}", r.fingerprint]
        }
        var remaining: [[String]: [FindingRecord]] = [:]
        for record in previous { remaining[identity(record), default: []].append(record) }
        var entries: [Entry] = []
        for record in current {
            let id = identity(record)
            guard var candidates = remaining[id], !candidates.isEmpty else {
                entries.append(Entry(change: .new, current: record, previous: nil))
                continue
            }
            let match = candidates.removeFirst()
            remaining[id] = candidates
            let change: Change
            if record.status.severityRank > match.status.severityRank {
                change = .worse
            } else if record.status.severityRank < match.status.severityRank {
                change = .improved
            } else {
                change = .unchanged
            }
            entries.append(Entry(change: change, current: record, previous: match))
        }
        for record in previous {
            let id = identity(record)
            guard var candidates = remaining[id], let first = candidates.first, first == record else { continue }
            candidates.removeFirst()
            remaining[id] = candidates
            entries.append(Entry(change: .resolved, current: nil, previous: record))
        }
        self.entries = entries
    }

    /// The entries with one kind of change.
    public func entries(_ change: Change) -> [Entry] { entries.filter { $0.change == change } }

    /// How many entries have each kind of change.
    public var counts: [Change: Int] {
        entries.reduce(into: [:]) { $0[$1.change, default: 0] += 1 }
    }

    /// The open findings of a snapshot that are new or worse than in the baseline: the only
    /// ones that may fail a gate run against a baseline.
    public func newOrWorseOpenFindings(in snapshot: String) -> [FindingRecord] {
        entries.compactMap { entry in
            guard entry.change == .new || entry.change == .worse, let current = entry.current,
                current.snapshot == snapshot, current.isOpen
            else { return nil }
            return current
        }
    }
}
