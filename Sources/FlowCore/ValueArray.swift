/// The elements of an array ``Value``: a collection of values that stores an array of exact
/// integers packed (``PackedIntegers``) and any other array as `[Value]`.
///
/// Which storage an array has is invisible: both read, compare and hash alike, element by
/// element, and writing anything but an integer into packed storage turns it into `[Value]`.
/// The JSON decoder packs arrays of integers, so a large numeric body does not cost 24 bytes per
/// number.
public struct ValueArray: Sendable {
    @usableFromInline
    enum Storage: Sendable {
        case values([Value])
        case integers(PackedIntegers)
    }

    @usableFromInline var storage: Storage

    /// An array of `values`.
    @inlinable
    public init(_ values: [Value]) { storage = .values(values) }

    /// An array of `integers`, packed.
    public init(integers: PackedIntegers) { storage = .integers(integers) }

    /// The elements as a Swift array (built when the storage is packed).
    @inlinable
    public var values: [Value] {
        switch storage {
        case .values(let values): values
        case .integers(let integers): integers.values
        }
    }

    /// Whether the elements are stored packed, as integers.
    public var isPacked: Bool {
        if case .integers = storage { return true }
        return false
    }

    /// Runs `body` on the elements as `[Value]`, unpacking them first when packed, without
    /// copying the array when it is not shared.
    @inlinable
    mutating func withValues<Result>(_ body: (inout [Value]) throws -> Result) rethrows -> Result {
        var values: [Value]
        switch storage {
        case .values(let existing): values = existing
        case .integers(let integers): values = integers.values
        }
        storage = .values([])
        defer { storage = .values(values) }
        return try body(&values)
    }
}

extension ValueArray: RandomAccessCollection, MutableCollection {
    public typealias Index = Int

    @inlinable public var startIndex: Int { 0 }

    @inlinable
    public var endIndex: Int {
        switch storage {
        case .values(let values): values.count
        case .integers(let integers): integers.count
        }
    }

    @inlinable
    public subscript(position: Int) -> Value {
        get {
            switch storage {
            case .values(let values): values[position]
            case .integers(let integers): .int(integers[position])
            }
        }
        set { withValues { $0[position] = newValue } }
    }

    @inlinable
    public func index(after i: Int) -> Int { i + 1 }

    @inlinable
    public func index(before i: Int) -> Int { i - 1 }
}

extension ValueArray: RangeReplaceableCollection {
    @inlinable
    public init() { storage = .values([]) }

    @inlinable
    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C)
    where C.Element == Value {
        withValues { $0.replaceSubrange(subrange, with: newElements) }
    }

    @inlinable
    public mutating func reserveCapacity(_ n: Int) {
        withValues { $0.reserveCapacity(n) }
    }

    @inlinable
    public mutating func append(_ newElement: Value) {
        withValues { $0.append(newElement) }
    }
}

extension ValueArray: ExpressibleByArrayLiteral {
    @inlinable
    public init(arrayLiteral elements: Value...) { storage = .values(elements) }
}

extension ValueArray: Hashable {
    public static func == (lhs: ValueArray, rhs: ValueArray) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.values(let left), .values(let right)): return left == right
        case (.integers(let left), .integers(let right)): return left == right
        default: return lhs.elementsEqual(rhs)
        }
    }

    /// Hashes as `[Value]` does (the count, then each element), whatever the storage.
    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .values(let values): values.hash(into: &hasher)
        case .integers:
            hasher.combine(count)
            for element in self { hasher.combine(element) }
        }
    }
}

extension ValueArray: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { values.description }
    public var debugDescription: String { values.debugDescription }
}

extension Value {
    /// An array of `elements`.
    @inlinable
    public static func array(_ elements: [Value]) -> Value { .array(ValueArray(elements)) }
}
