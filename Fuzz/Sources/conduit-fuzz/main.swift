import ConduitFuzzing
import Foundation

/// The target this process fuzzes, from `CONDUIT_FUZZ_TARGET` (set by `Fuzz/run`).
let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["CONDUIT_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("CONDUIT_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
    }
    return target
}()

/// libFuzzer's entry point: one input. A finding stops the run like a crash, and libFuzzer
/// writes the input to a `crash-…` file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    do {
        try target.run(bytes)
    } catch {
        fatalError("fuzz finding in \(target.rawValue): \(error)")
    }
    return 0
}

/// libFuzzer's driver, which runs ``fuzzOneInput(_:_:)`` with the command line's options.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt

/// The process's entry point. SwiftPM links an executable with `main` aliased to
/// `<module>_main` (so that tests can import it), which takes the place of libFuzzer's own
/// `main`; this one hands over to libFuzzer's driver.
@_cdecl("conduit_fuzz_main")
public func conduitFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { start, size in fuzzOneInput(start, size) }
}
