import FlowCore

/// Faults queued through `POST /_sandbox/faults`: the next `count` matching requests are delayed,
/// answered with a chosen status, or have their connection dropped (before they are handled, or
/// after, losing the response).
struct FaultQueue: Sendable {
    struct Fault: Sendable {
        let id: Int
        var remaining: Int
        /// Only requests to this path match (a trailing `*` matches a prefix); nil matches all.
        let path: String?
        /// Only requests with this method match; nil matches all.
        let method: String?
        /// Only requests whose query has every one of these parameters with this value match
        /// (`{"page": "2"}`: the second page of a list and no other request).
        let query: [(String, String)]
        let status: Int?
        let delayMilliseconds: Int
        /// Close the connection before the request is handled.
        let drop: Bool
        /// Handle the request, then close the connection instead of answering: the call took
        /// effect but the client never hears (a lost response).
        let dropResponse: Bool
        let body: String?
        let retryAfter: Int?
        /// Headers set on the faulted answer after the others, replacing same-named ones; a nil
        /// value removes the header (so a test can send `X-Rate-Limit-Reset` without `Retry-After`).
        let headers: [(String, String?)]

        func matches(method requestMethod: String, path requestPath: String, query requestQuery: URLEncodedForm) -> Bool {
            if let method, method.uppercased() != requestMethod.uppercased() { return false }
            if query.contains(where: { requestQuery[$0.0] != $0.1 }) { return false }
            guard let path else { return true }
            if path.hasSuffix("*") { return requestPath.hasPrefix(path.dropLast()) }
            return requestPath == path
        }

        var value: Value {
            .object(ValueObject([
                ("id", .int(Int64(id))), ("remaining", .int(Int64(remaining))),
                ("path", path.map(Value.string) ?? .null), ("method", method.map(Value.string) ?? .null),
                ("query", .object(ValueObject(query.map { ($0.0, Value.string($0.1)) }))),
                ("status", status.map { .int(Int64($0)) } ?? .null), ("delayMs", .int(Int64(delayMilliseconds))),
                ("drop", .bool(drop)), ("dropResponse", .bool(dropResponse)), ("body", body.map(Value.string) ?? .null),
                ("retryAfter", retryAfter.map { .int(Int64($0)) } ?? .null),
                ("headers", .object(ValueObject(headers.map { ($0.0, $0.1.map(Value.string) ?? .null) }))),
            ]))
        }
    }

    private(set) var faults: [Fault] = []
    private var nextID = 1

    /// Parses and queues a fault from the admin endpoint's JSON; returns it or the problem.
    mutating func add(_ body: Value) -> Result<Fault, FieldErrors> {
        var errors = FieldErrors()
        guard let object = body.objectValue else {
            errors.add("body", "must be a JSON object such as {\"count\": 1, \"status\": 503}")
            return .failure(errors)
        }
        let known: Set<String> = ["count", "path", "method", "query", "status", "delayMs", "drop", "dropResponse", "body", "retryAfter", "headers"]
        for key in object.keys where !known.contains(key) {
            errors.add(key, "is not a fault option (use count, path, method, query, status, delayMs, drop, dropResponse, body, retryAfter, headers)")
        }
        func integer(_ key: String, default fallback: Int?, range: ClosedRange<Int>) -> Int? {
            guard let value = object[key], !value.isNull else { return fallback }
            guard let n = ValueCoercion.integer(value), let small = Int(exactly: n), range.contains(small) else {
                errors.add(key, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
                return fallback
            }
            return small
        }
        func text(_ key: String) -> String? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let s = value.stringValue else {
                errors.add(key, "must be a string")
                return nil
            }
            return s
        }
        let count = integer("count", default: 1, range: 1...1_000_000) ?? 1
        let status = integer("status", default: nil, range: 100...599)
        let delay = integer("delayMs", default: 0, range: 0...600_000) ?? 0
        let retryAfter = integer("retryAfter", default: nil, range: 0...86_400)
        func flag(_ key: String) -> Bool {
            guard let value = object[key], !value.isNull else { return false }
            guard case .bool(let b) = value else {
                errors.add(key, "must be true or false")
                return false
            }
            return b
        }
        let drop = flag("drop")
        let dropResponse = flag("dropResponse")
        let path = text("path")
        if let path, !path.hasPrefix("/") { errors.add("path", "must start with /") }
        let method = text("method")
        let responseBody = text("body")
        var headers: [(String, String?)] = []
        if let value = object["headers"], !value.isNull {
            if let entries = value.objectValue?.entries {
                for entry in entries {
                    switch entry.value {
                    case .string(let text): headers.append((entry.key, text))
                    case .null: headers.append((entry.key, nil))
                    default: errors.add("headers", "must map header names to strings (or null to remove one)")
                    }
                }
            } else {
                errors.add("headers", "must be a JSON object of header names and strings")
            }
        }
        var query: [(String, String)] = []
        if let value = object["query"], !value.isNull {
            if let entries = value.objectValue?.entries, entries.allSatisfy({ $0.value.stringValue != nil }) {
                query = entries.compactMap { entry in entry.value.stringValue.map { (entry.key, $0) } }
            } else {
                errors.add("query", "must map query parameter names to strings such as {\"page\": \"2\"}")
            }
        }
        if status == nil && delay == 0 && !drop && !dropResponse && errors.isEmpty {
            errors.add("status", "give a status, a delayMs, drop: true or dropResponse: true")
        }
        if drop && status != nil { errors.add("drop", "cannot be combined with status") }
        if dropResponse && (status != nil || drop) { errors.add("dropResponse", "cannot be combined with status or drop") }
        guard errors.isEmpty else { return .failure(errors) }
        let fault = Fault(
            id: nextID, remaining: count, path: path, method: method, query: query, status: status, delayMilliseconds: delay,
            drop: drop, dropResponse: dropResponse, body: responseBody, retryAfter: retryAfter, headers: headers)
        nextID += 1
        faults.append(fault)
        return .success(fault)
    }

    /// Takes one use of the first fault that matches the request, if any.
    mutating func take(method: String, path: String, query: URLEncodedForm) -> Fault? {
        guard let index = faults.firstIndex(where: { $0.matches(method: method, path: path, query: query) }) else { return nil }
        let fault = faults[index]
        faults[index].remaining -= 1
        if faults[index].remaining <= 0 { faults.remove(at: index) }
        return fault
    }

    mutating func clear() { faults.removeAll() }
}
