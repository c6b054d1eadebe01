import FlowCore
import HTTPTypes
import Hummingbird

/// Builds `attributes` for a request (mule-semantics §2.3).
enum RequestAttributes {
    struct Inputs {
        let method: String
        let target: RequestTarget
        let headers: HTTPFields
        let listenerPath: String
        let basePath: String
        let uriParams: [(String, String)]
        let maskedPath: String?
        let scheme: String
        let localAddress: String
        let remoteAddress: String
    }

    static func build(_ inputs: Inputs) -> Value {
        var headers = ValueObject()
        headers.reserveCapacity(inputs.headers.count)
        for field in inputs.headers {
            headers.append(field.name.canonicalName, .string(field.value))
        }
        var uriParams = ValueObject()
        for (name, value) in inputs.uriParams {
            uriParams.append(name, .string(value))
        }
        let path = inputs.target.path
        let relative = relativePath(path, basePath: inputs.basePath)
        var object = ValueObject()
        object.reserveCapacity(17)
        object.append("listenerPath", .string(inputs.listenerPath))
        object.append("relativePath", .string(relative))
        object.append("version", "HTTP/1.1")
        object.append("scheme", .string(inputs.scheme))
        object.append("method", .string(inputs.method))
        object.append("requestUri", .string(inputs.target.requestURI))
        object.append("rawRequestUri", .string(inputs.target.requestURI))
        object.append("queryString", .string(inputs.target.queryString))
        object.append("localAddress", .string(inputs.localAddress))
        object.append("remoteAddress", .string(inputs.remoteAddress))
        object.append("clientCertificate", .null)
        object.append("queryParams", .object(QueryParameters.parse(inputs.target.queryString)))
        object.append("uriParams", .object(uriParams))
        object.append("requestPath", .string(path))
        object.append("rawRequestPath", .string(inputs.target.rawPath))
        object.append("maskedRequestPath", inputs.maskedPath.map(Value.string) ?? .null)
        object.append("headers", .object(headers))
        return .object(object)
    }

    /// The request path without the base path (`/api/v1/a` → `/a`).
    static func relativePath(_ path: String, basePath: String) -> String {
        guard !basePath.isEmpty, path.hasPrefix(basePath) else { return path }
        let rest = String(path.dropFirst(basePath.count))
        return rest.isEmpty ? "/" : rest
    }
}
