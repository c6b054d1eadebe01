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
}
