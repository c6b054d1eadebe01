/// PKCS #8's `EncryptedPrivateKeyInfo` (RFC 5208 §6), the way a Java key store keeps each
/// private key: the protecting algorithm with its parameters, and the encrypted key.
struct EncryptedPrivateKeyInfo {
    /// The DER contents of the algorithm's OBJECT IDENTIFIER.
    let algorithm: ArraySlice<UInt8>
    /// The algorithm's parameters element, when it has one (not NULL).
    let parameters: DERReader.Element?
    let encryptedData: ArraySlice<UInt8>

    init(_ der: [UInt8]) throws(DERReader.Malformed) {
        var outer = DERReader(der[...])
        var info = DERReader(try outer.read(DERReader.sequence).contents)
        var algorithmIdentifier = DERReader(try info.read(DERReader.sequence).contents)
        algorithm = try algorithmIdentifier.read(DERReader.objectIdentifier).contents
        let parameters = algorithmIdentifier.isAtEnd ? nil : try algorithmIdentifier.readAny()
        self.parameters = parameters?.tag == 0x05 ? nil : parameters
        encryptedData = try info.read(DERReader.octetString).contents
    }

    /// The algorithm in dotted form (`1.3.6.1.4.1.42.2.17.1.1`), for messages.
    var algorithmName: String {
        guard let first = algorithm.first else { return "?" }
        var arcs = [Int(first) / 40, Int(first) % 40]
        var value = 0
        for byte in algorithm.dropFirst() {
            value = value << 7 | Int(byte & 0x7F)
            if byte & 0x80 == 0 {
                arcs.append(value)
                value = 0
            }
            if value > Int(UInt32.max) { return "?" }
        }
        return arcs.map(String.init).joined(separator: ".")
    }
}
