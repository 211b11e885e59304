import StrictYAML

/// Calls: each binds its implementation once, here, not per evaluation.
extension CELCompiler {
    mutating func compileCall(
        target: CELExpr?, function: String, arguments: [CELExpr], at offset: Int
    ) -> CELEval {
        // `math.least(…)`, `optional.of(…)`: a namespaced global function.
        if let target, let namespace = target.qualifiedName, isFreeChain(target),
            CELLibrary.global["\(namespace).\(function)"] != nil
        {
            return compileCall(target: nil, function: "\(namespace).\(function)", arguments: arguments, at: offset)
        }
        if target == nil, function == "dyn", arguments.count == 1 {
            return compile(arguments[0])
        }
        if function == "matches", let regexCall = compileConstantRegex(target: target, arguments: arguments, at: offset)
        {
            return regexCall
        }

        let table = target == nil ? CELLibrary.global : CELLibrary.member
        var args: [CELEval] = []
        if let target { args.append(compile(target)) }
        for argument in arguments { args.append(compile(argument)) }
        let displayName = target == nil ? function : "." + function
        let compiledArgs = args

        guard let overloads = table[function] else {
            return { frame throws(CELEvaluationError) in
                for arg in compiledArgs { _ = try arg(frame) }
                throw CELEvaluationError(.noMatchingOverload, "no such function '\(displayName)'", offset: offset)
            }
        }
        guard overloads.accepts(args.count) else {
            return { _ throws(CELEvaluationError) in
                throw CELEvaluationError(
                    .noMatchingOverload, "no matching overload for '\(displayName)'", offset: offset)
            }
        }
        return Self.overloadCall(
            overloads, arguments: args, estimate: CELPreflight.Estimate.byFunction[function],
            displayName: displayName, at: offset)
    }

    /// A call of a library function resolved to its overloads: the fixed-arity overload when
    /// there is one (no argument array is built), else the variadic one.
    private static func overloadCall(
        _ overloads: CELOverloads, arguments args: [CELEval], estimate: CELPreflight.Estimate?,
        displayName: String, at offset: Int
    ) -> CELEval {
        switch args.count {
        case 1 where overloads.unary != nil:
            guard let f = overloads.unary else { break }
            let a0 = args[0]
            return { frame throws(CELEvaluationError) in
                let x = try a0(frame)
                try frame.step(at: offset)
                try frame.chargeArguments(estimate, x, at: offset)
                return try result(in: frame, at: offset) { () throws(CELEvaluationError) in try f(x) }
            }
        case 2 where overloads.binary != nil:
            guard let f = overloads.binary else { break }
            let a0 = args[0]
            let a1 = args[1]
            return { frame throws(CELEvaluationError) in
                let x = try a0(frame)
                let y = try a1(frame)
                try frame.step(at: offset)
                try frame.chargeArguments(estimate, x, y, at: offset)
                return try result(in: frame, at: offset) { () throws(CELEvaluationError) in try f(x, y) }
            }
        case 3 where overloads.ternary != nil:
            guard let f = overloads.ternary else { break }
            let a0 = args[0]
            let a1 = args[1]
            let a2 = args[2]
            return { frame throws(CELEvaluationError) in
                let x = try a0(frame)
                let y = try a1(frame)
                let z = try a2(frame)
                try frame.step(at: offset)
                try frame.chargeArguments(estimate, x, y, z, at: offset)
                return try result(in: frame, at: offset) { () throws(CELEvaluationError) in try f(x, y, z) }
            }
        default:
            break
        }
        let variadic = overloads.variadic
        return { frame throws(CELEvaluationError) in
            var values: [Value] = []
            values.reserveCapacity(args.count)
            for arg in args { values.append(try arg(frame)) }
            try frame.step(at: offset)
            guard let variadic else {
                throw CELEvaluationError(
                    .noMatchingOverload, "no matching overload for '\(displayName)'", offset: offset)
            }
            try frame.chargeArguments(estimate, arguments: values, at: offset)
            return try result(in: frame, at: offset) { () throws(CELEvaluationError) in try variadic(values) }
        }
    }

    /// What a function's implementation returns, its errors placed at the call and its result
    /// charged to the frame's budget.
    @inline(__always)
    private static func result(
        in frame: CELFrame, at offset: Int, of call: () throws(CELEvaluationError) -> Value
    ) throws(CELEvaluationError) -> Value {
        let r: Value
        do throws(CELEvaluationError) { r = try call() } catch { throw error.at(offset) }
        try frame.charge(CELCost.of(r), at: offset)
        return r
    }

    private mutating func compileConstantRegex(target: CELExpr?, arguments: [CELExpr], at offset: Int) -> CELEval? {
        let subjectExpr: CELExpr
        let patternExpr: CELExpr
        if let target, arguments.count == 1 {
            subjectExpr = target
            patternExpr = arguments[0]
        } else if target == nil, arguments.count == 2 {
            subjectExpr = arguments[0]
            patternExpr = arguments[1]
        } else {
            return nil
        }
        guard case .literal(.string(let pattern)) = patternExpr.kind else {
            // A pattern computed at run time is compiled per call, under the same limits.
            let subject = compile(subjectExpr)
            let dynamicPattern = compile(patternExpr)
            let regexLimits = limits.regex
            return { frame throws(CELEvaluationError) in
                let s = try subject(frame)
                let p = try dynamicPattern(frame)
                try frame.step(at: offset)
                if case .string(let text) = s { try frame.charge(CELCost.match(text), at: offset) }
                try frame.charge(CELCost.of(p), at: offset)
                var steps = 0
                let r: Value
                do throws(CELEvaluationError) {
                    r = try CELLibrary.matches(s, p, limits: regexLimits, steps: &steps)
                } catch {
                    try frame.chargeSearch(steps, timedOut: true, at: offset)
                    throw error.at(offset)
                }
                try frame.chargeSearch(steps, timedOut: false, at: offset)
                return r
            }
        }
        let regex: RE2Regex
        do {
            regex = try RE2Regex(pattern, limits: limits.regex)
        } catch {
            return nil  // the checker reports it
        }
        let subject = compile(subjectExpr)
        return { frame throws(CELEvaluationError) in
            let value = try subject(frame)
            try frame.step(at: offset)
            guard case .string(let text) = value else {
                throw CELEvaluationError.noOverload("matches", value, .string(pattern)).at(offset)
            }
            try frame.charge(CELCost.match(text), at: offset)
            var steps = 0
            let matched = regex.matches(text, steps: &steps)
            try frame.chargeSearch(steps, timedOut: matched == nil, at: offset)
            guard let matched else {
                throw CELEvaluationError(
                    .regexTimeout, "regular expression '\(pattern)' exceeded its step budget", offset: offset)
            }
            return .bool(matched)
        }
    }
}
