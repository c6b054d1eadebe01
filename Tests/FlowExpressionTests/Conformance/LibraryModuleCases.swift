import Testing

/// `dw::core::Binaries`, `dw::core::Numbers`, `dw::Crypto`, `dw::core::URL`, `dw::core::Dates` and
/// `dw::util::Coercions`, each case restating an example of the function's page
/// (docs.mulesoft.com/dataweave/latest/dw-binaries-functions-<name>, dw-numbers-functions-<name>, dw-crypto-functions-<name>,
/// dw-url-functions-<name>, dw-dates-functions-<name>, dw-coercions-functions-<name>) in our own
/// words. Digests the pages show only for algorithms Conduit lacks (MD2) are checked against
/// the algorithms' own test values instead (RFC 1321, RFC 3174, FIPS 180-4, RFC 2104).
@Suite struct LibraryModuleCases {
    static func header(_ module: String, output: String = "application/json indent=false") -> String {
        "%dw 2.0\nimport * from \(module)\noutput \(output)\n---\n"
    }
    static let binaries = header("dw::core::Binaries")
    static let numbers = header("dw::core::Numbers")
    /// Both modules with a `fromHex` and a `toHex`.
    static let bothHex = "%dw 2.0\nimport * from dw::core::Numbers\nimport * from dw::core::Binaries\noutput application/json indent=false\n---\n"
    static let url = header("dw::core::URL")
    static let dates = header("dw::core::Dates")
    static let coercions = header("dw::util::Coercions")
    static let crypto = "%dw 2.0\nimport dw::Crypto\noutput application/json indent=false\n---\n"

    static let cases: [ScriptCase] = [
        // dw-binaries-functions-tohex, fromhex, tobase64, frombase64
        ScriptCase(binaries + #"{ binaryToHex: toHex("Mule" as Binary) }"#, #"{"binaryToHex": "4D756C65"}"#),
        ScriptCase(header("dw::core::Binaries", output: "text/plain") + #"write({ "hexToBinary": fromHex("4D756C65") })"#,
                   "{\n  hexToBinary: \"TXVsZQ==\" as Binary {base: \"64\"}\n}"),
        ScriptCase(binaries + #"[toBase64("Mule" as Binary), fromBase64("TXVsZQ==") as String, typeOf(fromBase64("TXVsZQ=="))]"#,
                   #"["TXVsZQ==","Mule","Binary"]"#),
        // A Binary is written to JSON as its text.
        ScriptCase(binaries + #"{ "BinaryFromBase64": fromBase64("TXVsZQ==") }"#, #"{"BinaryFromBase64": "Mule"}"#),
        ScriptCase(header("dw::core::Binaries", output: "text/plain") + #"write("CAFE" as Binary {base: "16"} concatWith "ABCD" as Binary {base: "16"})"#,
                   #""yv6rzQ==" as Binary {base: "64"}"#),
        ScriptCase(binaries + #"[null concatWith ("a" as Binary), ("a" as Binary) concatWith null] map ($ as String)"#, #"["a","a"]"#),
        // dw-binaries-functions-readlineswith, writelineswith
        ScriptCase(binaries + #"{ lines: ("Line 1\nLine 2\nLine 3\n" as Binary) readLinesWith "UTF-8" }"#, #"{"lines": ["Line 1","Line 2","Line 3"]}"#),
        ScriptCase(binaries + #"{ lines: [1, 2, 3] map "Line $" writeLinesWith "UTF-8" }"#, #"{"lines": "Line 1\nLine 2\nLine 3\n"}"#),
        // dw-numbers-functions-fromhex, tohex, frombinary, tobinary, fromradixnumber, toradixnumber:
        // whole numbers of any length, exactly.
        ScriptCase(numbers + #"{ a: fromHex("-1"), b: fromHex("3e3aeb4ae1383562f4b82261d969f7ac94ca4000000000000000"), c: fromHex(0), d: fromHex(null), e: fromHex("f") }"#,
                   #"{"a": -1,"b": 100000000000000000000000000000000000000000000000000000000000000,"c": 0,"d": null,"e": 15}"#),
        ScriptCase(numbers + #"{ a: toHex(-1), b: toHex(100000000000000000000000000000000000000000000000000000000000000), c: toHex(0), d: toHex(null), e: toHex(15) }"#,
                   #"{"a": "-1","b": "3e3aeb4ae1383562f4b82261d969f7ac94ca4000000000000000","c": "0","d": null,"e": "f"}"#),
        ScriptCase(numbers + #"{ a: fromBinary("-10"), b: fromBinary("11111111"), c: fromBinary(null), d: toBinary(-2), e: toBinary(255), f: toBinary(0) }"#,
                   #"{"a": -2,"b": 255,"c": null,"d": "-10","e": "11111111","f": "0"}"#),
        ScriptCase(numbers + #"{ a: fromRadixNumber("10", 2), b: fromRadixNumber("FF", 16), c: toRadixNumber(2, 2), d: toRadixNumber(255, 16), e: toRadixNumber(35, 36) }"#,
                   #"{"a": 2,"b": 255,"c": "10","d": "ff","e": "z"}"#),
        ScriptCase(numbers + #"[toHex(fromHex("7fffffffffffffff") + 1), "ff" fromRadixNumber 16, 255 toRadixNumber 2]"#, #"["8000000000000000",255,"11111111"]"#),
        // Both modules imported: each one's function by its module; a name imported on its own wins.
        ScriptCase(bothHex + #"[Numbers::toHex(255), Binaries::toHex("Mule" as Binary), Numbers::fromHex("ff")]"#, #"["ff","4D756C65",255]"#),
        ScriptCase("%dw 2.0\nimport * from dw::core::Binaries\nimport toHex from dw::core::Numbers\noutput application/json indent=false\n---\n[toHex(255), toBase64(\"Mule\" as Binary)]",
                   #"["ff","TXVsZQ=="]"#),
        // dw-crypto-functions-md5, sha1, hmacwith, hashwith
        ScriptCase(crypto + #"{ md5: Crypto::MD5("asd" as Binary) }"#, #"{"md5": "7815696ecbf1c96e6894b779456d330e"}"#),
        ScriptCase(crypto + #"{ sha1: Crypto::SHA1("dsasd" as Binary) }"#, #"{"sha1": "2fa183839c954e6366c206367c9be5864e4f4a65"}"#),
        ScriptCase(crypto + #"{ HMACWith: Crypto::HMACWith("secret_key" as Binary, "Some value to hash" as Binary, "HmacSHA256") }"#,
                   #"{"HMACWith": "b51b4fe8c4e37304605753272b5b4321f9644a9b09cb1179d7016c25041d1747"}"#),
        ScriptCase(crypto + #"Crypto::HMACWith("key" as Binary, "The quick brown fox jumps over the lazy dog" as Binary)"#,
                   #""de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9""#),
        ScriptCase("%dw 2.0\nimport dw::Crypto\nimport * from dw::core::Binaries\noutput application/json indent=false\n---\n"
                   + #"[toHex(Crypto::hashWith("hello" as Binary, "SHA-256")), toBase64(Crypto::hashWith(payload as Binary, "MD5")), typeOf(Crypto::hashWith("x" as Binary))]"#,
                   payload: #""hello""#, #"["2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824","XUFAKrxLKna5cZ2REBfFkg==","Binary"]"#),
        // dw-url-functions-encodeuri, encodeuricomponent, decodeuri, decodeuricomponent
        ScriptCase(url + #"{ not_encoded: encodeURI("http://:;,/?:@&=\$_-_.!~*'()") }"#, #"{"not_encoded": "http://:;,/?:@&=$_-_.!~*'()"}"#),
        ScriptCase(url + #"[encodeURI(" PATH/ TO /ENCODE "), encodeURIComponent(";,/?:@&="), encodeURI(";,/?:@&="), encodeURIComponent("-_.!~*'()")]"#,
                   #"["%20PATH/%20TO%20/ENCODE%20","%3B%2C%2F%3F%3A%40%26%3D",";,/?:@&=","-_.!~*'()"]"#),
        ScriptCase(url + #"encodeURIComponent("café & crème")"#, #""caf%C3%A9%20%26%20cr%C3%A8me""#),
        ScriptCase(url + #"{ decodeURI: decodeURI('http://asd/%20text%20to%20decode%20/text') }"#, #"{"decodeURI": "http://asd/ text to decode /text"}"#),
        ScriptCase(url + #"[decodeURIComponent("%20PATH/%20TO%20/DECODE%20"), decodeURIComponent("%3B%2C%2F%3F%3A%40%26%3D"), decodeURIComponent("%2D%5F%2E%21%7E%2A%27%28%29%24")]"#,
                   #"[" PATH/ TO /DECODE ",";,/?:@&=","-_.!~*'()$"]"#),
        ScriptCase(url + #"decodeURI("a%2Fb%20c")"#, #""a%2Fb c""#),
        // dw-url-functions-parseuri, compose
        ScriptCase(url + #"parseURI('https://en.wikipedia.org/wiki/Uniform_Resource_Identifier#footer')"#,
                   #"{"isValid": true,"raw": "https://en.wikipedia.org/wiki/Uniform_Resource_Identifier#footer","host": "en.wikipedia.org","authority": "en.wikipedia.org","fragment": "footer","path": "/wiki/Uniform_Resource_Identifier","scheme": "https","isAbsolute": true,"isOpaque": false}"#),
        ScriptCase(url + #"{ encodedURL: compose(["http://examplewebsite.com/", "/page.html"], ["content folder"]) }"#,
                   #"{"encodedURL": "http://examplewebsite.com/content%20folder/page.html"}"#),
        // dw-dates-functions-atbeginningof…
        ScriptCase(dates + "[atBeginningOfDay(|2020-10-06T18:23:20.351-03:00|), atBeginningOfDay(|2020-10-06T18:23:20.351|)]",
                   #"["2020-10-06T00:00:00-03:00","2020-10-06T00:00:00"]"#),
        ScriptCase(dates + "[atBeginningOfHour(|2020-10-06T18:23:20.351-03:00|), atBeginningOfHour(|2020-10-06T18:23:20.351|), atBeginningOfHour(|18:23:20.351|), atBeginningOfHour(|18:23:20.351-03:00|)]",
                   #"["2020-10-06T18:00:00-03:00","2020-10-06T18:00:00","18:00:00","18:00:00-03:00"]"#),
        ScriptCase(dates + "[atBeginningOfMonth(|2020-10-06T18:23:20.351-03:00|), atBeginningOfMonth(|2020-10-06T18:23:20.351|), atBeginningOfMonth(|2020-10-06|)]",
                   #"["2020-10-01T00:00:00-03:00","2020-10-01T00:00:00","2020-10-01"]"#),
        ScriptCase(dates + "[atBeginningOfWeek(|2020-10-06T18:23:20.351-03:00|), atBeginningOfWeek(|2020-10-06T18:23:20.351|), atBeginningOfWeek(|2020-10-06|), atBeginningOfWeek(|2020-10-04|)]",
                   #"["2020-10-04T00:00:00-03:00","2020-10-04T00:00:00","2020-10-04","2020-10-04"]"#),
        ScriptCase(dates + "[atBeginningOfYear(|2020-10-06T18:23:20.351-03:00|), atBeginningOfYear(|2020-10-06T18:23:20.351|), atBeginningOfYear(|2020-10-06|)]",
                   #"["2020-01-01T00:00:00-03:00","2020-01-01T00:00:00","2020-01-01"]"#),
        // dw-dates-functions-date, datetime, localdatetime, localtime, time
        ScriptCase(dates + "{ newDate: date({year: 2012, month: 10, day: 11}) }", #"{"newDate": "2012-10-11"}"#),
        ScriptCase(dates + "{ newDateTime: dateTime({year: 2012, month: 10, day: 11, hour: 12, minutes: 30, seconds: 40, timeZone: |-03:00|}) }",
                   #"{"newDateTime": "2012-10-11T12:30:40-03:00"}"#),
        ScriptCase(dates + "{ newLocalDateTime: localDateTime({year: 2012, month: 10, day: 11, hour: 12, minutes: 30, seconds: 40}) }",
                   #"{"newLocalDateTime": "2012-10-11T12:30:40"}"#),
        ScriptCase(dates + "[localTime({hour: 12, minutes: 30, seconds: 40}), time({hour: 12, minutes: 30, seconds: 40.5, timeZone: |-03:00|})]",
                   #"["12:30:40","12:30:40.500-03:00"]"#),
        ScriptCase(dates + "[today() is Date, today() - yesterday(), tomorrow() - today()]", #"[true,"P1D","P1D"]"#),
        // dw-coercions-functions-toboolean, tonumber, todate, tostring
        ScriptCase(coercions + #"{ a: toBoolean("true"), b: toBoolean("false"), c: toBoolean("FALSE"), d: toBoolean("TrUe") }"#,
                   #"{"a": true,"b": false,"c": false,"d": true}"#),
        ScriptCase(coercions + #"[toNumber("1.5"), toDate("10/06/2020", "MM/dd/yyyy"), toString(1.5), toArray("ab")]"#, #"[1.5,"2020-10-06","1.5",["a","b"]]"#),
    ]

    @Test(arguments: cases)
    func scriptWritesDocumentedOutput(_ scriptCase: ScriptCase) throws {
        let written = try scriptCase.run()
        #expect(written == scriptCase.expected)
    }

    @Test("mistakes name what is wrong", arguments: [
        (crypto + #"Crypto::hashWith("hello" as Binary, "MD2")"#, "Unsupported hash algorithm 'MD2': use MD5, SHA-1, SHA-256, SHA-384 or SHA-512"),
        (binaries + #"fromBase64("not base64!")"#, #"Cannot read String ("not base64!") as Base64"#),
        (binaries + "toHex(1)", "You called the function 'toHex' with these arguments: 1: Number (1)"),
        (dates + "date({year: 2021, month: 2, day: 29})", "Invalid date for 'date': 2021-2-29 does not exist"),
        (dates + "date({year: 2021, month: 13, day: 1})", "Invalid 'month' for 'date': Number (13), expected a whole Number from 1 to 12"),
        (#""x" as Binary {base: "64"}"#, "Cannot coerce String (x) to Binary, caused by: not Base64 text"),
        ("%dw 2.0\n---\ntoHex(\"a\")", "Invalid script: unknown function 'toHex': it is in dw::core::Binaries, add 'import * from dw::core::Binaries' to the header"),
        (bothHex + "toHex(255)", "Invalid script: 'toHex' is a function of both dw::core::Binaries and dw::core::Numbers, which the header imports: call it as Binaries::toHex or Numbers::toHex"),
        (numbers + #"fromHex("fg")"#, #"fromHex: String ("fg") is not a number in radix 16"#),
        (numbers + "toHex(1.5)", "toHex: Number (1.5) is not a whole number"),
        (numbers + #"toRadixNumber(10, 37)"#, "toRadixNumber: the radix must be a whole number from 2 to 36, got Number (37)"),
        (numbers + #"fromRadixNumber("", 10)"#, #"fromRadixNumber: String ("") is not a number in radix 10"#),
    ] as [(String, String)])
    func mistakes(script: String, message: String) {
        #expect(failureMessage(script) == message)
    }
}
