import FlowCore
import Testing

@testable import FlowXML

/// Builds random well-formed documents while recording where it writes every element, attribute
/// and first text character, then checks the parser finds exactly those positions.
@Suite("Generated documents")
struct GeneratedDocumentTests {
    /// A document under construction that knows its current line and column.
    struct Writer {
        var text = ""
        var line = 1
        var column = 1

        mutating func write(_ piece: String) {
            for scalar in piece.unicodeScalars {
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            text += piece
        }

        var position: String { "\(line):\(column)" }
    }

    /// What the generator put where, in document order.
    struct Expected: Equatable {
        var name: String
        var location: String
        var attributes: [String]
        var text: String
        var textLocation: String?
    }

    struct Generator {
        var random: SplitMix64
        var writer = Writer()
        var expected: [Expected] = []

        mutating func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }

        mutating func space() -> String { pick([" ", "  ", "\n", "\n    ", "\t", " \n\t"]) }

        mutating func element(depth: Int) {
            let name = pick(["flow", "logger", "é-x", "set-payload", "p:thing", "choice"])
            let index = expected.count
            expected.append(Expected(name: name, location: writer.position, attributes: [], text: "", textLocation: nil))
            writer.write("<" + name)
            if depth == 0 {
                writer.write(" xmlns:p=\"urn:p\"\n xmlns:doc=\"http://www.mulesoft.org/schema/mule/documentation\"")
            } else if name == "p:thing" {
                writer.write(" xmlns:p='urn:p'")
            }
            var used: Set<String> = []
            for _ in 0..<Int(random.next() % 4) {
                let attribute = pick(["name", "value", "doc:name", "p:a", "message", "ü"])
                guard used.insert(attribute).inserted else { continue }
                writer.write(space())
                let nameAt = writer.position
                writer.write(attribute + pick(["=", " = ", "=\n"]))
                let quote = pick(["\"", "'"])
                writer.write(quote)
                let valueAt = writer.position
                writer.write(pick(["", "x", "#[payload > 1]", "日本語 ${k}", "a&amp;b"]) + quote)
                if !attribute.hasPrefix("doc:") {
                    expected[index].attributes.append("\(attribute)@\(nameAt)/\(valueAt)")
                }
            }
            if depth > 0, random.next() % 3 == 0 {
                writer.write(pick(["/>", " />", "\n/>"]))
                return
            }
            writer.write(pick([">", "\n>"]))
            let contentCount = depth == 0 ? 4 + Int(random.next() % 6) : depth < 4 ? Int(random.next() % 5) : 0
            for _ in 0..<contentCount {
                switch random.next() % 5 {
                case 0: element(depth: depth + 1)
                case 1: writer.write(pick(["<!-- <no/> -->", "<?pi <no/>?>"]))
                case 2:
                    writer.write("<![CDATA[")
                    text(" <cdata> ", into: index)
                    writer.write("]]>")
                default: text(pick(["\n  ", "héllo", " ${x} ", "\n\t日本\n"]), into: index)
                }
            }
            if depth == 0 { element(depth: 1) }
            writer.write("</\(name)>")
        }

        mutating func text(_ piece: String, into index: Int) {
            if expected[index].textLocation == nil { expected[index].textLocation = writer.position }
            expected[index].text += piece
            writer.write(piece)
        }
    }

    static func actual(_ element: XMLElement) -> [Expected] {
        [Expected(
            name: element.qualifiedName, location: position(element.location)!,
            attributes: element.attributes.map {
                "\($0.qualifiedName)@\(position($0.location)!)/\(position($0.valueLocation)!)"
            },
            text: element.text, textLocation: position(element.textLocation))]
            + element.children.flatMap(actual)
    }

    @Test("every position matches where the generator wrote it", arguments: 0..<200)
    func generated(seed: UInt64) throws {
        var generator = Generator(random: SplitMix64(seed: seed))
        generator.writer.write(generator.pick(["", "<?xml version=\"1.0\"?>\n", "<!-- ü -->\n", "\u{FEFF}"]))
        if generator.writer.text == "\u{FEFF}" { generator.writer = Writer(text: "\u{FEFF}", line: 1, column: 1) }
        generator.element(depth: 0)
        let root = try parse(generator.writer.text)
        #expect(generator.expected.count > 1)
        #expect(Self.actual(root) == generator.expected, "\(generator.writer.text)")
    }
}
