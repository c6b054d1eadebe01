import Foundation
import FlowCore

/// Recursive-descent parser from tokens to compiled nodes, with DataWeave's precedence, lowest
/// first: `default`, `to`, `match`, `update` and infix functions (`map`, `filter`, `contains`, …),
/// `or`, `and`, `not`, `== != ~=`, `< > <= >= is`, `+ - ++ --`, `* /`, `as`, unary `-` and `!`,
/// selectors. `if (c) a else b` and `do { … }` are primaries whose bodies extend as far as they can.
///
/// Names are resolved here: variables and parameters to frame slots (or, for a script's header
/// variables, to globals), functions to their implementations, so that evaluation does no lookup
/// by name except object keys. Names that resolve to nothing are collected in ``nameErrors`` and
/// parsing goes on, so a script reports all of them at once.
struct Parser {
    /// How deeply expressions may nest; deeper input is refused rather than risking the stack.
    static let maximumDepth = 100

    var tokens: [Token]
    var position = 0
    let source: [Unicode.Scalar]
    /// The functions being compiled, innermost last: the script's body first, then any lambda or
    /// `fun` whose body is being read.
    var functions: [FunctionContext] = [FunctionContext(capturesOuter: false)]
    /// The script header's variables, by name, as indexes into the frame's globals.
    var globals: [String: Int] = [:]
    /// The script header's functions, by name.
    var namedFunctions: [String: NamedFunction] = [:]
    /// The library modules the header imports (`dw::core::Strings`), and the functions imported
    /// by name from them (`import capitalize from dw::core::Strings`) or all of them (`*`).
    var imports = Imports()
    /// Names that resolve to nothing, with where they are; reported together after parsing.
    var nameErrors: [SyntaxError] = []
    /// Syntax errors in header directives; parsing goes on with the next directive.
    var headerErrors: [SyntaxError] = []
    /// How many times `$`, `$$` or `$$$` was read: an operand that reads none is not an implicit
    /// lambda but an expression yielding a function.
    var dollarUses = 0
    /// Whether `output` must name a format Conduit writes, with its writer properties: scripts
    /// yes; a `#[…]` header is left to the component that reads it (`http:body` picks a form or
    /// XML body by it).
    var checksOutput = false
    /// Where `import modules::X` finds the app's own modules; nil when there are none.
    var modules: ScriptModules?
    /// The app's modules being imported, to refuse an import cycle.
    var loadingModules: Set<String> = []
    /// Functions of the app's modules, by module path (`modules::Common`) and by its last part.
    var moduleFunctions: [String: [String: NamedFunction]] = [:]
    /// Errors found in imported module files, already located in those files.
    var moduleDiagnostics: [Diagnostic] = []
    /// Where this script's `var`s start among the frame's globals (a module's follow the
    /// importing script's).
    var globalBase = 0
    /// XML namespaces the header declares (`ns soap http://…`): prefix to URI.
    var namespaces: [String: String] = [:]
    /// Type aliases of the header (`type Id = Number`), by name.
    var typeAliases: [String: TypeName] = [:]
    var depth = 0

    init(tokens: [Token], source: [Unicode.Scalar]) {
        self.tokens = tokens
        self.source = source
    }

    /// How many slots a frame of the script's body needs.
    var slotCount: Int { functions[0].slotCount }

    /// Parses all tokens as one expression.
    mutating func parseAll() throws(SyntaxError) -> any Node {
        let node = try parseExpression()
        guard current.isEnd else { throw unexpected(current) }
        return node
    }

    // MARK: - Token helpers

    var current: Token { tokens[position] }

    func peek(_ ahead: Int) -> Token {
        tokens[min(position + ahead, tokens.count - 1)]
    }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    func describe(_ token: Token) -> String {
        if token.isEnd { return "end of expression" }
        let end = min(token.offset + token.length, source.count)
        var text = String(String.UnicodeScalarView(source[token.offset..<end]))
        if text.unicodeScalars.count > 30 { text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(30))) + "…" }
        return "'\(text)'"
    }

    func unexpected(_ token: Token) -> SyntaxError {
        if case .invalid(let scalar) = token.kind {
            return SyntaxError(offset: token.offset, message: "unexpected character '\(scalar.escaped(asASCII: false))'")
        }
        return SyntaxError(offset: token.offset, message: "unexpected \(describe(token))")
    }

    mutating func expect(_ symbol: Symbol) throws(SyntaxError) {
        guard current.isSymbol(symbol) else {
            throw SyntaxError(offset: current.offset, message: "expected '\(symbol.rawValue)' but found \(describe(current))")
        }
        advance()
    }

    mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw SyntaxError(offset: current.offset, message: "expression nested too deeply")
        }
    }

    // MARK: - Scopes

    /// A new slot in the innermost function's frame.
    mutating func newSlot() -> Int {
        functions[functions.count - 1].slotCount += 1
        return functions[functions.count - 1].slotCount - 1
    }

    /// Opens a scope of local names (a lambda's parameters, a `do` block's variables).
    mutating func pushScope(_ names: [String: Int] = [:]) {
        functions[functions.count - 1].scopes.append(names)
    }

    mutating func popScope() {
        functions[functions.count - 1].scopes.removeLast()
    }

    /// Binds `name` in the innermost scope.
    mutating func bind(_ name: String, to slot: Int) {
        let last = functions.count - 1
        functions[last].scopes[functions[last].scopes.count - 1][name] = slot
    }

    /// The slot of a local name, capturing it from an enclosing function when a lambda or local
    /// `fun` uses it.
    mutating func lookup(_ name: String) -> Int? {
        resolve(name, level: functions.count - 1)
    }

    private mutating func resolve(_ name: String, level: Int) -> Int? {
        for scope in functions[level].scopes.reversed() {
            if let slot = scope[name] { return slot }
        }
        guard level > 0, functions[level].capturesOuter, let outer = resolve(name, level: level - 1) else { return nil }
        functions[level].slotCount += 1
        let inner = functions[level].slotCount - 1
        functions[level].captures.append(Capture(outer: outer, inner: inner))
        functions[level].scopes[0][name] = inner
        return inner
    }

    /// Records a name error and returns a node standing in for it, so parsing can go on.
    mutating func nameError(_ message: String, at offset: Int) -> any Node {
        nameErrors.append(SyntaxError(offset: offset, message: message))
        return ConstantNode(.null)
    }
}

/// The compile-time state of one function body: its frame's slots and the local names in scope.
struct FunctionContext {
    var scopes: [[String: Int]] = [[:]]
    var slotCount = 0
    /// Values a closure copies from its creator's frame when it is made.
    var captures: [Capture] = []
    /// Whether names of enclosing functions are visible (lambdas and `do` funs: yes; the script
    /// body and header functions: no).
    let capturesOuter: Bool
    /// For a `do` block's function: itself, which its body calls by name.
    var selfFunction: NamedFunction?

    init(capturesOuter: Bool) {
        self.capturesOuter = capturesOuter
    }
}

/// A value a closure copies from the frame it is made in (`outer`) into its own (`inner`).
struct Capture {
    let outer: Int
    let inner: Int
}
