import FlowCore
import FlowFormats
import Testing

/// Random values written and read back, with a fixed seed so that a failure repeats.
@Suite struct FormatRoundTripTests {
    /// SplitMix64: small, fast and the same on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Characters that stress quoting and escaping, with multi-byte ones.
    static let awkward: [Character] = ["a", "b", "Z", "0", " ", ",", ";", "|", "\t", "\"", "'", "\\", "\n", "\r\n",
                                       "<", ">", "&", "=", "+", "%", "]", "é", "日", "😀", "*", "~"]

    static func text(_ random: inout SeededGenerator, from characters: [Character] = awkward, maxLength: Int = 8) -> String {
        String((0..<Int.random(in: 0...maxLength, using: &random)).map { _ in characters.randomElement(using: &random)! })
    }

    @Test func csvOfFlatStringRowsRoundTrips() throws {
        var random = SeededGenerator(state: 2026)
        let csv = CSVFormat()
        for _ in 0..<300 {
            let columnCount = Int.random(in: 1...5, using: &random)
            var columns: [String] = []
            while columns.count < columnCount {
                let name = Self.text(&random)
                if !columns.contains(name) { columns.append(name) }
            }
            let rows: [Value] = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                // Values up to 24 characters: long enough for the reader's eight-bytes-at-a-time scan.
                .object(ValueObject(columns.map { ($0, .string(Self.text(&random, maxLength: 24))) }))
            }
            let separator = [",", ";", "\t", "|"].randomElement(using: &random)!
            let properties = FormatProperties([
                "separator": .string(separator),
                "escape": .string(["\\", "\""].randomElement(using: &random)!),
                "quoteValues": .bool(Bool.random(using: &random)),
                "quoteHeader": .bool(Bool.random(using: &random)),
                "lineSeparator": .string(["\n", "\r\n"].randomElement(using: &random)!),
            ])
            let written = try csv.write(.array(rows), properties: properties)
            let read = try csv.read(written, properties: properties)
            let equal = read == .array(rows)
            #expect(equal, "\(String(decoding: written, as: UTF8.self).debugDescription)")
        }
    }

    static let namespaces = [
        KeyNamespace(prefix: "p", uri: "urn:p"), KeyNamespace(prefix: "q", uri: "http://example.com/q?x=1&y"),
        KeyNamespace(prefix: nil, uri: "urn:default"),
    ]
    static let nameStart = Array("abcxyzABC_")
    static let nameRest = Array("abc019_-.")

    static func name(_ random: inout SeededGenerator) -> String {
        String(nameStart.randomElement(using: &random)!) + text(&random, from: nameRest, maxLength: 4)
    }

    /// Text that survives XML: no carriage returns (XML turns them into line feeds) and not
    /// blank (blank text reads as null).
    static func elementText(_ random: inout SeededGenerator) -> String {
        let characters = awkward.filter { $0 != "\r\n" }
        return text(&random, from: characters) + "x"
    }

    static func element(_ random: inout SeededGenerator, depth: Int) -> (Value, KeyDetails?) {
        var details = KeyDetails()
        if Int.random(in: 0..<3, using: &random) == 0 { details.namespace = namespaces.randomElement(using: &random)! }
        var attributeNames: Set<String> = []
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            let attribute = name(&random)
            guard attributeNames.insert(attribute).inserted else { continue }
            let namespace = Bool.random(using: &random) ? namespaces[Int.random(in: 0...1, using: &random)] : nil
            let value = text(&random, from: awkward.filter { $0 != "\r\n" })
            details.attributes.append(attribute, .string(value), details: namespace.map { KeyDetails(namespace: $0) })
        }
        let hasAttributes = !details.attributes.isEmpty
        let value: Value
        switch depth > 3 ? Int.random(in: 0...1, using: &random) : Int.random(in: 0...2, using: &random) {
        case 0: value = hasAttributes ? "" : .null
        case 1: value = .string(elementText(&random))
        default:
            var children = ValueObject()
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let (child, childDetails) = element(&random, depth: depth + 1)
                children.append(name(&random), child, details: childDetails)
            }
            value = .object(children)
        }
        return (value, details.isEmpty ? nil : details)
    }

    @Test func xmlOfNestedObjectsRoundTrips() throws {
        var random = SeededGenerator(state: 4180)
        let xml = XMLFormat()
        for _ in 0..<300 {
            let (value, details) = Self.element(&random, depth: 0)
            var root = ValueObject()
            root.append(Self.name(&random), value, details: details)
            let properties = FormatProperties(["indent": .bool(Bool.random(using: &random)),
                                               "inlineCloseOn": .string(Bool.random(using: &random) ? "empty" : "none")])
            let written = try xml.write(.object(root), properties: properties)
            let read = try xml.read(written)
            let equal = read == .object(root)
            #expect(equal, "\(String(decoding: written, as: UTF8.self))")
        }
    }

    @Test func formBodiesRoundTrip() throws {
        var random = SeededGenerator(state: 1866)
        let form = URLEncodedFormat()
        for _ in 0..<300 {
            var object = ValueObject()
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                let key = Bool.random(using: &random) ? (object.keys.randomElement(using: &random) ?? "k") : Self.text(&random)
                object.append(key, .string(Self.text(&random)))
            }
            let written = try form.write(.object(object), properties: FormatProperties())
            let read = try form.read(written)
            let equal = read == .object(object)
            #expect(equal, "\(String(decoding: written, as: UTF8.self))")
        }
    }
}
