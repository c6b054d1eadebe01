import FlowCore
import FlowFormats

/// What a `logger` with no message prints: the message's payload and attributes, with
/// credentials in request headers masked.
enum EventDescription {
    /// Header names whose values are credentials.
    private static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]

    static func describe(_ event: Event) -> String {
        """
        Message
        {
          payload=\(ValueText.render(event.payload.lenientValue))
          attributes=\(ValueText.render(masked(event.attributes)))
        }
        """
    }

    private static func masked(_ attributes: Value) -> Value {
        guard var object = attributes.objectValue, var headers = object["headers"]?.objectValue else { return attributes }
        let entries = headers.entries.map { entry in
            secretHeaders.contains(entry.key.lowercased()) ? ValueObject.Entry(key: entry.key, value: "****") : entry
        }
        headers = ValueObject(entries: entries)
        object["headers"] = .object(headers)
        return .object(object)
    }
}
