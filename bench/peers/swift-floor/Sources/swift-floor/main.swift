import AsyncHTTPClient
import FloorSupport
import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore

// The floor the Swift stack allows for the main job (issue 17): Hummingbird's listener and
// AsyncHTTPClient's pooled client doing the least a service can do (see `Mode`). Prints
// `ready at http://127.0.0.1:PORT` once listening; stops on SIGTERM or SIGINT.
let usage = """
    usage: swift-floor --port P [--mode relay|json|static] [--responder direct|router]
                       [--upstream URL --token T --upstream-body FILE [--upstream-headers FILE]]
                       [--client async|delegate] [--pool N] [--static-body FILE]
                       [--executor global|loop] [--upstream-loop indifferent|delegate|channel]
      relay and json send FILE's bytes (the captured upstream request) to URL/rest/v1.0/projects
    """
let arguments = Arguments(known: ["port", "mode", "responder", "upstream", "token", "upstream-body", "upstream-headers",
                                  "client", "pool", "static-body", "executor", "upstream-loop"], usage: usage)
let mode = Mode(rawValue: arguments.choice("mode", ["relay", "json", "static"]))!
let port = arguments.int("port", default: 8080)

let work: Work
var upstream: Upstream?
switch mode {
case .static:
    let body = arguments.string("static-body").map(WireFiles.bytes) ?? ByteBuffer(string: #"{"id":1}"#)
    work = Work(mode: mode, upstream: nil, fixedBody: body, fixedObject: nil)
case .relay, .json:
    let base = arguments.required("upstream")
    upstream = Upstream(url: base + "/rest/v1.0/projects", token: arguments.required("token"),
                        fixedHeaders: WireFiles.headers(arguments.string("upstream-headers")),
                        api: Upstream.API(rawValue: arguments.choice("client", ["async", "delegate"]))!,
                        pool: arguments.int("pool", default: 64),
                        loopPreference: Upstream.LoopPreference(rawValue: arguments.choice("upstream-loop", ["indifferent", "delegate", "channel"]))!)
    let body = WireFiles.bytes(arguments.required("upstream-body"))
    let object = mode == .json ? (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))).map(JSONBox.init) : nil
    if mode == .json && object == nil { Arguments.fail("'--upstream-body' is not JSON") }
    work = Work(mode: mode, upstream: upstream, fixedBody: body, fixedObject: object)
}

let configuration = ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil)
let announce: @Sendable (any Channel) async -> Void = { channel in
    FileOutput.standardOutput("swift-floor (\(mode.rawValue)) ready at http://127.0.0.1:\(channel.localAddress?.port ?? port)\n")
}
do {
    switch arguments.choice("responder", ["direct", "router"]) {
    case "router":
        let router = Router()
        router.post("/projects") { request, _ in try await work.handle(request) }
        try await Application(router: router, configuration: configuration, onServerRunning: announce).runService()
    default:
        switch arguments.choice("executor", ["global", "loop"]) {
        case "loop":
            let server = HTTPServerBuilder { responder in PinnedHTTP1Channel(base: HTTP1Channel(responder: responder)) }
            try await Application(responder: DirectResponder(work: work), server: server, configuration: configuration,
                                  onServerRunning: announce).runService()
        default:
            try await Application(responder: DirectResponder(work: work), configuration: configuration,
                                  onServerRunning: announce).runService()
        }
    }
} catch {
    FileOutput.standardError("swift-floor: \(error)\n")
}
await upstream?.shutdown()
