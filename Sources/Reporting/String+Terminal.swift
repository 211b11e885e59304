extension String {
    /// The text for one line of a terminal: control characters (C0 other than tab, DEL and C1,
    /// escape included) become U+FFFD, so input cannot move the cursor or colour the screen.
    var terminalSafe: String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar != "\t" && (scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)) {
                out.unicodeScalars.append("\u{FFFD}")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
