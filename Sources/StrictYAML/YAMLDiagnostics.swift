import SourceDiagnostics

/// The loader's diagnostic messages, in one alphabetical catalogue.
enum YAMLDiagnostics {
    static func aliasByteLimit(_ limit: Int, at location: SourceLocation) -> Diagnostic {
        aliasLimit(
            "aliases expand to more than \(limit) bytes of text; the document repeats its data through aliases",
            raising: "bytes expanded from aliases", setting: "maxAliasBytes", at: location)
    }

    static func aliasExpansionLimit(_ limit: Int, at location: SourceLocation) -> Diagnostic {
        aliasLimit(
            "aliases expand to more than \(limit) nodes; the document looks like an alias bomb",
            raising: "nodes expanded from aliases", setting: "maxAliasNodes", at: location)
    }

    /// An alias limit reached, with a note on the setting that raises it.
    private static func aliasLimit(
        _ message: String, raising what: String, setting: String, at location: SourceLocation
    ) -> Diagnostic {
        .error(
            "yaml.alias-limit", message, at: location,
            notes: [.init(message: "raise the limit on \(what) if the document is genuine", setting: setting)])
    }

    static func duplicateKey(_ key: String, at location: SourceLocation, first: SourceLocation)
        -> Diagnostic
    {
        .error(
            "yaml.duplicate-key",
            "duplicate key '\(key)' (line \(location.line)); it was first defined on line \(first.line)",
            at: location,
            notes: [.init(message: "'\(key)' first defined here", span: SourceSpan(first))])
    }

    static func emptyDocument(file: String) -> Diagnostic {
        .error(
            "yaml.empty", "the file is empty; expected a YAML or JSON document",
            at: SourceLocation(file: file, line: 1, column: 1))
    }

    static func fileUnreadable(_ path: String, reason: String) -> Diagnostic {
        .error("input.unreadable", "cannot read '\(path)': \(reason)", at: nil)
    }

    static func inputTooLarge(_ size: Int, limit: Int, file: String) -> Diagnostic {
        .error(
            "input.too-large",
            "the file has \(size) bytes, more than the limit of \(limit)",
            at: SourceLocation(file: file, line: 1, column: 1),
            notes: [.init(message: "raise the input size limit if the file is genuine", setting: "maxInputBytes")])
            .withoutSourceQuote
    }

    static func integerOutOfRange(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "yaml.integer-range",
            "integer '\(text)' does not fit in 64 bits; quote it to keep it as a string",
            at: location)
    }

    static func mergeKey(at location: SourceLocation) -> Diagnostic {
        .error(
            "yaml.merge-key",
            "merge keys ('<<') are not supported; write the merged keys out, or quote '<<' to use it as an ordinary key",
            at: location)
    }

    static func nonFiniteNumber(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "yaml.non-finite",
            "'\(text)' is not a finite number; give a number within the range of a double, or quote it to keep it as text",
            at: location)
    }

    static func invalidTaggedScalar(_ text: String, tag: String, at location: SourceLocation)
        -> Diagnostic
    {
        .error("yaml.bad-tagged-scalar", "'\(text)' is not a valid \(tag) value", at: location)
    }

    static func invalidUTF8(at location: SourceLocation) -> Diagnostic {
        .error(
            "yaml.invalid-utf8", "the file is not valid UTF-8 (invalid byte sequence here)",
            at: location)
    }

    static func multipleDocuments(at location: SourceLocation) -> Diagnostic {
        .error(
            "yaml.multiple-documents",
            "expected a single document, but the stream holds another one here",
            at: location,
            notes: [.init(message: "remove the '---' separator or split the documents into files")])
    }

    static func nestingTooDeep(_ limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            "yaml.depth-limit", "nesting is deeper than \(limit) levels", at: location,
            notes: [.init(message: "raise the nesting limit if the document is genuine", setting: "maxDepth")])
    }

    static func nonScalarKey(at location: SourceLocation) -> Diagnostic {
        .error(
            "yaml.non-scalar-key",
            "a mapping key must be a scalar, not a list or a mapping", at: location)
    }

    static func nulCharacter(at location: SourceLocation) -> Diagnostic {
        .error(
            "yaml.control-character",
            "the file contains a NUL or other control character that YAML does not allow",
            at: location)
    }

    static func syntax(_ problem: String, context: String?, at location: SourceLocation)
        -> Diagnostic
    {
        var message = problem
        if let context, !context.isEmpty { message = "\(context): \(problem)" }
        return .error("yaml.syntax", message, at: location)
    }

    static func tabIndentation(at location: SourceLocation) -> Diagnostic {
        .error(
            "yaml.tab-indentation",
            "a tab character cannot indent YAML; indent with spaces", at: location)
    }

    static func undefinedAlias(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("yaml.undefined-alias", "alias '*\(name)' refers to no anchor defined before it", at: location)
    }

    static func unsupportedTag(_ tag: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "yaml.unsupported-tag",
            "unsupported tag '\(tag)'; use !!str, !!int, !!float, !!bool, !!null, !!seq or !!map",
            at: location)
    }

    static func unterminatedQuote(at location: SourceLocation, opened: SourceLocation) -> Diagnostic {
        .error(
            "yaml.unterminated-quote",
            "quoted string opened on line \(opened.line), column \(opened.column) is never closed",
            at: opened,
            notes: [.init(message: "the file ends here", span: SourceSpan(location))])
    }
}
