import Testing

/// `dw::Crypto`'s `MD5` and `SHA1` (docs.mulesoft.com/dataweave/latest/dw-crypto-functions-md5,
/// -sha1): lower-case hex digests of a text's UTF-8 bytes, reached by module prefix or import.
@Suite struct CryptoModuleCases {
    static let header = "%dw 2.0\nimport dw::Crypto\noutput application/json indent=false\n---\n"

    static let cases: [ScriptCase] = [
        ScriptCase(header + #"[Crypto::MD5("hello world"), Crypto::SHA1("hello world")]"#,
                   #"["5eb63bbbe01eeed093cb22bb8f5acdc3","2aae6c35c94fcfb415dbe95f408b9ce91ee846ed"]"#),
        ScriptCase(header + #"[Crypto::MD5(""), Crypto::SHA1("")]"#,
                   #"["d41d8cd98f00b204e9800998ecf8427e","da39a3ee5e6b4b0d3255bfef95601890afd80709"]"#),
        ScriptCase("%dw 2.0\nimport SHA1 from dw::Crypto\noutput application/json indent=false\n---\n"
                   + #"SHA1(write({id: 1}, "application/json", {indent: false}))"#,
                   #""\#(CryptoModuleCases.sha1OfCompactRecord)""#),
    ]

    /// SHA-1 of `{"id": 1}`, what `write` gives with `indent: false`.
    static let sha1OfCompactRecord = "40316bf3bb28b3b1468653f20feaee758644dac5"

    @Test(arguments: cases)
    func digestsAreLowerCaseHex(_ scriptCase: ScriptCase) throws {
        #expect(try scriptCase.run() == scriptCase.expected)
    }
}
