extension Double {
    /// `NaN`, `Infinity` or `-Infinity`, the names CEL's `double(…)` reads, for a double that
    /// is not finite; nil for a finite one. Descriptions, JSON text and CEL source spell
    /// non-finite doubles with it.
    package var nonFiniteName: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return nil
    }
}
