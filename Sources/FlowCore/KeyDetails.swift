/// What an object key can carry besides its name: the XML namespace and attributes of DataWeave's
/// `Key` type (`ns0#order @(id: "7", status: "open")`).
///
/// The XML reader puts them on the keys it creates, the XML writer writes them back, and the
/// language's `.@attr` / `.@` selectors and `@(…)` key syntax read and set them through
/// ``ValueObject/details(at:)``, ``ValueObject/attributes(of:)`` and
/// ``ValueObject/append(_:_:details:)``. Other formats ignore them.
public struct KeyDetails: Sendable, Hashable {
    /// The key's namespace, or nil for none.
    public var namespace: KeyNamespace?
    /// The attributes, in order. Their keys can have namespaces themselves (`xml#lang`), held as
    /// details of this object's keys; attribute values are Strings when read from XML.
    public var attributes: ValueObject

    /// Creates details.
    public init(namespace: KeyNamespace? = nil, attributes: ValueObject = ValueObject()) {
        self.namespace = namespace
        self.attributes = attributes
    }

    /// Whether there is neither a namespace nor an attribute.
    public var isEmpty: Bool { namespace == nil && attributes.isEmpty }
}

/// An XML namespace as DataWeave's `Namespace` type holds it: `ns orders http://acme.com/orders`.
public struct KeyNamespace: Sendable, Hashable {
    /// The prefix written before the local name (`orders` in `orders:order`); nil for the
    /// default namespace (`xmlns="…"`).
    public var prefix: String?
    /// The namespace URI, which is what identifies the namespace.
    public var uri: String

    /// Creates a namespace.
    public init(prefix: String?, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}

extension ValueObject {
    /// The position of the first entry named `key`.
    public func firstIndex(ofKey key: String) -> Int? {
        entries.firstIndex { $0.key == key }
    }

    /// The attributes of the first key named `key` (DataWeave's `payload.order.@` is
    /// `payload.attributes(of: "order")`, `.@id` one of its values); nil when there is no
    /// such key, empty when it has no attributes.
    public func attributes(of key: String) -> ValueObject? {
        guard let index = firstIndex(ofKey: key) else { return nil }
        return details(at: index)?.attributes ?? ValueObject()
    }
}
