/// DataWeave's `Binary`: bytes a script made (`fromBase64`, `hashWith`, `"text" as Binary`),
/// carried in ``Value`` as an ``OpaqueValue`` of kind ``OpaqueValue/Kind/binary`` so that the
/// value model keeps its shape. Two binaries are equal when their bytes are.
public final class BinaryContent: Sendable {
    /// The bytes.
    public let bytes: [UInt8]

    /// Wraps `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}

extension Value {
    /// A `Binary` value holding `bytes`.
    public static func binary(_ bytes: [UInt8]) -> Value {
        .opaque(OpaqueValue(.binary, object: BinaryContent(bytes)))
    }

    /// The bytes, when this is a `Binary`.
    public var binaryBytes: [UInt8]? {
        guard case .opaque(let opaque) = self, opaque.kind == .binary else { return nil }
        return (opaque.object as? BinaryContent)?.bytes
    }
}
