import Foundation

/// A `Decimal` whose mantissa fits in 64 bits, read from its storage: what printing it needs,
/// without Foundation's per-digit 128-bit arithmetic.
///
/// Foundation keeps a decimal in `NSDecimal`'s 20 bytes (exponent, length and sign bits, eight
/// 16-bit mantissa words) but does not make the fields public. They are read from memory only
/// after checking, once per process, that known decimals read back as they should; on a
/// Foundation that lays them out otherwise every decimal takes the slow, public path.
struct CompactDecimal {
    let mantissa: UInt64
    let exponent: Int
    let isNegative: Bool

    /// `number`'s parts, or nil when the layout is not the known one, the number is NaN, not in
    /// compact form, or its mantissa needs more than 64 bits.
    init?(_ number: Decimal) {
        guard Self.layoutIsKnown else { return nil }
        self.init(reading: number)
    }

    /// The number `mantissa` × 10^`exponent`, negative when `isNegative`.
    init(mantissa: UInt64, exponent: Int, isNegative: Bool) {
        self.mantissa = mantissa
        self.exponent = exponent
        self.isNegative = isNegative
    }

    /// The `Decimal` of these parts, laid out as Foundation lays out the same number (trailing
    /// zeros moved into the exponent, the compact flag set), without Foundation's 128-bit
    /// arithmetic; nil where the layout is not the known one or the exponent does not fit. Zero
    /// is `Decimal.zero`, whatever the exponent.
    var decimal: Decimal? {
        guard Self.layoutIsKnown else { return nil }
        return unverifiedDecimal
    }

    private var unverifiedDecimal: Decimal? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        if mantissa == 0 { return Decimal.zero }
        var mantissa = mantissa, exponent = exponent
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard let storedExponent = Int8(exactly: exponent) else { return nil }
        let length = (64 - mantissa.leadingZeroBitCount + 15) / 16
        var number = Decimal.zero
        withUnsafeMutableBytes(of: &number) { raw in
            raw[0] = UInt8(bitPattern: storedExponent)
            raw[1] = UInt8(length << 4) | (isNegative ? 0x08 : 0) | 0x04
            for word in 0..<length {
                raw[4 + 2 * word] = UInt8(truncatingIfNeeded: mantissa >> (16 * word))
                raw[5 + 2 * word] = UInt8(truncatingIfNeeded: mantissa >> (16 * word + 8))
            }
        }
        return number
    }

    private init?(reading number: Decimal) {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        let parts: (UInt64, Int, Bool)? = withUnsafeBytes(of: number) { raw in
            let exponent = Int(Int8(bitPattern: raw[0]))
            let flags = raw[1]
            let length = Int(flags >> 4), isNegative = flags & 0x08 != 0, isCompact = flags & 0x04 != 0
            // Length 0 is zero, or NaN with the sign bit; non-compact forms keep their own digits.
            guard length <= 4, isCompact || length == 0, !(length == 0 && isNegative) else { return nil }
            var mantissa: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                mantissa = mantissa << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
            }
            return (mantissa, exponent, isNegative)
        }
        guard let (mantissa, exponent, isNegative) = parts else { return nil }
        self.mantissa = mantissa
        self.exponent = exponent
        self.isNegative = isNegative
    }

    /// Whether this Foundation stores decimals as `NSDecimal` does: a few numbers covering the
    /// sign, both exponent signs, several mantissa words and zero must read back exactly.
    private static let layoutIsKnown: Bool = {
        let samples: [(String, UInt64, Int, Bool)] = [
            ("-12345.67", 1_234_567, -2, true), ("15e3", 15, 3, false), ("0", 0, 0, false),
            ("18446744073709551615", 18_446_744_073_709_551_615, 0, false), ("0.000001", 1, -6, false),
        ]
        let readsBack = samples.allSatisfy { text, mantissa, exponent, isNegative in
            guard let number = Decimal(string: text), let read = CompactDecimal(reading: number) else { return false }
            return read.mantissa == mantissa && read.exponent == exponent && read.isNegative == isNegative
        }
        // Decimals built from parts must be the very bytes Foundation builds for them.
        let built: [(UInt64, Int, Bool)] = [
            (1_234_567, -2, true), (12_550, -2, false), (100, 0, false), (5, 3, false),
            (18_446_744_073_709_551_615, -3, false), (65_536, -7, true), (1, -100, false),
        ]
        return readsBack && built.allSatisfy { mantissa, exponent, isNegative in
            let expected = Decimal(sign: isNegative ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
            guard let made = CompactDecimal(mantissa: mantissa, exponent: exponent, isNegative: isNegative).unverifiedDecimal else { return false }
            return withUnsafeBytes(of: made) { Array($0) } == withUnsafeBytes(of: expected) { Array($0) }
        }
    }()
}
