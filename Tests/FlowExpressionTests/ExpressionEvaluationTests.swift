import Foundation
import FlowCore
import FlowExpression
import Testing

@Suite struct ExpressionEvaluationTests {
    static let selectors: [(String, Value)] = [
        ("payload.company_id", .int(562_949_953_437_078)),
        ("payload.nested.a.b.c.d.e", "deep"),
        ("payload.missing", nil),
        ("payload.missing.deeper.still", nil),
        ("payload.nothing.x", nil),
        ("payload.\"a-b\"", "dashed"),
        ("payload.'a-b'", "dashed"),
        ("payload['a-b']", "dashed"),
        ("payload[vars.key]", "Tower"),
        ("payload[(vars.key)]", "Tower"),
        ("payload.tags[0]", "a"),
        ("payload.tags[-1]", "c"),
        ("payload.tags[-3]", "a"),
        ("payload.tags[3]", nil),
        ("payload.tags[-4]", nil),
        ("payload.tags[vars.limit - 1]", "b"),
        ("payload.tags[0 to 1]", ["a", "b"]),
        ("payload.tags[-1 to 0]", ["c", "b", "a"]),
        ("payload.name[0]", "T"),
        ("payload.name[1 to 3]", "owe"),
        ("payload.items.name", ["bolt", "nut"]),
        ("payload.items.id", [1, 2, 3]),
        ("payload.items[1].name", "nut"),
        ("payload.items[-1].name", nil),
        ("[[{a: 1}], [{a: 2}, {b: 3}]].a", [1, 2]),
        ("payload.items.missing", []),
        ("attributes.queryParams.notify", "a"),
        ("attributes.queryParams.*notify", ["a", "b"]),
        ("attributes.queryParams.*absent", nil),
        ("payload.items.*name", ["bolt", "nut"]),
        ("payload..e", ["deep"]),
        ("payload..name", ["Tower", "bolt", "nut"]),
        ("payload..zzz", []),
        ("payload.name?", true),
        ("payload.nothing?", true),
        ("payload.missing?", false),
        ("payload.nested.a?", true),
        ("payload.items.name?", true),
        ("payload.tags[5]?", false),
        ("payload.items[?($.qty == 10)].id", [1, 3]),
        ("payload.items[?($$ > 0)].id", [2, 3]),
        ("null.a", nil),
        ("null[0]", nil),
        ("{a: 1}[0]", 1),
        ("payload.tags[1.0]", "b"),
    ]

    static let context: [(String, Value)] = [
        ("vars.key", "name"),
        ("vars.missing", nil),
        ("attributes.method", "GET"),
        ("correlationId", "corr-1"),
        ("flow.name", "create-project"),
        ("app.name", "procore-app"),
        ("message.attributes.method", "GET"),
        ("error.description", "Not found"),
        ("error.detailedDescription", "Not found"),
        ("error.errorType.namespace", "PROCORE"),
        ("error.errorType.identifier", "NOT_FOUND"),
        ("error.errorMessage.payload.message", "missing"),
        ("error.errorMessage.attributes.statusCode", 404),
        ("error.errorType as String", "PROCORE:NOT_FOUND"),
        ("\"type $(error.errorType)\"", "type PROCORE:NOT_FOUND"),
        ("p('procore.company')", "562949953437078"),
        ("Mule::p('http.port')", "8081"),
        ("p('missing')", nil),
        ("p('procore.' ++ 'company') as Number", .int(562_949_953_437_078)),
    ]

    static let literals: [(String, Value)] = [
        ("42", 42),
        ("-7", -7),
        ("-9223372036854775808", .int(Int64.min)),
        ("9223372036854775808", dec("9223372036854775808")),
        ("1.5", dec("1.5")),
        ("1e3", dec("1000")),
        ("true", true),
        ("false", false),
        ("null", nil),
        ("'single'", "single"),
        ("\"double\"", "double"),
        (#""esc \"q\" \\ \n \t \u00e9 \$ \'""#, "esc \"q\" \\ \n \t é $ '"),
        ("\"Hi $(payload.name)!\"", "Hi Tower!"),
        ("'n=$(payload.count + 1), $(payload.missing), $(payload.tags)'", #"n=4, null, ["a","b","c"]"#),
        ("\"$(\"nested $(payload.name)\")\"", "nested Tower"),
        ("\"cost: $\"", "cost: $"),
        ("[]", []),
        ("[1, 'two', null, [true]]", [1, "two", nil, [true]]),
        ("{}", [:]),
        ("{a: 1, \"b-c\": payload.name, 'd': null}", ["a": 1, "b-c": "Tower", "d": nil]),
        ("{(vars.key): 2, ('k' ++ '2'): 3}", ["name": 2, "k2": 3]),
        ("{\"id-$(payload.count)\": true}", ["id-3": true]),
        ("{map: 1, default: 2, if: 3}", ["map": 1, "default": 2, "if": 3]),
        ("{a: 1, ({b: 2, c: 3}), ([{d: 4}])}", ["a": 1, "b": 2, "c": 3, "d": 4]),
        ("output application/json --- payload.count", 3),
        ("%dw 2.0\noutput application/json\n---\n{n: payload.name}", ["n": "Tower"]),
        ("payload.count // a comment", 3),
        ("/* block */ payload.count", 3),
    ]

    static let operators: [(String, Value)] = [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),
        ("7 / 2", dec("3.5")),
        ("8 / 2", 4),
        ("1 / 3 * 3 == 1", false),
        ("payload.price * 2", dec("5")),
        ("payload.price + 1", dec("3.5")),
        ("9223372036854775807 + 1", dec("9223372036854775808")),
        ("-9223372036854775807 - 10", dec("-9223372036854775817")),
        ("4611686018427387904 * 4", dec("18446744073709551616")),
        ("-(payload.count)", -3),
        ("- payload.price", dec("-2.5")),
        ("payload.numeric + 1", 43),
        ("[1, 2] + 3", [1, 2, 3]),
        ("[1, 2, 1] - 1", [2]),
        ("{a: 1, b: 2} - 'a'", ["b": 2]),
        ("'a' ++ 'b' ++ 'c'", "abc"),
        ("'n' ++ 1", "n1"),
        ("[1] ++ [2, 3]", [1, 2, 3]),
        ("{a: 1} ++ {b: 2}", ["a": 1, "b": 2]),
        ("'a' ++ 'b' == 'ab'", true),
        ("1 + 1 == 2", true),
        ("1 == 1.0", true),
        ("'1' == 1", false),
        ("'1' ~= 1", true),
        ("'true' ~= true", true),
        ("'true' == true", false),
        ("payload.missing == null", true),
        ("payload.missing == 1", false),
        ("payload.missing != 1", true),
        ("null == null", true),
        ("{a: 1, b: 2} == {b: 2, a: 1}", true),
        ("[1, 2] == [1, 2]", true),
        ("[1, 2] == [2, 1]", false),
        ("1 < 2", true),
        ("2 <= 2", true),
        ("3 > 2.5", true),
        ("2 >= 3", false),
        ("'abc' < 'abd'", true),
        ("'10' > 9", false),
        ("10 > '9'", true),
        ("false < true", true),
        ("true and false", false),
        ("true or false", true),
        ("false and payload.missing", false),
        ("true or payload.missing", true),
        ("not true", false),
        ("not 1 == 2", true),
        ("!true", false),
        ("!false and false", false),
        ("not false and false", false),
        ("1 < 2 and 2 < 3", true),
        ("false or true and false", false),
        ("payload.missing default 'x'", "x"),
        ("payload.name default 'x'", "Tower"),
        ("payload.nothing default payload.missing default 3", 3),
        ("payload.flag default false", true),
        ("[] default 1", []),
        ("if (payload.count > 2) 'big' else 'small'", "big"),
        ("if (false) 1 else if (true) 2 else 3", 2),
        ("1 + (if (true) 1 else 2)", 2),
        ("if ('true') 1 else 2", 1),
        ("'1000000' as Number", .int(1_000_000)),
        ("'37.7749' as Number", dec("37.7749")),
        ("'-124.5924746' as Number", dec("-124.5924746")),
        ("'12345678901234567890' as Number", dec("12345678901234567890")),
        ("'+7' as Number", 7),
        ("'+2.50' as Number", dec("2.50")),
        ("'+12345678901234567890' as Number", dec("12345678901234567890")),
        ("42 as String", "42"),
        ("payload.price as String", "2.5"),
        ("1000000.5 as String", "1000000.5"),
        ("true as String", "true"),
        ("'TRUE' as Boolean", true),
        ("'false' as Boolean", false),
        ("payload.tags as Array", ["a", "b", "c"]),
        ("-1 as String", "-1"),
        ("2 * 3 as String", 6),
        ("payload.name is String", true),
        ("payload.count is Number", true),
        ("payload.price is Number", true),
        ("payload.missing is Null", true),
        ("payload is Object", true),
        ("payload.tags is Array", true),
        ("payload.flag is Boolean", true),
        ("payload.name is Number", false),
        ("1 + 1 is Number", true),
    ]

    static let functions: [(String, Value)] = [
        ("sizeOf(payload.tags)", 3),
        ("sizeOf(payload)", 12),
        ("sizeOf('héllo')", 5),
        ("sizeOf(null)", nil),
        ("isEmpty([])", true),
        ("isEmpty('')", true),
        ("isEmpty({})", true),
        ("isEmpty(null)", true),
        ("isEmpty(payload.tags)", false),
        ("isBlank('  ')", true),
        ("upper(payload.name)", "TOWER"),
        ("lower('ÀB')", "àb"),
        ("upper(null)", nil),
        ("upper(12)", "12"),
        ("trim(payload.text)", "Hello World"),
        ("trim(null)", nil),
        ("contains(payload.name, 'ow')", true),
        ("payload.name contains 'x'", false),
        ("payload.tags contains 'b'", true),
        ("[1, 2] contains 2.0", true),
        ("contains(null, 'a')", false),
        ("startsWith(payload.name, 'To')", true),
        ("payload.name endsWith 'er'", true),
        ("payload.missing startsWith 'x'", false),
        ("'a,b,,c' splitBy ','", ["a", "b", "", "c"]),
        ("splitBy('abc', '')", ["a", "b", "c"]),
        ("'' splitBy ','", []),
        ("payload.tags joinBy '-'", "a-b-c"),
        ("joinBy([1, 2.5, true], ', ')", "1, 2.5, true"),
        ("'a-b-a' replace 'a' with 'x'", "x-b-x"),
        ("replace('2025-01-01', '-') with '/'", "2025/01/01"),
        ("abs(-5)", 5),
        ("abs(-2.5)", dec("2.5")),
        ("round(2.5)", 3),
        ("round(-2.5)", -3),
        ("round(2.4)", 2),
        ("floor(-1.2)", -2),
        ("ceil(1.2)", 2),
        ("floor(7)", 7),
        ("max([3, 9.5, 1])", dec("9.5")),
        ("min(vars.list)", 1),
        ("max([])", nil),
        ("max(['b', 'a'])", "b"),
        ("sum([1, 2, 3.5])", dec("6.5")),
        ("keysOf({a: 1, b: 2})", ["a", "b"]),
        ("valuesOf({a: 1, b: 2})", [1, 2]),
        ("keysOf(null)", nil),
        ("typeOf(payload.name)", "String"),
        ("typeOf(1.5)", "Number"),
        ("typeOf(null)", "Null"),
        ("typeOf(payload.tags)", "Array"),
        ("sizeOf(uuid())", 36),
        ("uuid() == uuid()", false),
        ("now() is DateTime", true),
    ]

    static let higherOrder: [(String, Value)] = [
        ("payload.items map $.id", [1, 2, 3]),
        ("payload.items map $$", [0, 1, 2]),
        ("payload.items map ((item, index) -> item.qty * index)", [0, 5, 20]),
        ("payload.items map (item) -> item.name default 'none'", ["bolt", "nut", "none"]),
        ("payload.items map { id: $.id, n: $$ }", [["id": 1, "n": 0], ["id": 2, "n": 1], ["id": 3, "n": 2]]),
        ("map(payload.tags, (t) -> upper(t))", ["A", "B", "C"]),
        ("payload.missing map $.id", nil),
        ("[] map $", []),
        ("payload.items filter $.qty == 10 map $.id", [1, 3]),
        ("payload.items filter ((item, i) -> i > 0) map $.id", [2, 3]),
        ("vars.list reduce $$ + $", 6),
        ("vars.list reduce ((item, acc = 10) -> acc + item)", 16),
        ("payload.tags reduce ((t, acc = '') -> acc ++ t)", "abc"),
        ("[] reduce $$ + $", nil),
        ("[] reduce ((item, acc = 0) -> acc + item)", 0),
        ("vars.list orderBy $", [1, 2, 3]),
        ("vars.list orderBy -$", [3, 2, 1]),
        ("payload.items orderBy $.qty map $.id", [2, 1, 3]),
        ("payload.tags orderBy ((t, i) -> -i)", ["c", "b", "a"]),
        ("payload.items groupBy $.qty", ["10": [["id": 1, "name": "bolt", "qty": 10], ["id": 3, "qty": 10]], "5": [["id": 2, "name": "nut", "qty": 5]]]),
        ("[1, 2, 1, 3, 2] distinctBy $", [1, 2, 3]),
        ("payload.items distinctBy $.qty map $.id", [1, 2]),
        ("[[1, 2], [3]] map ($ map $ * 10)", [[10, 20], [30]]),
        ("[[1, 2], [3]] map ((row, r) -> row map ((cell) -> r ++ ':' ++ cell))", [["0:1", "0:2"], ["1:3"]]),
        ("payload.items map \"$($.id)-$(upper($.name default 'x'))\"", ["1-BOLT", "2-NUT", "3-X"]),
    ]

    @Test(arguments: selectors)
    func selector(source: String, expected: Value) throws {
        #expect(try Fixtures.evaluate(source) == expected)
    }

    @Test(arguments: context)
    func contextName(source: String, expected: Value) throws {
        #expect(try Fixtures.evaluate(source) == expected)
    }

    @Test(arguments: literals)
    func literal(source: String, expected: Value) throws {
        #expect(try Fixtures.evaluate(source) == expected)
    }

    @Test(arguments: operators)
    func `operator`(source: String, expected: Value) throws {
        #expect(try Fixtures.evaluate(source) == expected)
    }

    @Test(arguments: functions)
    func function(source: String, expected: Value) throws {
        #expect(try Fixtures.evaluate(source) == expected)
    }

    @Test(arguments: higherOrder)
    func higherOrderFunction(source: String, expected: Value) throws {
        #expect(try Fixtures.evaluate(source) == expected)
    }

    @Test func errorIsNullOutsideErrorHandlers() throws {
        let context = EvaluationContext(payload: ["a": 1])
        #expect(try Fixtures.evaluate("error", in: context) == .null)
        #expect(try Fixtures.evaluate("error.description", in: context) == .null)
        #expect(try Fixtures.evaluate("error.description default 'none'", in: context) == "none")
    }

    @Test func compiledOnceEvaluatedManyTimes() throws {
        let expression = try ExpressionCompiler.compile("payload.items map ($.id * vars.limit)", at: Fixtures.location)
        for limit in 1...3 {
            var context = Fixtures.context
            context.vars["limit"] = .int(Int64(limit))
            #expect(try expression.evaluate(context) == .array([1, 2, 3].map { .int(Int64($0 * limit)) }))
        }
        #expect(expression.source == "payload.items map ($.id * vars.limit)")
        #expect(expression.location == Fixtures.location)
    }

    @Test func constantsAreReported() throws {
        #expect(try ExpressionCompiler.compile("'text'", at: Fixtures.location).constantValue == "text")
        #expect(try ExpressionCompiler.compile("payload", at: Fixtures.location).constantValue == nil)
    }
}
