/// The elements of an array ``Value``: a collection of values that stores an array of exact
/// integers, of decimals or of strings packed (``PackedIntegers``, ``PackedDecimals``,
/// ``PackedStrings``) and any other array as `[Value]`.
///
/// Which storage an array has is invisible: all read, compare and hash alike, element by
/// element, and writing into packed storage turns it into `[Value]`. The JSON decoder packs
/// arrays whose elements are all of one of those kinds (``PackingArrayBuilder``), so a large
/// body of numbers or strings does not cost a 24-byte `Value` per element.
public struct ValueArray: Sendable {
    @usableFromInline
    enum Storage: Sendable {
        case values([Value])
        case integers(PackedIntegers)
        case decimals(PackedDecimals)
        case strings(PackedStrings)
    }

    @usableFromInline var storage: Storage

    /// An array of `values`.
    @inlinable
    public init(_ values: [Value]) { storage = .values(values) }

    /// An array of `integers`, packed.
    public init(integers: PackedIntegers) { storage = .integers(integers) }

    /// An array of `decimals`, packed.
    public init(decimals: PackedDecimals) { storage = .decimals(decimals) }

    /// An array of `strings`, packed.
    public init(strings: PackedStrings) { storage = .strings(strings) }

    /// The elements as a Swift array (built when the storage is packed).
    @inlinable
    public var values: [Value] {
        switch storage {
        case .values(let values): values
        case .integers(let integers): integers.values
        case .decimals(let decimals): decimals.values
        case .strings(let strings): strings.values
        }
    }

    /// Whether the elements are stored packed, as integers, decimals or strings.
    public var isPacked: Bool {
        if case .values = storage { return false }
        return true
    }

    /// Runs `body` on the elements as `[Value]`, unpacking them first when packed, without
    /// copying the array when it is not shared.
    @inlinable
    mutating func withValues<Result>(_ body: (inout [Value]) throws -> Result) rethrows -> Result {
        var values: [Value]
        if case .values(let existing) = storage { values = existing } else { values = self.values }
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
        case .decimals(let decimals): decimals.count
        case .strings(let strings): strings.count
        }
    }

    @inlinable
    public subscript(position: Int) -> Value {
        get {
            switch storage {
            case .values(let values): values[position]
            case .integers(let integers): .int(integers[position])
            case .decimals(let decimals): .decimal(decimals[position])
            case .strings(let strings): .string(strings[position])
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
        case (.decimals(let left), .decimals(let right)): return left == right
        case (.strings(let left), .strings(let right)): return left == right
        default: return lhs.elementsEqual(rhs)
        }
    }

    /// Hashes as `[Value]` does (the count, then each element), whatever the storage.
    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .values(let values): values.hash(into: &hasher)
        case .integers, .decimals, .strings:
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
