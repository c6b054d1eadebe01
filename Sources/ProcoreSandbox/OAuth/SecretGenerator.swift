/// Unguessable token, refresh-token and code strings from the system's secure random source.
enum SecretGenerator {
    /// `count` random bytes as unpadded base64url text.
    static func randomText(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(bytes)
    }

    /// An access token shaped like Procore's (a JWT-looking `eyJ…` text); clients must treat it as opaque.
    static func accessToken() -> String {
        // The fixed first segment is base64url of {"typ":"JWT","alg":"ES512"}, Procore's header.
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzUxMiJ9.\(randomText(bytes: 48)).\(randomText(bytes: 32))"
    }

    /// A refresh token (hex, as Procore's look).
    static func refreshToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    /// An authorization code.
    static func authorizationCode() -> String { randomText(bytes: 24) }

    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index + 2 < bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { result.append(alphabet[Int(chunk >> UInt32(shift) & 0x3F)]) }
            index += 3
        }
        let remaining = bytes.count - index
        if remaining > 0 {
            var chunk = UInt32(bytes[index]) << 16
            if remaining == 2 { chunk |= UInt32(bytes[index + 1]) << 8 }
            let shifts = remaining == 2 ? [18, 12, 6] : [18, 12]
            for shift in shifts { result.append(alphabet[Int(chunk >> UInt32(shift) & 0x3F)]) }
        }
        return String(result)
    }
}
