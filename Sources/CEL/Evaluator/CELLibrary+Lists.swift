import StrictYAML

extension CELLibrary {
    /// `keys.countIn(lists)`: for each element of `keys`, a map `{"value": key, "count": n}`,
    /// where n is how many of `lists` contain the key (a list counts once, however often it
    /// holds it). It answers "how many members have each critical skill" in time linear in the
    /// total size of the lists, where `keys.map(k, lists.filter(l, k in l).size())` is
    /// quadratic. The result keeps the positions of `keys`, so findings point at the key.
    static func countIn(_ keys: Value, _ lists: Value) throws(CELEvaluationError) -> Value {
        guard case .list(let keyList) = keys, case .list(let listOfLists) = lists else {
            throw CELEvaluationError.noOverload("countIn", keys, lists)
        }
        var counts: [MapKey: Int64] = [:]
        for element in listOfLists.elements {
            guard case .list(let inner) = element else { throw CELEvaluationError.noOverload("countIn", keys, element) }
            var seen = Set<MapKey>()
            for item in inner.elements {
                guard let key = MapKey(item) else { continue }
                if seen.insert(key).inserted { counts[key, default: 0] += 1 }
            }
        }
        var out: [Value] = []
        out.reserveCapacity(keyList.count)
        for key in keyList.elements {
            let count = MapKey(key).flatMap { counts[$0] } ?? 0
            out.append(.map(ValueMap(keys: [.string("value"), .string("count")], values: [key, .int(count)])))
        }
        return .list(ValueList(out, positions: keyList.positions, position: keyList.position))
    }
}
