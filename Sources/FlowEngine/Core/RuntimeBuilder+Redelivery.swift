import FlowCore
import FlowModel

extension RuntimeBuilder {
    /// The policy a source's `<redelivery-policy>` describes, with Mule's defaults (5
    /// redeliveries, a SHA-256 digest of the payload) and Mule's checks; nil when it is wrong
    /// (reported).
    func redeliveryPolicy(_ definition: ComponentDefinition, owner: String) -> RedeliveryPolicy? {
        guard definition.namespace == "MULE" else { return nil }
        let parameters = definition.parameters
        var problems: [Diagnostic] = []
        var maxRedeliveryCount = 5
        if let count = parameters["maxRedeliveryCount"] {
            if let literal = count.value.literalInt, literal >= 0 {
                maxRedeliveryCount = literal
            } else {
                problems.append(.error("Parameter 'maxRedeliveryCount' of <redelivery-policy> must be a whole number of at least 0, got '\(count.text)'.",
                                       at: count.valueLocation))
            }
        }
        let idExpression = parameters["idExpression"]
        var useSecureHash = parameters["useSecureHash"]?.value.literalBool ?? true
        if idExpression != nil, useSecureHash {
            if let explicit = parameters["useSecureHash"], explicit.value.literalBool == true {
                diagnostics.append(.warning("Disabling useSecureHash in idempotent-redelivery-policy since an idExpression has been configured",
                                            at: explicit.location))
            }
            useSecureHash = false
        }
        let algorithm = parameters["messageDigestAlgorithm"]
        if !useSecureHash, let algorithm {
            problems.append(.error("The message digest algorithm '\(algorithm.text)' was specified when a secure hash will not be used",
                                   at: algorithm.valueLocation))
        }
        if !useSecureHash, idExpression == nil {
            problems.append(.error("No method for identifying messages was specified: give <redelivery-policy> an 'idExpression' or leave 'useSecureHash' true.",
                                   at: definition.location))
        }
        var digest = MessageDigest.sha256
        if useSecureHash, let algorithm {
            if let named = MessageDigest(rawValue: algorithm.text.uppercased()) {
                digest = named
            } else {
                let names = MessageDigest.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(.error("Unknown messageDigestAlgorithm '\(algorithm.text)': Conduit supports \(names).", at: algorithm.valueLocation))
            }
        }
        if parameters["objectStore"] != nil, let privateStore = definition.child("private-object-store") {
            problems.append(.error("Ambiguous definition of object store, both reference and private were configured", at: privateStore.location))
        }
        guard problems.isEmpty else {
            diagnostics.append(contentsOf: problems)
            return nil
        }
        guard let store = objectStore(reference: parameters["objectStore"], privateStore: definition.child("private-object-store"),
                                      owner: "\(owner)/redelivery-policy", defaultName: "\(owner).redelivery-policy") else { return nil }
        let identity: RedeliveryPolicy.Identity = if let idExpression { .expression(idExpression) } else { .digest(digest) }
        return RedeliveryPolicy(maxRedeliveryCount: maxRedeliveryCount, identity: identity, store: store,
                                element: ElementReference(path: "\(owner)/redelivery-policy", location: definition.location),
                                logger: logger(LogCategories.redeliveryPolicy))
    }
}
