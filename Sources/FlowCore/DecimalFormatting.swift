import Foundation

/// Plain decimal text for ``Value/decimal(_:)``: digits and an optional point, never an exponent
/// (`1000000.5`, `37.7749`, `0.00001`), as DataWeave prints numbers and JSON accepts them.
public enum DecimalFormatting {
    /// The shortest plain text that reads back as `number`; `NaN` for a NaN.
    public static func plainText(_ number: Decimal) -> String {
        // Foundation's description is already plain and locale-independent; it is the one place
        // to change should a platform ever print exponents.
        number.description
    }

    /// JSON text for a double (``Value/double(_:)``): the shortest digits that read back as it,
    /// with a lower-case exponent and no `+` (`1e300`, `1.7976931348623157e308`, `1e-300`);
    /// `null` for an infinity or NaN, which JSON cannot hold.
    public static func text(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        if let range = text.range(of: "e+") { text.replaceSubrange(range, with: "e") }
        return text
    }
}
