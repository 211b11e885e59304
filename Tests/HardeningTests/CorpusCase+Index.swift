extension CorpusCase {
    /// The corpus index: one entry per file under `Corpus/`, sorted by path.
    static let all: [CorpusCase] = [
        .init(
            "evaluation/snapshot.yaml",
            .support("the snapshot evaluation/statuses.yaml is evaluated against")),
        .init(
            "evaluation/statuses.yaml",
            .statuses([
                "EVAL-CHECK-NOT-BOOL": (.error, "'check' must be true or false, but it gave the number 2"),
                "EVAL-COST": (.error, "evaluation exceeded its budget of 10000000 steps"),
                "EVAL-DIV-ZERO": (.error, "division by zero"),
                "EVAL-FOR-EACH-NOT-LIST": (
                    .error, "'for_each' must give a list, but 'project.named_users' is the number 40"
                ),
                "EVAL-MESSAGE-ERROR": (.fail, "‹error›"),
                "EVAL-MISSING": (.unknown, "environment.load_balancer"),
                "EVAL-OVERFLOW": (.error, "integer overflow in '_*_'"),
                "EVAL-REGEX": (.pass, ""),
                "EVAL-WHEN-ERROR": (.error, "division by zero"),
            ])),
        .init(
            "expressions/add-overflow.cel",
            .evaluationError(.overflow, "integer overflow in '_+_'", at: "1:21")),
        .init(
            "expressions/bad-timestamp-text.cel",
            .evaluationError(.invalidArgument, "invalid timestamp '2027-02-30T00:00:00Z'", at: "1:1")),
        .init("expressions/catastrophic-regex-alternation.cel", .value("false")),
        .init(
            "expressions/catastrophic-regex-backreference.cel",
            .diagnostic(
                "cel.invalid-regex", "invalid regular expression: backreference '\\1' is not supported in",
                at: "1:16")),
        .init("expressions/catastrophic-regex-nested-plus.cel", .value("false")),
        .init("expressions/comprehension-list-growth.cel", .value("true")),
        .init(
            "expressions/count-in-repeated-list.cel",
            .evaluationError(.costLimitExceeded, "evaluation exceeded its budget of 10000000 steps", at: "1:51")),
        .init(
            "expressions/deep-parentheses.cel",
            .diagnostic(
                "cel.syntax", "expression nests too deeply (more than 250 levels); split it into",
                at: "1:251")),
        .init(
            "expressions/deep-unary.cel",
            .diagnostic(
                "cel.syntax", "expression nests too deeply (more than 250 levels); split it into",
                at: "1:251")),
        .init(
            "expressions/div-min-by-minus-one.cel",
            .evaluationError(.overflow, "integer overflow in '_/_'", at: "1:28")),
        .init(
            "expressions/divide-by-zero.cel",
            .evaluationError(.divisionByZero, "division by zero", at: "1:22")),
        .init("expressions/double-divide-by-zero.cel", .value("true")),
        .init(
            "expressions/equal-lists-of-long-text.cel",
            .evaluationError(.costLimitExceeded, "evaluation exceeded its budget of 10000000 steps", at: "1:60")),
        .init(
            "expressions/in-repeated-long-text.cel",
            .evaluationError(.costLimitExceeded, "evaluation exceeded its budget of 10000000 steps", at: "1:84")),
        .init(
            "expressions/index-out-of-bounds.cel",
            .evaluationError(
                .indexOutOfBounds, "index 5 out of range for network.sites of size 2", at: "1:14")),
        .init(
            "expressions/int-of-huge-double.cel",
            .evaluationError(.outOfRange, "int(1e+19) out of range", at: "1:1")),
        .init(
            "expressions/int-of-nan.cel",
            .evaluationError(.outOfRange, "int(double(\"NaN\")) out of range", at: "1:1")),
        .init(
            "expressions/int-of-text.cel",
            .evaluationError(.invalidArgument, "cannot convert 'twelve' to int", at: "1:1")),
        .init(
            "expressions/integer-literal-too-large.cel",
            .diagnostic(
                "cel.syntax", "integer literal '99999999999999999999' does not fit in int64; add a",
                at: "1:1")),
        .init(
            "expressions/join-repeated-long-text.cel",
            .evaluationError(.costLimitExceeded, "evaluation exceeded its budget of 10000000 steps", at: "1:53")),
        .init(
            "expressions/literal-regex-invalid.cel",
            .diagnostic(
                "cel.invalid-regex", "invalid regular expression: missing closing ')' for this group",
                at: "1:15")),
        .init(
            "expressions/macro-variable-not-ident.cel",
            .diagnostic(
                "cel.syntax", "the first argument of exists() must be a simple identifier such as 'x'",
                at: "1:22")),
        .init(
            "expressions/macro-wrong-arity.cel",
            .diagnostic(
                "cel.syntax", "all() takes 2 arguments (a variable and a predicate), not 1", at: "1:14")),
        .init(
            "expressions/missing-fact.cel",
            .evaluationError(
                .missingFact(path: "network.sites[1].vpn_gateway"),
                "missing fact: network.sites[1].vpn_gateway", at: "1:17")),
        .init(
            "expressions/modulo-by-zero.cel",
            .evaluationError(.moduloByZero, "modulus by zero", at: "1:3")),
        .init(
            "expressions/mul-overflow.cel",
            .evaluationError(.overflow, "integer overflow in '_*_'", at: "1:21")),
        .init(
            "expressions/negate-min.cel",
            .evaluationError(.overflow, "integer overflow in '-_'", at: "1:1")),
        .init(
            "expressions/nested-comprehension-budget.cel",
            .evaluationError(.costLimitExceeded, "evaluation exceeded its budget of 10000000 steps", at: "1:62")),
        .init(
            "expressions/no-matching-overload.cel",
            .evaluationError(
                .noMatchingOverload, "no matching overload for '_+_' applied to (list, int)", at: "1:15")),
        .init("expressions/regex-from-data.cel", .value("false")),
        .init(
            "expressions/regex-huge-repetition.cel",
            .diagnostic(
                "cel.invalid-regex", "invalid regular expression: invalid nested repetition operator",
                at: "1:16")),
        .init(
            "expressions/regex-search-steps.cel",
            .evaluationError(.costLimitExceeded, "evaluation exceeded its budget of 10000000 steps", at: "1:57")),
        .init(
            "expressions/replace-empty-by-long-text.cel",
            .evaluationError(.costLimitExceeded, "evaluation exceeded its budget of 10000000 steps", at: "1:28")),
        .init("expressions/string-concat-in-comprehension.cel", .value("true")),
        .init(
            "expressions/sub-overflow.cel",
            .evaluationError(.overflow, "integer overflow in '_-_'", at: "1:22")),
        .init(
            "expressions/syntax-bad-token.cel",
            .diagnostic("cel.syntax", "unexpected character '#'", at: "1:3")),
        .init(
            "expressions/syntax-dangling-operator.cel",
            .diagnostic("cel.syntax", "expected an expression, found end of expression", at: "1:23")),
        .init(
            "expressions/syntax-second-line.cel",
            .diagnostic("cel.syntax", "expected an expression, found end of expression", at: "2:8")),
        .init(
            "expressions/syntax-unclosed-paren.cel",
            .diagnostic("cel.syntax", "expected ')', found end of expression", at: "1:7")),
        .init(
            "expressions/syntax-unterminated-string.cel",
            .diagnostic("cel.syntax", "expected end of expression, found 'abc'", at: "1:10")),
        .init(
            "expressions/timestamp-out-of-range.cel",
            .evaluationError(.outOfRange, "timestamp out of range", at: "1:35")),
        .init(
            "expressions/uint-of-negative.cel",
            .evaluationError(.outOfRange, "uint(-1) out of range", at: "1:1")),
        .init(
            "expressions/uint-underflow.cel",
            .evaluationError(.overflow, "integer overflow in '_-_'", at: "1:4")),
        .init(
            "expressions/unknown-function.cel",
            .diagnostic("cel.unknown-function", "unknown function 'frobnicate'", at: "1:1")),
        .init(
            "rulesets/check-deep-nesting.yaml",
            .diagnostic(
                "cel.syntax", "expression nests too deeply (more than 250 levels); split it into",
                at: "9:262")),
        .init(
            "rulesets/check-integer-literal-overflow.yaml",
            .diagnostic(
                "cel.syntax", "integer literal '9223372036854775808' does not fit in int64; add a",
                at: "9:12")),
        .init(
            "rulesets/duplicate-id-across-extends.yaml",
            .diagnostic("ruleset.duplicate-id", "rule id 'P-1' is already defined at", at: "4:5")),
        .init(
            "rulesets/duplicate-id-builtin.yaml",
            .diagnostic(
                "ruleset.duplicate-id", "rule id 'NET-LATENCY' is already defined at builtin:network",
                at: "4:5")),
        .init(
            "rulesets/duplicate-id-parent.yaml",
            .loads("the parent of duplicate-id-across-extends.yaml, valid on its own")),
        .init(
            "rulesets/duplicate-ids.yaml",
            .diagnostic(
                "ruleset.duplicate-id",
                "rule id 'H-1' is already defined at rulesets/duplicate-ids.yaml:5:5", at: "12:5")),
        .init(
            "rulesets/extends-cycle-a.yaml",
            .diagnostic(
                "ruleset.extends-cycle", "'extends' forms a cycle: rulesets/extends-cycle-a.yaml →",
                at: "2:11", in: "rulesets/extends-cycle-b.yaml")),
        .init(
            "rulesets/extends-cycle-b.yaml",
            .diagnostic(
                "ruleset.extends-cycle", "'extends' forms a cycle: rulesets/extends-cycle-b.yaml →",
                at: "2:11", in: "rulesets/extends-cycle-a.yaml")),
        .init(
            "rulesets/extends-dev-null.yaml",
            .diagnostic(
                "ruleset.extends-not-ruleset",
                "'extends' names '/dev/null', which is neither a built-in ruleset nor a .yaml, .yml or .json file",
                at: "2:11")),
        .init(
            "rulesets/extends-directory.yaml",
            .diagnostic(
                "ruleset.extends-not-ruleset",
                "'extends' names '../rulesets', which is neither a built-in ruleset nor a .yaml, .yml or .json file",
                at: "2:11")),
        .init(
            "rulesets/extends-missing-file.yaml",
            .diagnostic(
                "input.unreadable", "cannot read 'rulesets/no-such-file.yaml': no such file", at: "2:11")),
        .init(
            "rulesets/extends-not-yaml.yaml",
            .diagnostic(
                "path.outside-folder", "'extends' names '../yaml/invalid-utf8.yaml', which is outside the folder",
                at: "2:11")),
        .init(
            "rulesets/extends-absolute-path.yaml",
            .diagnostic(
                "path.outside-folder", "'extends' names '/tmp/readiness-elsewhere.yaml', which is outside the folder",
                at: "2:11")),
        .init(
            "rulesets/extends-outside-folder.yaml",
            .diagnostic("path.outside-folder", "application_default_credentials.json', which is outside the folder", at: "2:11")),
        .init(
            "rulesets/extends-credentials.yaml",
            .diagnostic(
                "ruleset.not-a-ruleset", "has neither 'ruleset' nor 'rules' (its contents are not shown)", at: "1:1",
                in: "rulesets/not-a-ruleset-credentials.json")),
        .init(
            "rulesets/not-a-ruleset-credentials.json",
            .diagnostic("ruleset.not-a-ruleset", "has neither 'ruleset' nor 'rules' (its contents are not shown)", at: "1:1")),
        .init(
            "rulesets/extends-self.yaml",
            .diagnostic(
                "ruleset.extends-cycle", "'extends' forms a cycle: rulesets/extends-self.yaml →", at: "2:11"
            )),
        .init(
            "rulesets/extends-unknown-builtin.yaml",
            .diagnostic("ruleset.not-found", "no ruleset file or built-in ruleset named 'netwrok'", at: "2:11")),
        .init(
            "rulesets/header-description-list.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'description' must be text or a mapping from language code to text",
                at: "2:14")),
        .init(
            "rulesets/header-extends-map.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'extends' must be a list of text, not a mapping", at: "2:10")),
        .init(
            "rulesets/header-param-value-map.yaml",
            .diagnostic(
                "ruleset.wrong-type",
                "'params.limit' must be a number, text, boolean or list, not a mapping", at: "3:10")),
        .init(
            "rulesets/header-params-list.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'params' must be a mapping from name to value, not a list", at: "2:9"
            )),
        .init(
            "rulesets/header-rules-map.yaml",
            .diagnostic("ruleset.wrong-type", "'rules' must be a list of rules, not a mapping", at: "2:8")
        ),
        .init(
            "rulesets/header-rules-missing.yaml",
            .diagnostic("ruleset.missing-key", "the ruleset header needs 'rules'", at: "1:1")),
        .init(
            "rulesets/header-ruleset-list.yaml",
            .diagnostic("ruleset.wrong-type", "'ruleset' must be text, not a list", at: "1:10")),
        .init(
            "rulesets/header-title-list.yaml",
            .diagnostic(
                "ruleset.wrong-type",
                "'title' must be text or a mapping from language code to text ({en: …,", at: "2:8")),
        .init(
            "rulesets/header-unknown-key.yaml",
            .diagnostic("ruleset.unknown-key", "unknown key 'rulez' in the ruleset header", at: "2:1")),
        .init(
            "rulesets/header-version-map.yaml",
            .diagnostic("ruleset.wrong-type", "'version' must be text, not a mapping", at: "2:10")),
        .init(
            "rulesets/root-is-list.yaml",
            .diagnostic(
                "ruleset.wrong-type", "is not a ruleset: its top level must be a mapping with 'ruleset' and 'rules'",
                at: "1:1")),
        .init(
            "rulesets/root-is-scalar.yaml",
            .diagnostic(
                "ruleset.wrong-type",
                "is not a ruleset: its top level must be a mapping with 'ruleset' and 'rules'", at: "1:1")),
        .init(
            "rulesets/rule-action-list.yaml",
            .diagnostic("ruleset.wrong-type", "'action' must be text, not a list", at: "11:13")),
        .init(
            "rulesets/rule-action-unknown.yaml",
            .diagnostic(
                "ruleset.invalid-action", "unknown action 'ignore'; expected one of warn, mitigate, split,",
                at: "11:13")),
        .init(
            "rulesets/rule-affects-bad-expression.yaml",
            .diagnostic(
                "cel.syntax", "expected a field name after '.', found end of expression", at: "12:28")),
        .init(
            "rulesets/rule-affects-list.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'affects' must be a mapping from scope kind to expression, such as",
                at: "12:14")),
        .init(
            "rulesets/rule-category-map.yaml",
            .diagnostic("ruleset.wrong-type", "'category' must be text, not a mapping", at: "7:15")),
        .init(
            "rulesets/rule-check-and-outcomes.yaml",
            .diagnostic(
                "ruleset.check-and-outcomes", "a rule gives either 'check' or 'outcomes', not both",
                at: "12:5")),
        .init(
            "rulesets/rule-check-bad-regex.yaml",
            .diagnostic(
                "cel.invalid-regex", "invalid regular expression: missing closing ')' for this group",
                at: "9:27")),
        .init(
            "rulesets/rule-check-map.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'check' must be a CEL expression, not a mapping", at: "9:12")),
        .init(
            "rulesets/rule-check-missing.yaml",
            .diagnostic("ruleset.missing-key", "rule 'H-1' needs 'check' or 'outcomes'", at: "5:5")),
        .init(
            "rulesets/rule-check-syntax.yaml",
            .diagnostic("cel.syntax", "expected an expression, found '>'", at: "9:38")),
        .init(
            "rulesets/rule-check-unknown-function.yaml",
            .diagnostic("cel.unknown-function", "unknown function 'frobnicate'", at: "9:12")),
        .init(
            "rulesets/rule-evidence-list.yaml",
            .diagnostic(
                "ruleset.wrong-type",
                "'evidence' must be text or a mapping from language code to text ({en:", at: "12:15")),
        .init(
            "rulesets/rule-for-each-no-in.yaml",
            .diagnostic(
                "ruleset.invalid-for-each", "'for_each' must read 'NAME in EXPRESSION', such as 'site in",
                at: "12:15")),
        .init(
            "rulesets/rule-for-each-number.yaml",
            .diagnostic(
                "ruleset.invalid-for-each", "'for_each' must read 'NAME in EXPRESSION', such as 'site in",
                at: "12:15")),
        .init(
            "rulesets/rule-id-map.yaml",
            .diagnostic("ruleset.wrong-type", "'id' must be text, not a mapping", at: "5:9")),
        .init(
            "rulesets/rule-impact-double.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'impact' must be a whole number, not the number 2.5", at: "12:13")),
        .init(
            "rulesets/rule-impact-huge.yaml",
            .diagnostic(
                "ruleset.out-of-range", "'impact' is 9223372036854775807; it must be between 1 and 5",
                at: "12:13")),
        .init(
            "rulesets/rule-invalid-id.yaml",
            .diagnostic(
                "ruleset.invalid-id", "rule id 'H 1/../x' may use only letters, digits, '-', '_' and '.'",
                at: "5:9")),
        .init(
            "rulesets/rule-likelihood-out-of-range.yaml",
            .diagnostic(
                "ruleset.out-of-range", "'likelihood' is 9; it must be between 1 and 5", at: "12:17")),
        .init(
            "rulesets/rule-likelihood-string.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'likelihood' must be a whole number, not the text 'often'",
                at: "12:17")),
        .init(
            "rulesets/rule-message-bad-template.yaml",
            .diagnostic("ruleset.invalid-template", "'{{' is never closed with '}}'", at: "10:22")),
        .init(
            "rulesets/rule-message-list.yaml",
            .diagnostic(
                "ruleset.wrong-type",
                "'message' must be text or a mapping from language code to text ({en:", at: "10:14")),
        .init(
            "rulesets/rule-message-template-syntax.yaml",
            .diagnostic("cel.syntax", "expected an expression, found end of expression", at: "10:27")),
        .init(
            "rulesets/rule-missing-everything.yaml",
            .diagnostic("ruleset.missing-key", "rule 'H-1' needs 'title'", at: "5:5")),
        .init(
            "rulesets/rule-not-mapping.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'rules[0]' must be a mapping, not the text 'just text'", at: "3:5")),
        .init(
            "rulesets/rule-outcomes-bad-status.yaml",
            .diagnostic(
                "ruleset.invalid-outcome",
                "each outcome needs exactly one of 'fail', 'warn' or 'pass' with a", at: "10:9")),
        .init(
            "rulesets/rule-outcomes-map.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'outcomes' must be a non-empty list of {fail|warn|pass: condition,",
                at: "9:15")),
        .init(
            "rulesets/rule-rationale-list.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'rationale' must be text or a mapping from language code to text",
                at: "12:16")),
        .init(
            "rulesets/rule-recommendation-number-map.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'recommendation' must be text or a mapping from language code to",
                at: "12:26")),
        .init(
            "rulesets/rule-references-element-list.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'references' must be text or {title, url}, not a list", at: "13:9")),
        .init(
            "rulesets/rule-references-map.yaml",
            .diagnostic("ruleset.wrong-type", "'references' must be a list, not a mapping", at: "12:17")),
        .init(
            "rulesets/rule-severity-list.yaml",
            .diagnostic("ruleset.wrong-type", "'severity' must be text, not a list", at: "8:15")),
        .init(
            "rulesets/rule-severity-unknown.yaml",
            .diagnostic(
                "ruleset.invalid-severity",
                "unknown severity 'hgih'; expected one of info, low, medium, high,", at: "8:15")),
        .init(
            "rulesets/rule-subject-list.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'subject' must be a CEL expression, not a list", at: "12:14")),
        .init(
            "rulesets/rule-tags-string-map.yaml",
            .diagnostic("ruleset.wrong-type", "'tags' must be a list of text, not a mapping", at: "12:12")
        ),
        .init(
            "rulesets/rule-title-list.yaml",
            .diagnostic(
                "ruleset.wrong-type",
                "'title' must be text or a mapping from language code to text ({en: …,", at: "6:12")),
        .init(
            "rulesets/rule-unknown-key.yaml",
            .diagnostic("ruleset.unknown-key", "unknown key 'severty' in rule 'H-1'", at: "12:5")),
        .init(
            "rulesets/rule-when-list.yaml",
            .diagnostic("ruleset.wrong-type", "'when' must be a CEL expression, not a list", at: "12:11")),
        .init(
            "snapshots/as-of-bad-date.yaml",
            .diagnostic(
                "snapshot.invalid-date",
                "'2027-02-30' is not a valid date for 'project.as_of'; write YYYY-MM-DD", at: "3:10")),
        .init(
            "snapshots/as-of-list.yaml",
            .diagnostic("ruleset.wrong-type", "'as_of' must be text, not a list", at: "2:10")),
        .init(
            "snapshots/as-of-wrong-format.yaml",
            .diagnostic(
                "snapshot.invalid-date",
                "'17/05/2027' is not a valid date for 'project.as_of'; write YYYY-MM-DD", at: "2:10")),
        .init(
            "snapshots/huge-integer.yaml",
            .diagnostic(
                "yaml.integer-range",
                "integer '184467440737095516160' does not fit in 64 bits; quote it to", at: "4:25")),
        .init(
            "snapshots/hostile-names.yaml",
            .loads("names with escapes, workflow commands and bidi overrides are data; OutputSafetyTests renders them")),
        .init(
            "snapshots/invalid-utf8.json",
            .diagnostic(
                "yaml.invalid-utf8", "the file is not valid UTF-8 (invalid byte sequence here)", at: "1:27")
        ),
        .init(
            "snapshots/params-list.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'params' must be a mapping from name to value, not a list", at: "2:9"
            )),
        .init(
            "snapshots/phase-bad-start.yaml",
            .diagnostic(
                "snapshot.invalid-date", "'2027-06-31' is not a valid date for 'phases[0].start'; write",
                at: "4:12")),
        .init(
            "snapshots/phase-cycle.yaml",
            .diagnostic(
                "snapshot.phase-cycle", "phases depend on each other in a cycle: A → C → B → A", at: "3:5")),
        .init(
            "snapshots/phase-depends-on-map.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'depends_on' must be a list of text, not a mapping", at: "4:17")),
        .init(
            "snapshots/phase-duplicate.yaml",
            .diagnostic("snapshot.duplicate-phase", "phase 'Pilot' is defined twice", at: "4:5")),
        .init(
            "snapshots/phase-missing-name.yaml",
            .diagnostic("ruleset.missing-key", "a phase needs 'name'", at: "3:5")),
        .init(
            "snapshots/phase-not-mapping.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'phases[0]' must be a mapping, not the text 'pilot'", at: "3:5")),
        .init(
            "snapshots/phase-scope-list.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'scope' must be a mapping from kind to a list of items, not a list",
                at: "4:12")),
        .init(
            "snapshots/phase-self-dependency.yaml",
            .diagnostic(
                "snapshot.phase-cycle", "phases depend on each other in a cycle: Pilot → Pilot", at: "3:5")),
        .init(
            "snapshots/phase-unknown-dependency.yaml",
            .diagnostic(
                "snapshot.unknown-phase",
                "'depends_on' names phase 'Pilto', which the snapshot does not define", at: "3:5")),
        .init(
            "snapshots/phases-map.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'phases' must be a list of phases, not a mapping", at: "2:9")),
        .init(
            "snapshots/project-is-list.yaml",
            .diagnostic("ruleset.wrong-type", "'project' must be a mapping, not a list", at: "1:10")),
        .init(
            "snapshots/root-is-list.yaml",
            .diagnostic(
                "ruleset.wrong-type",
                "'snapshot' must be a mapping of facts (project, environment, network,", at: "1:1")),
        .init(
            "snapshots/root-is-scalar.yaml",
            .diagnostic(
                "ruleset.wrong-type",
                "'snapshot' must be a mapping of facts (project, environment, network,", at: "1:1")),
        .init(
            "snapshots/waivers-map.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'waivers' must be a list of waivers, not a mapping", at: "2:10")),
        .init(
            "waivers/element-not-mapping.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'waivers[0]' must be a mapping, not the text 'NET-BANDWIDTH'",
                at: "1:3")),
        .init(
            "waivers/expires-day-first.yaml",
            .diagnostic(
                "snapshot.invalid-date", "'31/12/2027' is not a valid date for 'expires'; write YYYY-MM-DD",
                at: "5:14")),
        .init(
            "waivers/expires-empty.yaml",
            .diagnostic(
                "snapshot.invalid-date", "'' is not a valid date for 'expires'; write YYYY-MM-DD",
                at: "1:61")),
        .init(
            "waivers/expires-list.yaml",
            .diagnostic("ruleset.wrong-type", "'expires' must be text, not a list", at: "1:61")),
        .init(
            "waivers/expires-missing.yaml",
            .diagnostic("ruleset.missing-key", "a waiver needs 'expires'", at: "1:3")),
        .init(
            "waivers/expires-month-13.yaml",
            .diagnostic(
                "snapshot.invalid-date", "'2027-13-01' is not a valid date for 'expires'; write YYYY-MM-DD",
                at: "1:61")),
        .init(
            "waivers/expires-not-a-day.yaml",
            .diagnostic(
                "snapshot.invalid-date", "'2027-02-30' is not a valid date for 'expires'; write YYYY-MM-DD",
                at: "1:61")),
        .init(
            "waivers/expires-number.yaml",
            .diagnostic(
                "snapshot.invalid-date", "'20271231' is not a valid date for 'expires'; write YYYY-MM-DD",
                at: "1:61")),
        .init(
            "waivers/expires-words.yaml",
            .diagnostic(
                "snapshot.invalid-date",
                "'next friday' is not a valid date for 'expires'; write YYYY-MM-DD", at: "1:61")),
        .init(
            "waivers/in-snapshot-bad-date.yaml",
            .diagnostic(
                "snapshot.invalid-date", "'2027-00-10' is not a valid date for 'expires'; write YYYY-MM-DD",
                at: "6:14")),
        .init(
            "waivers/not-a-list.yaml",
            .diagnostic(
                "ruleset.wrong-type", "'waivers' must be a list of waivers, not the text 'NET-BANDWIDTH'",
                at: "1:10")),
        .init(
            "waivers/unknown-key.yaml",
            .diagnostic("ruleset.unknown-key", "unknown key 'expiry' in a waiver", at: "1:75")),
        .init(
            "yaml/alias-bomb.yaml",
            .diagnostic(
                "yaml.alias-limit", "aliases expand to more than 1000000 nodes; the document looks like an",
                at: "6:36")),
        .init(
            "yaml/anchor-without-node.yaml",
            .diagnostic(
                "yaml.syntax", "while scanning an anchor: did not find expected alphabetic or numeric",
                at: "1:5")),
        .init(
            "yaml/bad-indentation.yaml",
            .diagnostic("yaml.syntax", "mapping values are not allowed in this context", at: "3:9")),
        .init(
            "yaml/bad-tagged-int.yaml",
            .diagnostic("yaml.bad-tagged-scalar", "'twelve' is not a valid !!int value", at: "1:4")),
        .init(
            "yaml/block-scalar-bad-indicator.yaml",
            .diagnostic(
                "yaml.syntax", "while scanning a block scalar: did not find expected comment or line",
                at: "1:5")),
        .init(
            "yaml/control-character.yaml",
            .diagnostic(
                "yaml.control-character",
                "the file contains a NUL or other control character that YAML does not", at: "1:5")),
        .init(
            "yaml/duplicate-key.yaml",
            .diagnostic(
                "yaml.duplicate-key", "duplicate key 'name' (line 3); it was first defined on line 2",
                at: "3:3")),
        .init(
            "yaml/empty.yaml",
            .diagnostic("yaml.empty", "the file is empty; expected a YAML or JSON document", at: "1:1")),
        .init(
            "yaml/huge-integer.yaml",
            .diagnostic(
                "yaml.integer-range", "integer '99999999999999999999999' does not fit in 64 bits; quote it",
                at: "1:14")),
        .init(
            "yaml/huge-negative-integer.yaml",
            .diagnostic(
                "yaml.integer-range", "integer '-9223372036854775809' does not fit in 64 bits; quote it to",
                at: "1:8")),
        .init(
            "yaml/invalid-utf8.yaml",
            .diagnostic(
                "yaml.invalid-utf8", "the file is not valid UTF-8 (invalid byte sequence here)", at: "2:13")
        ),
        .init(
            "yaml/json-trailing-comma.json",
            .loads("a trailing comma is valid in a YAML flow mapping, and JSON files are read as YAML")),
        .init(
            "yaml/json-unclosed.json",
            .diagnostic(
                "yaml.syntax", "while parsing a flow mapping: did not find expected ',' or '}'", at: "2:1")),
        .init(
            "yaml/lone-surrogate-utf8.yaml",
            .diagnostic("yaml.syntax", "invalid Unicode character", at: "1:4")),
        .init(
            "yaml/mapping-in-plain-scalar.yaml",
            .diagnostic("yaml.syntax", "mapping values are not allowed in this context", at: "1:5")),
        .init(
            "yaml/merge-key-not-map.yaml",
            .diagnostic("yaml.merge-key", "merge keys ('<<') are not supported", at: "3:3")),
        .init(
            "yaml/multiple-documents.yaml",
            .diagnostic(
                "yaml.multiple-documents",
                "expected a single document, but the stream holds another one here", at: "2:1")),
        .init(
            "yaml/non-scalar-key.yaml",
            .diagnostic(
                "yaml.non-scalar-key", "a mapping key must be a scalar, not a list or a mapping", at: "1:3")
        ),
        .init(
            "yaml/nul-byte.yaml",
            .diagnostic(
                "yaml.control-character",
                "the file contains a NUL or other control character that YAML does not", at: "2:10")),
        .init(
            "yaml/only-comment.yaml",
            .diagnostic("yaml.empty", "the file is empty; expected a YAML or JSON document", at: "1:1")),
        .init(
            "yaml/overlong-utf8.yaml",
            .diagnostic(
                "yaml.invalid-utf8", "the file is not valid UTF-8 (invalid byte sequence here)", at: "1:4")),
        .init(
            "yaml/recursive-alias.yaml",
            .diagnostic(
                "yaml.undefined-alias", "alias '*a' refers to no anchor defined before it", at: "1:8")),
        .init(
            "yaml/stray-directive.yaml",
            .diagnostic("yaml.syntax", "found incompatible YAML document", at: "1:1")),
        .init(
            "yaml/tab-indentation.yaml",
            .diagnostic(
                "yaml.tab-indentation", "a tab character cannot indent YAML; indent with spaces", at: "2:1")
        ),
        .init(
            "yaml/truncated-utf8.yaml",
            .diagnostic(
                "yaml.invalid-utf8", "the file is not valid UTF-8 (invalid byte sequence here)", at: "1:5")),
        .init(
            "yaml/unclosed-flow-mapping.yaml",
            .diagnostic(
                "yaml.syntax", "while parsing a flow mapping: did not find expected ',' or '}'", at: "2:1")),
        .init(
            "yaml/unclosed-flow-sequence.yaml",
            .diagnostic(
                "yaml.syntax", "while parsing a flow sequence: did not find expected ',' or ']'", at: "2:6")
        ),
        .init(
            "yaml/undefined-alias.yaml",
            .diagnostic(
                "yaml.undefined-alias", "alias '*nowhere' refers to no anchor defined before it", at: "1:4")
        ),
        .init(
            "yaml/unsupported-tag.yaml",
            .diagnostic(
                "yaml.unsupported-tag", "unsupported tag '!python/object:os.system'; use !!str, !!int,",
                at: "1:4")),
        .init(
            "yaml/unterminated-double-quote.yaml",
            .diagnostic(
                "yaml.unterminated-quote", "quoted string opened on line 2, column 9 is never closed",
                at: "2:9")),
        .init(
            "yaml/unterminated-single-quote.yaml",
            .diagnostic(
                "yaml.unterminated-quote", "quoted string opened on line 1, column 4 is never closed",
                at: "1:4")),
        .init(
            "yaml/utf16-without-bom.yaml",
            .diagnostic(
                "yaml.control-character",
                "the file contains a NUL or other control character that YAML does not", at: "1:2")),
    ]
}
