import SourceDiagnostics
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

extension CELLibrary {
    /// `list.groupBy('field')`: the elements of a list of maps grouped by the value of one
    /// field, as a list of maps `{"key": value, "items": [elements]}` in the order each value
    /// first appears (elements keep their order and positions). It gives a rule one result per
    /// module or site in time linear in the list, where `modules.map(m, items.filter(r,
    /// r.module == m))` is quadratic. An element without the field is a missing fact
    /// (`[3].module`, which the engine restates from the list's own path).
    static func groupBy(_ list: Value, _ field: Value) throws(CELEvaluationError) -> Value {
        guard case .list(let elements) = list, case .string(let name) = field else {
            throw CELEvaluationError.noOverload("groupBy", list, field)
        }
        var order: [Value] = []
        var groups: [[Value]] = []
        var groupPositions: [[SourcePosition]] = []
        var firstPositions: [SourcePosition] = []
        var index: [MapKey: Int] = [:]
        var others: [(key: Value, group: Int)] = []
        for (i, element) in elements.elements.enumerated() {
            guard case .map(let map) = element else { throw CELEvaluationError.noOverload("groupBy", element, field) }
            guard let key = map[.string(name)] else {
                throw CELEvaluationError.missingFact("[\(i)].\(name)", in: map, at: -1)
            }
            let position = elements.position(at: i) ?? .unknown
            let existing: Int?
            if let k = MapKey(key) {
                existing = index[k]
                if existing == nil { index[k] = groups.count }
            } else {
                // A key that cannot be hashed (a list, a fraction): compared one by one.
                existing = others.first { $0.key == key }?.group
                if existing == nil { others.append((key, groups.count)) }
            }
            if let g = existing {
                groups[g].append(element)
                groupPositions[g].append(position)
            } else {
                order.append(key)
                groups.append([element])
                groupPositions.append([position])
                firstPositions.append(position)
            }
        }
        let out = order.indices.map { g in
            Value.map(ValueMap(
                keys: [.string("key"), .string("items")],
                values: [order[g], .list(ValueList(groups[g], positions: groupPositions[g]))]))
        }
        let known = firstPositions.allSatisfy { $0.isKnown }
        return .list(ValueList(out, positions: known ? firstPositions : [], position: elements.position))
    }
}
