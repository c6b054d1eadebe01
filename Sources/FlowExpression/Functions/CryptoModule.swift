import Crypto
import FlowCore

/// `dw::Crypto`: `MD5` and `SHA1`, the digest of a text's UTF-8 bytes as lower-case hex (a
/// String is DataWeave's Binary here, as it coerces); the usual way a flow fingerprints a record
/// (`Crypto::SHA1(write(record, "application/json"))`).
enum CryptoModule {
    private static func digest(_ name: String, _ hash: @escaping @Sendable ([UInt8]) -> [UInt8]) -> BuiltinFunction {
        BuiltinFunction(name: name, arity: 1...1, module: .crypto) { arguments throws(EvaluationFailure) in
            guard case .string(let text) = arguments[0] else { throw EvaluationFailure.call(name, arguments[0]) }
            return .string(hash(Array(text.utf8)).map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined())
        }
    }

    static let functions: [BuiltinFunction] = [
        digest("MD5") { Array(Insecure.MD5.hash(data: $0)) },
        digest("SHA1") { Array(Insecure.SHA1.hash(data: $0)) },
    ]
}
