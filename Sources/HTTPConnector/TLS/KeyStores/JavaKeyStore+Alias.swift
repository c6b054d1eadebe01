extension JavaKeyStore {
    /// The private key entry `alias` names (Java compares aliases without case: JKS and JCEKS
    /// store them lower-cased), or without an alias the store's only one.
    func privateKey(alias: String?) throws(KeyStoreProblem) -> PrivateKeyEntry {
        let aliases = privateKeys.map(\.alias)
        guard let alias else {
            guard privateKeys.count <= 1 else { throw .severalPrivateKeys(aliases) }
            guard let only = privateKeys.first else { throw .noPrivateKey }
            return only
        }
        let wanted = alias.lowercased()
        guard let entry = privateKeys.first(where: { $0.alias.lowercased() == wanted }) else {
            throw .unknownAlias(alias, privateKeys: aliases,
                                isSecretKey: secretKeyAliases.contains { $0.lowercased() == wanted },
                                isCertificate: trustedCertificates.contains { $0.alias.lowercased() == wanted })
        }
        return entry
    }
}
