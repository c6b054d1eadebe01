import CLibCrypt
import ConnectorSupport

/// A bcrypt hash (`$2a$10$` and 53 characters), checked with libxcrypt's `crypt_rn`: the
/// candidate is hashed with the same cost and salt and the results compared in constant time.
///
/// libxcrypt is the C library's password hashing on glibc systems, so Conduit carries no
/// Blowfish of its own. Checking costs 2^cost rounds (cost 10: tens of milliseconds), as in Spring.
struct BCryptHash: Sendable {
    /// The whole hash, `$2a$10$…`.
    let text: String

    /// Whether this platform can check bcrypt hashes.
    static var isAvailable: Bool {
        #if os(Linux)
        return true
        #else
        return false
        #endif
    }

    /// The hash in `text`, when it has bcrypt's shape: `$2a$`, `$2b$` or `$2y$`, a two-digit cost
    /// from 04 to 31, `$`, then 22 characters of salt and 31 of hash in bcrypt's Base64.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 60, bytes[0] == UInt8(ascii: "$"), bytes[1] == UInt8(ascii: "2"),
              [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "y")].contains(bytes[2]), bytes[3] == UInt8(ascii: "$"),
              bytes[6] == UInt8(ascii: "$"), let cost = Int(String(decoding: bytes[4...5], as: UTF8.self)), (4...31).contains(cost),
              bytes[7...].allSatisfy(Self.isBase64) else { return nil }
        self.text = text
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): true
        default: false
        }
    }

    /// Whether `candidate` hashes to this hash. A candidate with a NUL character never does
    /// (C strings end there, so it would be checked shortened).
    func matches(_ candidate: String) -> Bool {
        guard !candidate.utf8.contains(0), let computed = Self.hash(candidate, setting: text) else { return false }
        return ConstantTime.equal(computed, text)
    }

    /// `crypt_rn(candidate, setting)`, nil when libxcrypt refuses.
    static func hash(_ candidate: String, setting: String) -> String? {
        #if os(Linux)
        let size = MemoryLayout<crypt_data>.size
        let data = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<crypt_data>.alignment)
        data.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        defer {
            // The work area holds the candidate's key schedule: clear it before giving it back.
            data.initializeMemory(as: UInt8.self, repeating: 0, count: size)
            data.deallocate()
        }
        guard let result = crypt_rn(candidate, setting, data, Int32(size)) else { return nil }
        let text = String(cString: result)
        // libxcrypt answers a failure with a string starting with '*' when it does not return NULL.
        return text.hasPrefix("*") ? nil : text
        #else
        return nil
        #endif
    }
}
