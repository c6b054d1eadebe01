import FlowCore
import Foundation

/// `import modules::Common`, `import * from modules::Common`, `import f from modules::Common`:
/// the app's own `.dwl` modules (their `var`s and `fun`s), compiled into the importing script.
extension Parser {
    mutating func importAppModule(_ path: String, at offset: Int, names: [(String, Int)], wildcard: Bool,
                                  into script: inout Script) throws(SyntaxError) {
        let file = ScriptModules.fileName(for: path)
        guard let modules, let source = modules.load(path) else {
            throw SyntaxError(offset: offset, message: "module '\(path)' is not available: the app has no file \(file)")
        }
        guard !loadingModules.contains(path) else {
            throw SyntaxError(offset: offset, message: "module '\(path)' imports itself")
        }
        let scalars = Array(source.text.unicodeScalars)
        let map = SourceMap.verbatim(scalars, from: source.start)
        var module: Parser
        do throws(SyntaxError) {
            module = Parser(tokens: try Lexer.tokenize(scalars, from: 0, to: scalars.count), source: scalars)
        } catch {
            moduleDiagnostics.append(.error("Invalid script: \(error.message)", at: map.location(ofOffset: error.offset)))
            return
        }
        module.checksOutput = true
        module.modules = modules
        module.loadingModules = loadingModules.union([path])
        module.globalBase = globalBase + script.globalInitializers.count
        var moduleScript = Script(output: nil, globalInitializers: [], body: ConstantNode(.null))
        module.parseModule(into: &moduleScript)
        moduleDiagnostics += (module.headerErrors + module.nameErrors).sorted { $0.offset < $1.offset }.map {
            .error("Invalid script: \($0.message)", at: map.location(ofOffset: $0.offset))
        }
        moduleDiagnostics += module.moduleDiagnostics
        for function in module.namedFunctions.values where function.sourceMap == nil { function.sourceMap = map }
        script.globalInitializers += moduleScript.globalInitializers
        let shortName = path.components(separatedBy: "::").last ?? path
        moduleFunctions[path] = module.namedFunctions
        moduleFunctions[shortName] = module.namedFunctions
        if wildcard {
            for (name, function) in module.namedFunctions where namedFunctions[name] == nil { namedFunctions[name] = function }
        }
        for (name, nameOffset) in names {
            guard let function = module.namedFunctions[name] else {
                throw SyntaxError(offset: nameOffset, message: "'\(name)' is not a function of \(path)")
            }
            namedFunctions[name] = function
        }
    }

    /// A module's directives; a body after `---` (a mapping file) is not part of what it exports.
    mutating func parseModule(into script: inout Script) {
        let end = tokens.firstIndex { $0.isSymbol(.separator) } ?? tokens.count - 1
        hoistFunctions(before: end)
        while position < end {
            let start = position
            do throws(SyntaxError) {
                try parseDirective(into: &script, separator: end)
            } catch {
                headerErrors.append(error)
                skipToNextDirective(after: start, separator: end)
            }
        }
    }
}
