@testable import FlowEngine
import Testing

@Suite("Message digests in lower-case hex")
struct MessageDigestTests {
    @Test("the published vectors for \"abc\"", arguments: [
        (MessageDigest.md5, "900150983cd24fb0d6963f7d28e17f72"),
        (.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d"),
        (.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ])
    func vectors(_ digest: MessageDigest, _ hex: String) {
        #expect(digest.hex(Array("abc".utf8)) == hex)
    }

    @Test("every algorithm gives two lower-case digits a byte")
    func lengths() {
        let lengths: [MessageDigest: Int] = [.md5: 16, .sha1: 20, .sha256: 32, .sha384: 48, .sha512: 64]
        for digest in MessageDigest.allCases {
            let hex = digest.hex(Array("Conduit".utf8))
            #expect(hex.utf8.count == 2 * (lengths[digest] ?? 0), "\(digest)")
            #expect(hex == hex.lowercased() && hex.allSatisfy(\.isHexDigit), "\(digest)")
        }
    }
}
