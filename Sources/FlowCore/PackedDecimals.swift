import Foundation

/// Decimals stored as two columns of ``PackedIntegers``, so that an array of a few million
/// short decimals (`0.5`, `12.75`) costs two or three bytes a number instead of a whole
/// ``Value`` (24 bytes) each.
///
/// `Decimal` is 20 bytes: a 32-bit word of exponent, length and sign, then a 128-bit mantissa.
/// Only decimals whose mantissa fits its low 64 bits are stored (every decimal the JSON decoder
/// builds from up to 19 digits); the word and those 64 bits are kept exactly as they are, so a
/// decimal reads back bit for bit as it was appended and prints the same text.
public struct PackedDecimals: Sendable {
    /// Each decimal's first 32-bit word (exponent, length, sign and compact flags).
    private var headers = PackedIntegers()
    /// The low 64 bits of each decimal's mantissa, as an integer's bit pattern.
    private var mantissas = PackedIntegers()

    /// No decimals.
    public init() {}

    /// The number of decimals.
    public var count: Int { headers.count }

    /// The decimal at `index`.
    public subscript(index: Int) -> Decimal {
        var decimal = Decimal()
        withUnsafeMutableBytes(of: &decimal) { bytes in
            bytes.storeBytes(of: UInt32(truncatingIfNeeded: headers[index]), toByteOffset: 0, as: UInt32.self)
            bytes.storeBytes(of: UInt64(bitPattern: mantissas[index]), toByteOffset: 4, as: UInt64.self)
            bytes.storeBytes(of: 0, toByteOffset: 12, as: UInt64.self)
        }
        return decimal
    }

    /// Appends `decimal` and returns true, or returns false, changing nothing, when its mantissa
    /// needs more than 64 bits.
    public mutating func append(_ decimal: Decimal) -> Bool {
        guard let parts = Self.parts(of: decimal) else { return false }
        headers.append(Int64(parts.header))
        mantissas.append(Int64(bitPattern: parts.mantissa))
        return true
    }

    /// Gives back the room the columns grew beyond their decimals while being appended to.
    public mutating func shrinkToFit() {
        headers.shrinkToFit()
        mantissas.shrinkToFit()
    }

    /// The decimals as ``Value``s.
    public var values: [Value] { (0..<count).map { .decimal(self[$0]) } }

    /// The first word and the low 64 bits of the mantissa, or nil when the high 64 bits are not zero.
    private static func parts(of decimal: Decimal) -> (header: UInt32, mantissa: UInt64)? {
        // Decimal is a plain 20-byte value; its layout is read, never assumed beyond its size.
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return withUnsafeBytes(of: decimal) { bytes in
            guard bytes.loadUnaligned(fromByteOffset: 12, as: UInt64.self) == 0 else { return nil }
            return (bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self), bytes.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
        }
    }
}

extension PackedDecimals: Equatable {
    public static func == (lhs: PackedDecimals, rhs: PackedDecimals) -> Bool {
        // Equal decimals can differ in their words (0.5 and 0.50), so compare as decimals.
        lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs[$0] == rhs[$0] }
    }
}
