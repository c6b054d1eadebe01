/// Strings stored as one buffer of UTF-8 and a column of where each ends, so that an array of
/// a few million short strings costs their bytes and a byte or two each instead of a whole
/// ``Value`` (24 bytes) and, past 15 bytes, a heap allocation each.
public struct PackedStrings: Sendable {
    /// Every string's UTF-8, one after the other.
    private var utf8: [UInt8] = []
    /// The offset in `utf8` where each string ends.
    private var ends = PackedIntegers()

    /// No strings.
    public init() {}

    /// The number of strings.
    public var count: Int { ends.count }

    /// The string at `index`.
    public subscript(index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: utf8[start..<Int(ends[index])], as: UTF8.self)
    }

    /// Appends `string`.
    public mutating func append(_ string: String) {
        utf8.append(contentsOf: string.utf8)
        ends.append(Int64(utf8.count))
    }

    /// Gives back the room the storage grew beyond its strings while being appended to.
    public mutating func shrinkToFit() {
        if (utf8.capacity - utf8.count) > 4096 { utf8 = Array(utf8) }
        ends.shrinkToFit()
    }

    /// The strings as ``Value``s.
    public var values: [Value] { (0..<count).map { .string(self[$0]) } }
}

extension PackedStrings: Equatable {
    public static func == (lhs: PackedStrings, rhs: PackedStrings) -> Bool {
        // The same strings give the same bytes and ends, and different ones do not; but Swift
        // compares strings by canonical equivalence ("é" precomposed or not), so compare as strings.
        lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs[$0] == rhs[$0] }
    }
}
