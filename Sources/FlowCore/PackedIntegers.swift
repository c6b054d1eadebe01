/// Integers stored at the narrowest width (1, 2, 4 or 8 bytes) that holds every one of them.
///
/// The storage of an array whose elements are all exact integers (``ValueArray``), so that a JSON
/// body of a few million small numbers costs about a byte per number instead of a whole
/// ``Value`` (24 bytes) each: a 10 MiB array of zeros decodes into 5 MB, not 120. Appending a
/// number that does not fit widens the storage once for all elements. Each width is one array
/// reference, so an array ``Value`` stays the size of a pointer.
public enum PackedIntegers: Sendable {
    case int8([Int8])
    case int16([Int16])
    case int32([Int32])
    case int64([Int64])

    /// No integers, at the narrowest width.
    public init() { self = .int8([]) }

    /// Bytes per integer: 1, 2, 4 or 8.
    public var width: Int {
        switch self {
        case .int8: 1
        case .int16: 2
        case .int32: 4
        case .int64: 8
        }
    }

    /// The number of integers.
    public var count: Int {
        switch self {
        case .int8(let integers): integers.count
        case .int16(let integers): integers.count
        case .int32(let integers): integers.count
        case .int64(let integers): integers.count
        }
    }

    /// The integer at `index`.
    public subscript(index: Int) -> Int64 {
        switch self {
        case .int8(let integers): Int64(integers[index])
        case .int16(let integers): Int64(integers[index])
        case .int32(let integers): Int64(integers[index])
        case .int64(let integers): integers[index]
        }
    }

    /// Appends `value`, widening the storage first when it needs more bytes than the others.
    public mutating func append(_ value: Int64) {
        if Self.width(of: value) > width { widen(to: Self.width(of: value)) }
        // Moved out and back so the array is not shared while it grows (no copy on write).
        switch self {
        case .int8(var integers):
            self = .int8([])
            integers.append(Int8(truncatingIfNeeded: value))
            self = .int8(integers)
        case .int16(var integers):
            self = .int8([])
            integers.append(Int16(truncatingIfNeeded: value))
            self = .int16(integers)
        case .int32(var integers):
            self = .int8([])
            integers.append(Int32(truncatingIfNeeded: value))
            self = .int32(integers)
        case .int64(var integers):
            self = .int8([])
            integers.append(value)
            self = .int64(integers)
        }
    }

    /// Gives back the room the storage grew beyond its integers while being appended to, when
    /// that is more than a page.
    public mutating func shrinkToFit() {
        switch self {
        case .int8(let integers) where Self.slack(integers) > 4096: self = .int8(Array(integers))
        case .int16(let integers) where Self.slack(integers) > 4096: self = .int16(Array(integers))
        case .int32(let integers) where Self.slack(integers) > 4096: self = .int32(Array(integers))
        case .int64(let integers) where Self.slack(integers) > 4096: self = .int64(Array(integers))
        default: break
        }
    }

    /// The integers as ``Value``s.
    public var values: [Value] {
        switch self {
        case .int8(let integers): integers.map { .int(Int64($0)) }
        case .int16(let integers): integers.map { .int(Int64($0)) }
        case .int32(let integers): integers.map { .int(Int64($0)) }
        case .int64(let integers): integers.map { .int($0) }
        }
    }

    /// The narrowest width that holds `value`.
    static func width(of value: Int64) -> Int {
        if Int64(Int8.min)...Int64(Int8.max) ~= value { return 1 }
        if Int64(Int16.min)...Int64(Int16.max) ~= value { return 2 }
        if Int64(Int32.min)...Int64(Int32.max) ~= value { return 4 }
        return 8
    }

    private static func slack<T>(_ integers: [T]) -> Int {
        (integers.capacity - integers.count) * MemoryLayout<T>.stride
    }

    private mutating func widen(to newWidth: Int) {
        let current = self
        let integers = (0..<count).lazy.map { current[$0] }
        var wider: PackedIntegers
        switch newWidth {
        case 2: wider = .int16(integers.map { Int16(truncatingIfNeeded: $0) })
        case 4: wider = .int32(integers.map { Int32(truncatingIfNeeded: $0) })
        default: wider = .int64(Array(integers))
        }
        swap(&self, &wider)
    }
}

extension PackedIntegers: Equatable {
    public static func == (lhs: PackedIntegers, rhs: PackedIntegers) -> Bool {
        switch (lhs, rhs) {
        case (.int8(let left), .int8(let right)): return left == right
        case (.int16(let left), .int16(let right)): return left == right
        case (.int32(let left), .int32(let right)): return left == right
        case (.int64(let left), .int64(let right)): return left == right
        default:
            guard lhs.count == rhs.count else { return false }
            for index in 0..<lhs.count where lhs[index] != rhs[index] { return false }
            return true
        }
    }
}
