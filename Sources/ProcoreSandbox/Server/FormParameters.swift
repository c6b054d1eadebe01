import Foundation
import FlowCore

/// The parameters of an OAuth request, whichever way the client sent them: form-urlencoded,
/// multipart (Procore's cURL examples use `curl -F`), or JSON (Procore's Elixir SDK); query
/// parameters fill in what the body lacks, as Rails merges them.
enum FormParameters {
    /// Why a body could not be read.
    struct Malformed: Error {
        let reason: String
    }

    static func parse(_ request: SandboxRequest) throws(Malformed) -> QueryParameters {
        let fromBody: [(name: String, value: String)]
        switch request.mediaType {
        case "application/json":
            fromBody = try json(request.body)
        case "multipart/form-data":
            guard let boundary = boundary(request.header("Content-Type") ?? "") else {
                throw Malformed(reason: "multipart/form-data without a boundary")
            }
            fromBody = try multipart(request.body, boundary: boundary)
        default:
            fromBody = QueryParameters(encoded: Substring(decoding: request.body, as: UTF8.self)).pairs
        }
        return QueryParameters(pairs: fromBody + request.query.pairs)
    }

    private static func json(_ body: [UInt8]) throws(Malformed) -> [(name: String, value: String)] {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return [] }
        let value: Value
        do {
            value = try JSON.decode(body)
        } catch {
            throw Malformed(reason: "the body is not valid JSON: \(error)")
        }
        guard let object = value.objectValue else {
            throw Malformed(reason: "the JSON body must be an object")
        }
        return object.entries.compactMap { entry in
            ValueCoercion.text(entry.value).map { (entry.key, $0) }
        }
    }

    /// The `boundary` parameter of a multipart content type.
    static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The named text fields of a multipart body (RFC 7578).
    static func multipart(_ body: [UInt8], boundary: String) throws(Malformed) -> [(name: String, value: String)] {
        let delimiter = Array("--\(boundary)".utf8)
        var fields: [(name: String, value: String)] = []
        guard var position = find(delimiter, in: body, from: 0) else {
            throw Malformed(reason: "multipart body without its boundary")
        }
        while true {
            position += delimiter.count
            // "--" after a delimiter ends the body.
            if body.count >= position + 2, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") {
                return fields
            }
            guard let headerStart = skipLineEnd(body, position),
                let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: headerStart)
            else {
                throw Malformed(reason: "malformed multipart part headers")
            }
            let headers = String(decoding: body[headerStart..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = find(Array("\r\n".utf8) + delimiter, in: body, from: contentStart) else {
                throw Malformed(reason: "multipart body is not terminated")
            }
            if let name = partName(headers) {
                fields.append((name, String(decoding: body[contentStart..<next], as: UTF8.self)))
            }
            position = next + 2
        }
    }

    private static func skipLineEnd(_ body: [UInt8], _ position: Int) -> Int? {
        guard body.count >= position + 2, body[position] == 0x0D, body[position + 1] == 0x0A else { return nil }
        return position + 2
    }

    /// The `name` of a part's `Content-Disposition: form-data; name="…"` header.
    private static func partName(_ headers: String) -> String? {
        for line in headers.split(separator: "\r\n") {
            let lower = line.lowercased()
            guard lower.hasPrefix("content-disposition:") else { continue }
            for parameter in line.split(separator: ";").dropFirst() {
                let parts = parameter.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "name" else { continue }
                var value = parts[1].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                return value
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
