import FlowCore

/// Reads one object of the seed file, naming the place of every problem
/// (`companies[0].offices[1]: 'id' must be an integer`).
struct SeedReader {
    let object: ValueObject
    let path: String

    init(_ value: Value, path: String) throws(SandboxError) {
        guard let object = value.objectValue else {
            throw SandboxError("\(path): expected an object, found \(value.typeName)")
        }
        self.object = object
        self.path = path
    }

    func integer(_ key: String) throws(SandboxError) -> Int64 {
        guard let value = object[key] else { throw SandboxError("\(path): '\(key)' is missing") }
        guard let n = ValueCoercion.integer(value) else {
            throw SandboxError("\(path): '\(key)' must be an integer, found \(value.typeName)")
        }
        return n
    }

    func optionalInteger(_ key: String) throws(SandboxError) -> Int64? {
        guard let value = object[key], !value.isNull else { return nil }
        return try integer(key)
    }

    func string(_ key: String) throws(SandboxError) -> String {
        guard let value = object[key] else { throw SandboxError("\(path): '\(key)' is missing") }
        guard let s = value.stringValue else {
            throw SandboxError("\(path): '\(key)' must be a string, found \(value.typeName)")
        }
        return s
    }

    func optionalString(_ key: String) throws(SandboxError) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        return try string(key)
    }

    /// The elements of the array `key` (empty when absent), each with its path.
    func array(_ key: String) throws(SandboxError) -> [(value: Value, path: String)] {
        guard let value = object[key], !value.isNull else { return [] }
        guard let elements = value.arrayValue else {
            throw SandboxError("\(path): '\(key)' must be an array, found \(value.typeName)")
        }
        return elements.enumerated().map { (value: $0.element, path: "\(path).\(key)[\($0.offset)]") }
    }

    func integers(_ key: String) throws(SandboxError) -> [Int64] {
        var result: [Int64] = []
        for element in try array(key) {
            guard let n = ValueCoercion.integer(element.value) else {
                throw SandboxError("\(element.path): must be an integer, found \(element.value.typeName)")
            }
            result.append(n)
        }
        return result
    }

    func strings(_ key: String) throws(SandboxError) -> [String] {
        var result: [String] = []
        for element in try array(key) {
            guard let s = element.value.stringValue else {
                throw SandboxError("\(element.path): must be a string, found \(element.value.typeName)")
            }
            result.append(s)
        }
        return result
    }
}
