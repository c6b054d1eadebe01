import HTTPTypes

extension HTTPFields {
    /// The field's value as `self[name]` gives it (every value joined with `, `, or `; ` for
    /// `Cookie`; nil when absent), without the library's generic lazy joining when the field
    /// appears once, as nearly every field of a request does: that joining cost about 4,000
    /// instructions per lookup, and a request is looked at several times.
    func fieldValue(_ name: HTTPField.Name) -> String? {
        var single: String?
        for field in self where field.name == name {
            guard single == nil else { return self[name] }
            single = field.value
        }
        return single
    }
}
