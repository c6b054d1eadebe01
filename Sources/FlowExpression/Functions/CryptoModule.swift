import Crypto
import Foundation
import FlowCore

/// `dw::Crypto`: `hashWith` (MD5, SHA-1, SHA-256, SHA-384, SHA-512), `HMACBinary` and `HMACWith`
/// (HmacMD5, HmacSHA1, HmacSHA256, HmacSHA384, HmacSHA512), `MD5` and `SHA1` as lower-case hex.
/// Algorithm names are Java's (`SHA-256`, `HmacSHA256`), matched ignoring case.
enum CryptoModule {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(name: "hashWith", arity: 1...2, module: .crypto) { arguments throws(EvaluationFailure) in
            let content = try BinariesModule.bytes(arguments[0], of: "hashWith", arguments)
            let algorithm = arguments.count > 1 ? try Coercion.toString(arguments[1]) : "SHA-1"
            return .binary(try digest(content, algorithm: algorithm))
        },
        BuiltinFunction(name: "HMACBinary", arity: 2...3, module: .crypto) { arguments throws(EvaluationFailure) in
            .binary(try hmac(arguments, function: "HMACBinary"))
        },
        BuiltinFunction(name: "HMACWith", arity: 2...3, module: .crypto) { arguments throws(EvaluationFailure) in
            .string(BinaryText.toHex(try hmac(arguments, function: "HMACWith"), uppercase: false))
        },
        BuiltinFunction(name: "MD5", arity: 1...1, module: .crypto) { arguments throws(EvaluationFailure) in
            .string(BinaryText.toHex(try digest(try BinariesModule.bytes(arguments[0], of: "MD5", arguments), algorithm: "MD5"), uppercase: false))
        },
        BuiltinFunction(name: "SHA1", arity: 1...1, module: .crypto) { arguments throws(EvaluationFailure) in
            .string(BinaryText.toHex(try digest(try BinariesModule.bytes(arguments[0], of: "SHA1", arguments), algorithm: "SHA-1"), uppercase: false))
        },
    ]

    static func digest(_ content: [UInt8], algorithm: String) throws(EvaluationFailure) -> [UInt8] {
        switch algorithm.uppercased() {
        case "MD5": return Array(Insecure.MD5.hash(data: content))
        case "SHA-1", "SHA1", "SHA": return Array(Insecure.SHA1.hash(data: content))
        case "SHA-256", "SHA256": return Array(SHA256.hash(data: content))
        case "SHA-384", "SHA384": return Array(SHA384.hash(data: content))
        case "SHA-512", "SHA512": return Array(SHA512.hash(data: content))
        default:
            throw EvaluationFailure("Unsupported hash algorithm '\(algorithm)': use MD5, SHA-1, SHA-256, SHA-384 or SHA-512")
        }
    }

    private static func hmac(_ arguments: [Value], function: String) throws(EvaluationFailure) -> [UInt8] {
        let key = SymmetricKey(data: try BinariesModule.bytes(arguments[0], of: function, arguments))
        let content = try BinariesModule.bytes(arguments[1], of: function, arguments)
        let algorithm = arguments.count > 2 ? try Coercion.toString(arguments[2]) : "HmacSHA1"
        switch algorithm.uppercased() {
        case "HMACMD5": return Array(HMAC<Insecure.MD5>.authenticationCode(for: content, using: key))
        case "HMACSHA1": return Array(HMAC<Insecure.SHA1>.authenticationCode(for: content, using: key))
        case "HMACSHA256": return Array(HMAC<SHA256>.authenticationCode(for: content, using: key))
        case "HMACSHA384": return Array(HMAC<SHA384>.authenticationCode(for: content, using: key))
        case "HMACSHA512": return Array(HMAC<SHA512>.authenticationCode(for: content, using: key))
        default:
            throw EvaluationFailure("Unsupported HMAC algorithm '\(algorithm)': use HmacMD5, HmacSHA1, HmacSHA256, HmacSHA384 or HmacSHA512")
        }
    }
}
