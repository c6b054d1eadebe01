/// Collects the elements of an array being decoded, packed while they are all exact integers,
/// all decimals or all strings, and as `[Value]` from the first element that breaks the run.
///
/// A large body is mostly one big array of one kind; packed, a number costs a few bytes and a
/// string its UTF-8 and a byte or two, instead of a 24-byte ``Value`` each (issue 21 L10).
struct PackingArrayBuilder {
    private enum Kind {
        case empty, integers, decimals, strings, values
    }

    // One stored column per kind rather than an enum with payloads: a column is then grown in
    // place, never moved in and out of an enum where a copy would make each append copy it all.
    private var kind = Kind.empty
    private var integers = PackedIntegers()
    private var decimals = PackedDecimals()
    private var strings = PackedStrings()
    private var values: [Value] = []

    /// Adds `element` after the others.
    mutating func append(_ element: Value) {
        switch (kind, element) {
        case (.empty, .int(let integer)), (.integers, .int(let integer)):
            kind = .integers
            integers.append(integer)
        case (.empty, .decimal(let decimal)), (.decimals, .decimal(let decimal)):
            if decimals.append(decimal) {
                kind = .decimals
            } else {
                unpack(then: element)
            }
        case (.empty, .string(let string)), (.strings, .string(let string)):
            kind = .strings
            strings.append(string)
        default:
            unpack(then: element)
        }
    }

    /// Moves the elements so far into `values` and appends `element` there.
    private mutating func unpack(then element: Value) {
        switch kind {
        case .empty, .values: break
        case .integers: values = integers.values
        case .decimals: values = decimals.values
        case .strings: values = strings.values
        }
        integers = PackedIntegers()
        decimals = PackedDecimals()
        strings = PackedStrings()
        kind = .values
        values.append(element)
    }

    /// The array, with the room its packed storage grew beyond its elements given back.
    consuming func finish() -> ValueArray {
        switch kind {
        case .empty: return []
        case .integers:
            integers.shrinkToFit()
            return ValueArray(integers: integers)
        case .decimals:
            decimals.shrinkToFit()
            return ValueArray(decimals: decimals)
        case .strings:
            strings.shrinkToFit()
            return ValueArray(strings: strings)
        case .values:
            return ValueArray(values)
        }
    }
}
