@testable import ConduitFuzzing
@testable import conduit
import FlowCore
import FlowEngine
import Foundation
import Testing

/// Every committed fuzz input, the seed corpora and each input that once crashed, hung or broke
/// an invariant, fed to the same entry points the libFuzzer executable in `Fuzz/` calls.
@Suite struct CorpusReplayTests {
    /// `Fuzz/` in the repository.
    static let fuzzDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// The inputs of `target` in `Fuzz/Corpus/<target>` and `Fuzz/Regressions/<target>`, by name.
    static func inputs(of target: FuzzTarget) throws -> [(name: String, bytes: [UInt8])] {
        var inputs: [(String, [UInt8])] = []
        for folder in ["Corpus", "Regressions"] {
            let directory = fuzzDirectory.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                inputs.append(("\(folder)/\(target.rawValue)/\(name)", Array(try Data(contentsOf: directory.appendingPathComponent(name)))))
            }
        }
        return inputs
    }

    @Test(arguments: FuzzTarget.allCases)
    func replay(target: FuzzTarget) async throws {
        let inputs = try Self.inputs(of: target)
        #expect(inputs.count >= 5, "Fuzz/Corpus/\(target.rawValue) should hold seeds")
        if target == .listener {
            let host = try await ListenerFuzzHost.start()
            for input in inputs {
                do {
                    try await host.replay(input.bytes)
                } catch {
                    Issue.record("\(input.name): \(error)")
                }
            }
            await host.stop()
        } else {
            for input in inputs {
                do {
                    try target.run(input.bytes)
                } catch {
                    Issue.record("\(input.name): \(error)")
                }
            }
        }
    }

    /// The flow-loader target loads apps with exactly the connectors `conduit` ships.
    @Test func flowLoaderUsesTheExecutablesConnectors() {
        #expect(FlowLoaderFuzzing.connectors.map(\.declaration.namespaceURI) == ConnectorCatalog.declarations.map(\.namespaceURI))
    }

    /// Each target has a dictionary for libFuzzer.
    @Test(arguments: FuzzTarget.allCases)
    func dictionaryExists(target: FuzzTarget) {
        let path = Self.fuzzDirectory.appendingPathComponent("Dictionaries/\(target.rawValue).dict").path
        #expect(FileManager.default.fileExists(atPath: path), "missing \(path)")
    }
}
