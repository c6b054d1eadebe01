import FlowCore
import Testing
@testable import FlowProperties

@Suite("${…} placeholder resolution")
struct PlaceholderResolutionTests {
    static let attribute = FlowCore.SourceLocation(file: "flows/app.xml", line: 12, column: 20)

    static let properties = """
        env=dev
        http.port=8081
        http.host=0.0.0.0
        base.url=http://${http.host}:${http.port}
        api.url=${base.url}/api
        dev.db=dev-database
        prod.db=prod-database
        pointer=http
        literal=\\\\${not.a.placeholder}
        a.b.c=deep
        level=b
        with.colon\\:default=colon key
        unicode=héllo ✓
        """

    static let resolver = PropertyResolver(
        files: [PropertiesFile.parseProperties(text: properties, displayName: "dev.properties").file]
    )

    struct Case: Sendable, CustomStringConvertible {
        let text: String
        let expected: String
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "no placeholder at all", expected: "no placeholder at all"),
        Case(text: "${http.port}", expected: "8081"),
        Case(text: "file.${env}.xml", expected: "file.dev.xml"),
        Case(text: "${http.host}:${http.port}/${env}", expected: "0.0.0.0:8081/dev"),
        Case(text: "${base.url}", expected: "http://0.0.0.0:8081"),
        Case(text: "${api.url}", expected: "http://0.0.0.0:8081/api"),
        Case(text: "${${env}.db}", expected: "dev-database"),
        Case(text: "${${pointer}.port}", expected: "8081"),
        Case(text: "${a.${level}.c}", expected: "deep"),
        Case(text: "\\${http.port}", expected: "${http.port}"),
        Case(text: "cost: \\${http.port} vs ${http.port}", expected: "cost: ${http.port} vs 8081"),
        Case(text: "${literal}", expected: "${not.a.placeholder}"),
        Case(text: "$ and $$ and ${http.port}$", expected: "$ and $$ and 8081$"),
        Case(text: "price $5 {braces}", expected: "price $5 {braces}"),
        Case(text: "a backslash \\ alone", expected: "a backslash \\ alone"),
        Case(text: "${with.colon:default}", expected: "colon key"),
        Case(text: "«${unicode}»", expected: "«héllo ✓»"),
    ]

    @Test("substitution", arguments: cases)
    func substitution(_ testCase: Case) throws {
        let resolved = try Self.resolver.resolve(testCase.text, at: Self.attribute)
        #expect(resolved.value == testCase.expected)
        #expect(!resolved.containsSecret)
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        let text: String
        let errors: [String]
        var description: String { text }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(text: "${missing}", errors: ["flows/app.xml:12:20: error: Couldn't find configuration property value for key ${missing}"]),
        ErrorCase(text: "port=${nope}", errors: ["flows/app.xml:12:25: error: Couldn't find configuration property value for key ${nope}"]),
        ErrorCase(text: "é✓${nope}", errors: ["flows/app.xml:12:22: error: Couldn't find configuration property value for key ${nope}"]),
        ErrorCase(text: "${one}-${http.port}-${two}", errors: [
            "flows/app.xml:12:20: error: Couldn't find configuration property value for key ${one}",
            "flows/app.xml:12:40: error: Couldn't find configuration property value for key ${two}",
        ]),
        ErrorCase(text: "${${env}.cache}", errors: ["flows/app.xml:12:20: error: Couldn't find configuration property value for key ${dev.cache}"]),
        ErrorCase(text: "x ${a.${nothing}}", errors: ["flows/app.xml:12:26: error: Couldn't find configuration property value for key ${nothing}"]),
        ErrorCase(text: "${http.port", errors: ["flows/app.xml:12:20: error: Unterminated property placeholder '${http.port': missing '}'"]),
        ErrorCase(text: "ok ${a.${b}", errors: ["flows/app.xml:12:23: error: Unterminated property placeholder '${a.${b}': missing '}'"]),
        ErrorCase(text: "${secure::http.port}", errors: ["flows/app.xml:12:20: error: Couldn't find configuration property value for key ${secure::http.port}"]),
    ]

    @Test("problems name the key and point at the ${ that asked for it", arguments: errorCases)
    func errors(_ testCase: ErrorCase) {
        #expect(throws: DiagnosticList.self) { try Self.resolver.resolve(testCase.text, at: Self.attribute) }
        do {
            _ = try Self.resolver.resolve(testCase.text, at: Self.attribute)
        } catch {
            #expect(error.diagnostics.map(\.description) == testCase.errors)
        }
    }

    @Test("a missing key inside another property's value is reported where that value is written")
    func missingKeyInsidePropertyValue() {
        let file = PropertiesFile.parseProperties(text: "url=\\u0068ttp://${host}:${port}\nport=1\n", displayName: "dev.properties").file
        let resolver = PropertyResolver(files: [file])
        do {
            _ = try resolver.resolve("${url}", at: Self.attribute)
            Issue.record("expected a missing-key error")
        } catch {
            // `\u0068` takes six columns of the file but one scalar of the value.
            #expect(error.diagnostics.map(\.description) == [
                "dev.properties:1:17: error: Couldn't find configuration property value for key ${host}",
            ])
        }
    }

    @Test("the same problem reached twice in one value is reported once")
    func duplicateProblemsReportedOnce() {
        let file = PropertiesFile.parseProperties(text: "a=${gone}\n", displayName: "dev.properties").file
        let resolver = PropertyResolver(files: [file])
        do {
            _ = try resolver.resolve("${a}/${a}", at: Self.attribute)
            Issue.record("expected a missing-key error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "dev.properties:1:3: error: Couldn't find configuration property value for key ${gone}",
            ])
        }
    }

    @Test("a missing key inside a -D value is reported at the attribute that brought it in")
    func missingKeyInsideCommandLineValue() {
        let resolver = PropertyResolver(commandLine: [("url", "http://${host}")])
        do {
            _ = try resolver.resolve("to ${url}", at: Self.attribute)
            Issue.record("expected a missing-key error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "flows/app.xml:12:23: error: Couldn't find configuration property value for key ${host}",
            ])
        }
    }

    struct CycleCase: Sendable, CustomStringConvertible {
        let properties: String
        let text: String
        let message: String
        var description: String { message }
    }

    @Test("cycles are detected and spelled out", arguments: [
        CycleCase(properties: "a=${a}", text: "${a}", message: "Circular property reference: a -> a"),
        CycleCase(properties: "a=${b}\nb=${a}", text: "${a}", message: "Circular property reference: a -> b -> a"),
        CycleCase(properties: "a=x${b}\nb=${c}y\nc=${b}", text: "${a}", message: "Circular property reference: b -> c -> b"),
        CycleCase(properties: "k=${${k}}", text: "${k}", message: "Circular property reference: k -> k"),
    ])
    func cycles(_ testCase: CycleCase) {
        let file = PropertiesFile.parseProperties(text: testCase.properties, displayName: "loop.properties").file
        let resolver = PropertyResolver(files: [file])
        do {
            _ = try resolver.resolve(testCase.text, at: Self.attribute)
            Issue.record("expected a cycle error")
        } catch {
            #expect(error.diagnostics.map(\.message) == [testCase.message])
            #expect(error.diagnostics.first?.location.file == "loop.properties")
        }
        let key = String(testCase.text.dropFirst(2).dropLast())
        #expect(resolver.value(forKey: key) == nil)
    }

    @Test("a long chain of references is refused before it exhausts the stack")
    func deepChain() {
        let text = (0..<200).map { "k\($0)=${k\($0 + 1)}" }.joined(separator: "\n") + "\nk200=end"
        let resolver = PropertyResolver(files: [PropertiesFile.parseProperties(text: text, displayName: "chain.properties").file])
        do {
            _ = try resolver.resolve("${k0}", at: Self.attribute)
            Issue.record("expected a depth error")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["Property placeholders are nested or chained more than 64 levels deep"])
        }
        #expect(resolver.value(forKey: "k190") == "end")
    }

    @Test("value(forKey:) resolves the property's own placeholders and answers nil for unknown keys")
    func valueForKey() {
        #expect(Self.resolver.value(forKey: "api.url") == "http://0.0.0.0:8081/api")
        #expect(Self.resolver.value(forKey: "literal") == "${not.a.placeholder}")
        #expect(Self.resolver.value(forKey: "unknown") == nil)
        let broken = PropertyResolver(files: [PropertiesFile.parseProperties(text: "a=${zzz}", displayName: "x.properties").file])
        #expect(broken.value(forKey: "a") == nil)
    }
}
