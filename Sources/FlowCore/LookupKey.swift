/// A key that is looked up again and again (a selector's `$.id` over every row), with what a
/// lookup needs of it worked out once: whether it is a short ASCII string, compared to each
/// entry's key by its two words, and those words.
public struct LookupKey: Sendable {
    /// The key's text.
    public let text: String
    /// The key's words when it is an inline ASCII string (and the layout is the known one);
    /// nil otherwise, and such keys are compared as text.
    let smallASCIIBits: StringBits?

    public init(_ text: String) {
        self.text = text
        let bits = StringBits(text)
        smallASCIIBits = bits.isSmallASCII ? bits : nil
    }
}
