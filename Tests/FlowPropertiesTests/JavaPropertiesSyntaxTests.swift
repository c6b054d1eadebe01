import FlowCore
import Testing
@testable import FlowProperties

/// Expected values were checked against `java.util.Properties.load(Reader)` on Java 17 with a
/// throwaway program (`java PropDump t.properties`, printing each key and value).
@Suite("Java .properties syntax")
struct JavaPropertiesSyntaxTests {
    static let sample = #"""
        # comment
        ! bang comment
           # indented comment
        key1=value1
        key2 = value2
        key3:value3
        key4 : value 4 with spaces   
        key5 value5
        key6	tabbed
        key7   =   spaced
        a\=b=escaped equals
        c\:d:escaped colon
        e\ f g
        multi = first \
                second \
            third
        uni=\u0041\u00e9\u2713
        tabs=a\tb\nc\rd\fe
        other=\q\z
        empty=
        emptysep
         leading.ws = x
        comment.cont = x \
        # not a comment
        lit.backslash = a\\
        next = y
        colonval = ::x
        eqval = =x
        key10=a\\\
          b
        emoji=\uD83D\uDE00
        weird:=x
        """#

    struct Case: Sendable, CustomStringConvertible {
        let key: String
        let value: String
        var description: String { key }
    }

    static let cases: [Case] = [
        Case(key: "key1", value: "value1"),
        Case(key: "key2", value: "value2"),
        Case(key: "key3", value: "value3"),
        Case(key: "key4", value: "value 4 with spaces   "),
        Case(key: "key5", value: "value5"),
        Case(key: "key6", value: "tabbed"),
        Case(key: "key7", value: "spaced"),
        Case(key: "a=b", value: "escaped equals"),
        Case(key: "c:d", value: "escaped colon"),
        Case(key: "e f", value: "g"),
        Case(key: "multi", value: "first second third"),
        Case(key: "uni", value: "Aé✓"),
        Case(key: "tabs", value: "a\tb\nc\rd\u{0C}e"),
        Case(key: "other", value: "qz"),
        Case(key: "empty", value: ""),
        Case(key: "emptysep", value: ""),
        Case(key: "leading.ws", value: "x"),
        Case(key: "comment.cont", value: "x # not a comment"),
        Case(key: "lit.backslash", value: "a\\"),
        Case(key: "next", value: "y"),
        Case(key: "colonval", value: "::x"),
        Case(key: "eqval", value: "=x"),
        Case(key: "key10", value: "a\\b"),
        Case(key: "emoji", value: "😀"),
        Case(key: "weird", value: "=x"),
    ]

    @Test("each syntax feature gives Java's key and value", arguments: cases)
    func javaSemantics(_ expected: Case) throws {
        let (file, diagnostics) = PropertiesFile.parseProperties(text: Self.sample, displayName: "app.properties")
        #expect(diagnostics.isEmpty)
        let entry = try #require(file.entry(forKey: expected.key))
        #expect(entry.value == expected.value)
    }

    @Test("comments and blank lines define nothing: exactly Java's keys")
    func onlyJavasKeys() {
        let (file, _) = PropertiesFile.parseProperties(text: Self.sample, displayName: "app.properties")
        #expect(file.entries.map(\.key).sorted() == Self.cases.map(\.key).sorted())
    }

    struct LocationCase: Sendable, CustomStringConvertible {
        let text: String
        let key: String
        let keyAt: (Int, Int)
        let valueAt: (Int, Int)
        var description: String { text }
    }

    static let locationCases: [LocationCase] = [
        LocationCase(text: "a=1", key: "a", keyAt: (1, 1), valueAt: (1, 3)),
        LocationCase(text: "\n\n   spaced.key   =   v", key: "spaced.key", keyAt: (3, 4), valueAt: (3, 21)),
        LocationCase(text: "# c\r\nx: y\r\nz y", key: "z", keyAt: (3, 1), valueAt: (3, 3)),
        LocationCase(text: "old\rmac=1", key: "mac", keyAt: (2, 1), valueAt: (2, 5)),
        LocationCase(text: "é✓=ü", key: "é✓", keyAt: (1, 1), valueAt: (1, 4)),
        LocationCase(text: "\u{FEFF}bom=1", key: "bom", keyAt: (1, 1), valueAt: (1, 5)),
        LocationCase(text: "empty=\nnext=1", key: "empty", keyAt: (1, 1), valueAt: (1, 7)),
        LocationCase(text: "cont = \\\n    later", key: "cont", keyAt: (1, 1), valueAt: (2, 5)),
    ]

    @Test("keys and values keep their line and column", arguments: locationCases)
    func locations(_ expected: LocationCase) throws {
        let (file, diagnostics) = PropertiesFile.parseProperties(text: expected.text, displayName: "p.properties")
        #expect(diagnostics.isEmpty)
        let entry = try #require(file.entry(forKey: expected.key))
        #expect(entry.location == SourceLocation(file: "p.properties", line: expected.keyAt.0, column: expected.keyAt.1))
        #expect(entry.valueLocation == SourceLocation(file: "p.properties", line: expected.valueAt.0, column: expected.valueAt.1))
    }

    @Test("offsets inside a value are located across escapes and continuation lines")
    func valueOffsets() throws {
        let text = "uni=\\u0041x${a}\nmulti = first \\\n        second ${b}"
        let (file, _) = PropertiesFile.parseProperties(text: text, displayName: "p.properties")
        let uni = try #require(file.entry(forKey: "uni"))
        #expect(uni.value == "Ax${a}")
        // `\u0041` is one scalar of the value but six of the source.
        #expect(uni.location(ofValueOffset: 0) == SourceLocation(file: "p.properties", line: 1, column: 5))
        #expect(uni.location(ofValueOffset: 1) == SourceLocation(file: "p.properties", line: 1, column: 11))
        #expect(uni.location(ofValueOffset: 2) == SourceLocation(file: "p.properties", line: 1, column: 12))
        let multi = try #require(file.entry(forKey: "multi"))
        #expect(multi.value == "first second ${b}")
        #expect(multi.location(ofValueOffset: 3) == SourceLocation(file: "p.properties", line: 2, column: 12))
        #expect(multi.location(ofValueOffset: 6) == SourceLocation(file: "p.properties", line: 3, column: 9))
        #expect(multi.location(ofValueOffset: 13) == SourceLocation(file: "p.properties", line: 3, column: 16))
    }

    struct MalformedCase: Sendable, CustomStringConvertible {
        let text: String
        let message: String
        let at: (Int, Int)
        var description: String { text }
    }

    static let malformedCases: [MalformedCase] = [
        MalformedCase(text: "bad=ab\\u12G4", message: #"Malformed \uxxxx encoding: expected 4 hexadecimal digits after '\u'"#, at: (1, 7)),
        MalformedCase(text: "ok=1\nshort=\\u12", message: #"Malformed \uxxxx encoding: expected 4 hexadecimal digits after '\u'"#, at: (2, 7)),
        MalformedCase(text: "k\\uZZZZ=v", message: #"Malformed \uxxxx encoding: expected 4 hexadecimal digits after '\u'"#, at: (1, 2)),
        MalformedCase(
            text: "lone=x\\uD83Dy",
            message: #"Invalid \uD83D escape: a UTF-16 surrogate must be paired (high \uD800-\uDBFF then low \uDC00-\uDFFF)"#,
            at: (1, 7)
        ),
        MalformedCase(
            text: "low=\\uDE00",
            message: #"Invalid \uDE00 escape: a UTF-16 surrogate must be paired (high \uD800-\uDBFF then low \uDC00-\uDFFF)"#,
            at: (1, 5)
        ),
    ]

    @Test("malformed escapes are errors at the backslash", arguments: malformedCases)
    func malformedEscapes(_ expected: MalformedCase) throws {
        let (_, diagnostics) = PropertiesFile.parseProperties(text: expected.text, displayName: "p.properties")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == expected.message)
        #expect(diagnostic.location == SourceLocation(file: "p.properties", line: expected.at.0, column: expected.at.1))
    }

    @Test("every malformed escape of a file is reported, not just the first")
    func allMalformedEscapes() {
        let text = "a=\\uXXXX\nb=fine\nc=\\u00\n"
        let (file, diagnostics) = PropertiesFile.parseProperties(text: text, displayName: "p.properties")
        #expect(diagnostics.map(\.location.line) == [1, 3])
        #expect(file.entry(forKey: "b")?.value == "fine")
    }

    @Test("a key defined twice keeps the last value and warns, naming the earlier line")
    func duplicateKeyWarning() throws {
        let text = "db.host=first\nother=1\n\ndb.host = second\n"
        let (file, diagnostics) = PropertiesFile.parseProperties(text: text, displayName: "dev.properties")
        #expect(file.entry(forKey: "db.host")?.value == "second")
        #expect(file.entries.map(\.key) == ["db.host", "other"])
        let warning = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(warning.description == "dev.properties:4:1: warning: Duplicate key 'db.host' (already defined on line 1); the last definition wins")
    }
}
