import Foundation

/// A Mule error type such as `MULE:CONNECTIVITY` or `PROCORE:NOT_FOUND`, with its parent.
///
/// Handlers match an error when their `type` names the error's type or any of its ancestors, so
/// `on-error-continue type="CONNECTIVITY"` catches `PROCORE:CONNECTIVITY`.
public final class ErrorType: Sendable, Hashable, CustomStringConvertible {
    /// The namespace, upper-case (`MULE`, `HTTP`, `PROCORE`, or a custom one).
    public let namespace: String
    /// The identifier within the namespace (`NOT_FOUND`).
    public let identifier: String
    /// The parent type; nil only for `MULE:ANY` and `MULE:CRITICAL`.
    public let parent: ErrorType?

    /// Creates a type. Types are normally obtained from an ``ErrorTypeRepository``.
    public init(namespace: String, identifier: String, parent: ErrorType?) {
        self.namespace = namespace.uppercased()
        self.identifier = identifier.uppercased()
        self.parent = parent
    }

    /// `NAMESPACE:IDENTIFIER`.
    public var description: String { "\(namespace):\(identifier)" }

    /// Whether this type is `other` or one of `other`'s descendants.
    public func isA(_ other: ErrorType) -> Bool {
        var current: ErrorType? = self
        while let type = current {
            if type == other { return true }
            current = type.parent
        }
        return false
    }

    public static func == (lhs: ErrorType, rhs: ErrorType) -> Bool {
        lhs.namespace == rhs.namespace && lhs.identifier == rhs.identifier
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(namespace)
        hasher.combine(identifier)
    }
}

/// The error identifier as written in XML (`CONNECTIVITY`, `procore:not_found`), split into parts.
public struct ErrorTypeName: Sendable, Hashable, CustomStringConvertible {
    /// Upper-cased namespace; `MULE` when the text had none.
    public var namespace: String
    /// Upper-cased identifier.
    public var identifier: String

    /// Parses `NS:ID` or `ID`; returns nil for empty parts or more than one colon.
    public init?(parsing text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1 where !parts[0].isEmpty:
            namespace = "MULE"
            identifier = parts[0].uppercased()
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty:
            namespace = parts[0].uppercased()
            identifier = parts[1].uppercased()
        default:
            return nil
        }
    }

    /// Creates a name from its parts.
    public init(namespace: String, identifier: String) {
        self.namespace = namespace.uppercased()
        self.identifier = identifier.uppercased()
    }

    /// `NAMESPACE:IDENTIFIER`.
    public var description: String { "\(namespace):\(identifier)" }
}
