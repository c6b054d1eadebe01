/// A metric's name and label values, as the key of a cache of metric handles.
struct MetricKey: Hashable, Sendable {
    let name: String
    let labels: [(String, String)]

    init(_ name: String, _ labels: [(String, String)]) {
        self.name = name
        self.labels = labels
    }

    static func == (lhs: MetricKey, rhs: MetricKey) -> Bool {
        lhs.name == rhs.name && lhs.labels.elementsEqual(rhs.labels) { $0 == $1 }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        for (label, value) in labels {
            hasher.combine(label)
            hasher.combine(value)
        }
    }
}
