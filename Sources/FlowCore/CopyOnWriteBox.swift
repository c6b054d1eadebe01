/// A value kept in a shared heap box and copied only when written while shared: value semantics
/// at the size of one reference.
///
/// For large values that travel through many async frames (errors, failures), where each frame
/// would otherwise reserve room for the whole value.
public struct CopyOnWriteBox<Wrapped: Sendable>: Sendable {
    private final class Storage: @unchecked Sendable {
        // Written only through `CopyOnWriteBox.value`'s setter, on a box no one else holds.
        var value: Wrapped
        init(_ value: Wrapped) { self.value = value }
    }

    private var storage: Storage

    /// Boxes `value`.
    public init(_ value: Wrapped) {
        storage = Storage(value)
    }

    /// The boxed value; writing copies the box first when it is shared.
    ///
    /// Read and modified in place (`_read`/`_modify`): reading one field of a boxed struct must
    /// not copy the whole struct, which a plain getter does.
    public var value: Wrapped {
        _read { yield storage.value }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.value) }
            yield &storage.value
        }
    }
}
