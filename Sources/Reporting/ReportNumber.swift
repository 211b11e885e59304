/// Numbers as the reports print them.
enum ReportNumber {
    /// What a figure reads when there is nothing to measure (an area with no check judged).
    static let none = "—"

    /// A 0–100 score rounded to a whole number.
    static func whole(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "—" }
        return String(Int((value).rounded()))
    }

    /// A score with one decimal, without a trailing `.0`.
    static func oneDecimal(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e14 else { return "—" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
