import FlowCore
import FlowFormats
import Testing

@Suite struct URLEncodedFormatTests {
    let form = URLEncodedFormat()

    // dataweave-formats-urlencoded examples 1, 3 and 4.
    @Test func readsFieldsInOrderWithRepeatedNames() throws {
        #expect(try form.read("name=Mariano&lastName=de+Achaval") == ["name": "Mariano", "lastName": "de Achaval"])
        let value = try form.read("key=value&key+1=%40here&key=other+value&key+2%25")
        #expect(value.objectValue?.entries.map(\.key) == ["key", "key 1", "key", "key 2%"])
        #expect(value.objectValue?.entries.map(\.value) == ["value", "@here", "other value", ""])
    }

    @Test func decodingEdgeCases() throws {
        #expect(try form.read("a=1&&b=&=x&c") == .object(ValueObject([("a", "1"), ("b", ""), ("", "x"), ("c", "")])))
        #expect(try form.read("q=a%2Bb+c%3D%26&e=%C3%A9t%C3%A9&eq=a=b") == ["q": "a+b c=&", "e": "été", "eq": "a=b"])
        // A malformed escape or escapes that are not UTF-8 leave the field as written.
        #expect(try form.read("bad=100%+sure&trail=50%&high=%FF%FE&ok=%41") ==
            ["bad": "100% sure", "trail": "50%", "high": "%FF%FE", "ok": "A"])
        #expect(try form.read("") == .object(ValueObject()))
        #expect(URLEncodedFormat.fields(of: "x=1&x=2") == ValueObject([("x", "1"), ("x", "2")]))
    }

    // Examples 2 and 3: Java URLEncoder's encoding, null as the bare name, repeated keys kept.
    @Test func writesFields() throws {
        #expect(try form.writeText(["name": "Mariano", "age": 37]) == "name=Mariano&age=37")
        let documented = Value.object(ValueObject([("key", "value"), ("key 1", "@here"), ("key", "other value"), ("key 2%", nil)]))
        #expect(try form.writeText(documented) == "key=value&key+1=%40here&key=other+value&key+2%25")
        #expect(try form.writeText(["a": [1, 2, nil], "ok": true, "sym": "*-._~!é"]) == "a=1&a=2&a&ok=true&sym=*-._%7E%21%C3%A9")
        #expect(try form.writeText(["é": "é"], properties: FormatProperties(["encoding": "ISO-8859-1"])) == "%E9=%E9")
    }

    @Test func writerSaysWhatItCannotWrite() {
        #expect(throws: FormatError("Cannot write an Array as application/x-www-form-urlencoded: expected an Object of names and values")) {
            try form.write([1], properties: FormatProperties())
        }
        #expect(throws: FormatError("Cannot write the value of \"address\" as a form field: it is an Object; fields hold Strings, Numbers, Booleans, null or Arrays of them")) {
            try form.write(["address": ["city": "Austin"]], properties: FormatProperties())
        }
    }

    @Test func hostileInputStaysLinear() throws {
        let separators = String(repeating: "&", count: 1_000_000)
        #expect(try form.read(separators) == .object(ValueObject()))
        let percents = String(repeating: "%", count: 1_000_000)
        #expect(try form.read("a=" + percents)["a"]?.stringValue?.count == 1_000_000)
        let bytes: [UInt8] = Array("a=".utf8) + [0xFF, 0xC3] + Array("&b=%C3".utf8)
        #expect(try form.read(bytes) == ["a": "\u{FFFD}\u{FFFD}", "b": "%C3"])
    }
}
