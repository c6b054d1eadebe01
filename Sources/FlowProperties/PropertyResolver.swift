import FlowCore

/// Answers property keys and substitutes `${…}` placeholders, following Mule's hierarchy.
///
/// Precedence, highest first: `-D` command-line pairs (the last `-D` of a key wins, as with the
/// JVM); environment variables (the exact key, else the key upper-cased with `.` and `-` turned
/// into `_`); configuration-properties files (the *first* file that defines a key wins, in the
/// order given); `<global-property>` entries (first wins). `${secure::key}` reads only the
/// secure-properties files (the first config that defines a key wins) and never the other layers.
///
/// Built once, then immutable and `Sendable`: share one resolver across the whole load and the
/// runtime (`p('key')`). Encrypted secure values are decrypted while building; every problem
/// found then (bad key size, unsupported mode, values that do not decrypt) is in ``diagnostics``,
/// which the caller must report. Callers that need `${env}` in a `file=` attribute build a first
/// resolver without files, as Mule only resolves it from global, system and environment layers.
public struct PropertyResolver: Sendable, CustomStringConvertible {
    /// The prefix that sends a key to the secure layer: `${secure::db.password}`.
    public static let securePrefix = "secure::"

    /// Problems found while building (secure configs and values); empty when all is well.
    public let diagnostics: [Diagnostic]

    /// Every key defined by `-D`, a file or a global-property, with precedence (and environment
    /// overrides of those keys) already applied: one dictionary lookup per placeholder.
    private let plainDefinitions: [String: PropertyDefinition]
    /// Consulted only for keys that no other layer defines.
    private let environment: [String: String]
    private let secureDefinitions: [String: PropertyDefinition]
    /// Secure keys whose encrypted value could not be decrypted (already reported in `diagnostics`).
    let undecryptableSecureKeys: Set<String>
    /// Plain keys declared secret.
    private let secretKeys: Set<String>
    /// Keys a configuration-properties file or a `<global-property>` defines: what `p()` reads.
    private let configurationKeys: Set<String>

    /// Builds a resolver from every layer; see the type's documentation for the precedence.
    ///
    /// - Parameters:
    ///   - commandLine: `-D` pairs in command-line order.
    ///   - environment: the process environment (or a test's).
    ///   - files: configuration-properties files in declaration order.
    ///   - globalProperties: `<global-property>` entries in declaration order.
    ///   - secure: secure-properties configs in declaration order.
    ///   - secretKeys: plain keys whose values are secrets wherever they are defined (a Mule
    ///     project's `mule-artifact.json` `secureProperties`).
    public init(
        commandLine: [(String, String)] = [],
        environment: [String: String] = [:],
        files: [PropertiesFile] = [],
        globalProperties: [PropertyEntry] = [],
        secure: [SecurePropertiesConfiguration] = [],
        secretKeys: Set<String> = []
    ) {
        var commandLineDefinitions: [String: PropertyDefinition] = [:]
        for (key, value) in commandLine {
            commandLineDefinitions[key] = PropertyDefinition(
                key: key, value: value, layer: .commandLine,
                location: .synthetic("command line (-D \(key))"), entry: nil
            )
        }
        var fileDefinitions: [String: PropertyDefinition] = [:]
        for file in files {
            for entry in file.entries where fileDefinitions[entry.key] == nil {
                fileDefinitions[entry.key] = PropertyDefinition(
                    key: entry.key, value: entry.value, layer: .file(file.displayName),
                    location: entry.location, entry: entry
                )
            }
        }
        var globalDefinitions: [String: PropertyDefinition] = [:]
        for entry in globalProperties where globalDefinitions[entry.key] == nil {
            globalDefinitions[entry.key] = PropertyDefinition(
                key: entry.key, value: entry.value, layer: .globalProperty,
                location: entry.location, entry: entry
            )
        }
        let secureLayer = SecureLayerBuilder.build(secure)

        var plainDefinitions = globalDefinitions.merging(fileDefinitions) { _, file in file }
        for key in plainDefinitions.keys {
            if let override = Self.environmentDefinition(key: key, in: environment) {
                plainDefinitions[key] = override
            }
        }
        plainDefinitions.merge(commandLineDefinitions) { _, commandLine in commandLine }
        for key in secretKeys {
            plainDefinitions[key] = plainDefinitions[key]?.declaredSecret()
        }
        self.secretKeys = secretKeys
        configurationKeys = Set(fileDefinitions.keys).union(globalDefinitions.keys)

        self.plainDefinitions = plainDefinitions
        self.environment = environment
        self.secureDefinitions = secureLayer.definitions
        self.undecryptableSecureKeys = secureLayer.undecryptable
        self.diagnostics = secureLayer.diagnostics
    }

    /// The environment variable consulted after the exact key: upper case, `.` and `-` as `_`.
    ///
    /// `procore.config.oauth.consumer_secret` → `PROCORE_CONFIG_OAUTH_CONSUMER_SECRET`.
    public static func environmentVariableName(forKey key: String) -> String {
        String(key.uppercased().map { $0 == "." || $0 == "-" ? "_" : $0 })
    }

    /// Whether `key` names a secret: it starts with `secure::`, or the app declares it secret.
    ///
    /// A text resolved from such a key, directly or through other properties, comes back with
    /// ``ResolvedText/containsSecret`` set; this check is for callers holding only a key (`p()`).
    public func isSecret(key: String) -> Bool {
        isSecureKey(key) || (!secretKeys.isEmpty && secretKeys.contains(key))
    }

    /// Whether `key` reads the secure layer (it starts with `secure::`).
    func isSecureKey(_ key: String) -> Bool {
        // Byte comparison: `String.hasPrefix` is Unicode-aware and costs far more per lookup.
        key.utf8.starts(with: Self.securePrefix.utf8)
    }

    /// Whether `p('key')` answers with secret text: a `secure::` key, or a value built from one
    /// through its placeholders.
    public func readsSecret(key: String) -> Bool {
        isSecret(key: key) || expandedValue(forKey: key)?.containsSecret == true
    }

    /// The definition that answers `key` (`secure::…` keys read the secure layer only), or nil.
    ///
    /// Its ``PropertyDefinition/layer`` says which layer answered, for diagnostics.
    public func definition(forKey key: String) -> PropertyDefinition? {
        if isSecureKey(key) {
            return secureDefinitions[String(key.dropFirst(Self.securePrefix.count))]
        }
        if let plain = plainDefinitions[key] { return plain }
        let fromEnvironment = Self.environmentDefinition(key: key, in: environment)
        return secretKeys.contains(key) ? fromEnvironment?.declaredSecret() : fromEnvironment
    }

    /// The environment's definition of `key`: the exact name first, then the mangled one.
    private static func environmentDefinition(key: String, in environment: [String: String]) -> PropertyDefinition? {
        var variable = key
        var value = environment[key]
        if value == nil {
            variable = environmentVariableName(forKey: key)
            value = variable == key ? nil : environment[variable]
        }
        guard let value else { return nil }
        return PropertyDefinition(
            key: key, value: value, layer: .environment(variable: variable),
            location: .synthetic("environment variable \(variable)"), entry: nil
        )
    }

    /// The value of `key` with its own placeholders substituted, or nil when the key is unknown
    /// or its value cannot be resolved (what `p('key')` answers in an expression).
    ///
    /// Values of `secure::` keys are returned too: check ``isSecret(key:)`` before showing one.
    public func value(forKey key: String) -> String? {
        expandedValue(forKey: key)?.value
    }

    /// The value `p('key')` answers: a key a configuration-properties file or a
    /// `<global-property>` defines (with a `-D` or environment override of it applied, as for
    /// `${key}`), or a `secure::` key; nil for anything else.
    ///
    /// A key only on the command line or in the environment stays out of reach of expressions:
    /// a flow that passes a request value to `p()` must not read the secure-properties master
    /// key (`-D secure.key=…`, `SECURE_KEY`) or any environment variable of the process.
    public func configurationValue(forKey key: String) -> String? {
        guard isSecureKey(key) || configurationKeys.contains(key) else { return nil }
        return value(forKey: key)
    }

    /// The value of `key` with its placeholders substituted, and whether a secret went into it;
    /// nil when the key is unknown or its value cannot be resolved.
    private func expandedValue(forKey key: String) -> ResolvedText? {
        guard let definition = definition(forKey: key) else { return nil }
        guard PlaceholderExpander.containsDollar(definition.value) else {
            return ResolvedText(value: definition.value, containsSecret: definition.isSecret)
        }
        var expander = PlaceholderExpander(resolver: self)
        guard let expanded = expander.expandDefinition(definition, key: key, site: definition.location) else { return nil }
        return ResolvedText(value: String(decoding: expanded, as: UTF8.self), containsSecret: expander.containsSecret)
    }

    /// Substitutes every `${key}` of an attribute value or text node.
    ///
    /// Placeholders may appear several times and mix with text (`file.${env}.xml`), nest in keys
    /// (`${a.${b}}`), and refer to properties whose values hold placeholders in turn. `\${`
    /// produces a literal `${`. There is no `${key:default}` syntax (a `:` is part of the key).
    ///
    /// Throws every problem of the value at once (not just the first): a missing key is
    /// reported as `Couldn't find configuration property value for key ${KEY}` at the `${` that
    /// asked for it, which is `valueLocation` advanced by its offset in Unicode scalars when the
    /// placeholder is in `text`, or its place in the properties file when it is inside another
    /// property's value; a cycle as `Circular property reference: a -> b -> a`; an unclosed
    /// `${` as unterminated. Problems inside a secure value are reported without its text.
    ///
    /// - Parameter valueMap: where each scalar of `text` was written.
    public func resolve(_ text: String, at valueMap: SourceMap) throws(DiagnosticList) -> ResolvedText {
        try resolveText(text, at: valueMap)
    }

    /// Substitutes every `${key}` of `text`, written on one line from `valueLocation` on.
    public func resolve(_ text: String, at valueLocation: SourceLocation) throws(DiagnosticList) -> ResolvedText {
        try resolveText(text, at: SourceMap(start: valueLocation))
    }

    private func resolveText(_ text: String, at valueMap: SourceMap) throws(DiagnosticList) -> ResolvedText {
        // The common case, text without `$`, needs neither substitution nor unescaping.
        guard PlaceholderExpander.containsDollar(text) else {
            return ResolvedText(value: text, containsSecret: false)
        }
        var expander = PlaceholderExpander(resolver: self)
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        let succeeded = expander.expand(bytes, 0..<bytes.count, scalarBase: 0, origin: .text(valueMap), into: &output)
        guard succeeded else {
            // `${a}${a}` with a broken `a` finds the same problem twice at the same place.
            var seen: Set<Diagnostic> = []
            throw DiagnosticList(expander.diagnostics.filter { seen.insert($0).inserted })
        }
        return ResolvedText(value: String(decoding: output, as: UTF8.self), containsSecret: expander.containsSecret)
    }

    /// Counts per layer, never values.
    public var description: String {
        "PropertyResolver(properties: \(plainDefinitions.count), environment variables: \(environment.count), secure properties: \(secureDefinitions.count))"
    }
}
