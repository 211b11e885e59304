import Readiness

/// The emoji that mark verdicts and statuses in Markdown (where colour is not available).
enum ReportBadge {
    static func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .go: "🟢"
        case .goWithConditions: "🟡"
        case .split: "🟠"
        case .defer: "🟣"
        case .noGo: "🔴"
        }
    }

    static func status(_ status: ReadinessStatus) -> String {
        switch status {
        case .green: "🟢"
        case .amber: "🟡"
        case .grey: "⚪"
        case .red: "🔴"
        }
    }

    static func status(_ status: ResultStatus) -> String {
        switch status {
        case .pass: "✅"
        case .warn: "⚠️"
        case .fail: "❌"
        case .notApplicable: "➖"
        case .unknown: "❓"
        case .error: "💥"
        case .waived: "🔕"
        case .notDue: "🗓️"
        }
    }

    /// A ten-cell bar for a 0–100 score, for Markdown tables.
    static func bar(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let filled = min(max(Int((value / 10).rounded()), 0), 10)
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
    }
}
