import Testing

@Test func hardeningPlaceholder() { #expect(Bool(true)) }
