import FlowEngine
import Testing

/// W3C Trace Context Level 1: which `traceparent` values are taken, what is sent on, and that a
/// run's context is the task's current one.
@Suite struct TraceContextTests {
    static let parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    @Test func validTraceparentIsContinuedWithANewSpan() throws {
        let context = TraceContext.continuing(traceparent: [Self.parent], tracestate: ["congo=t61rcWkgMzE", " rojo=00f067aa0ba902b7 "])
        #expect(context.traceId == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(context.spanId != "00f067aa0ba902b7")
        #expect(context.spanId.count == 16 && context.spanId.allSatisfy(\.isHexDigit))
        #expect(context.isSampled)
        #expect(context.traceState == "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7")
        #expect(context.traceparent == "00-4bf92f3577b34da6a3ce929d0e0e4736-\(context.spanId)-01")
        let call = context.child()
        #expect(call.traceId == context.traceId && call.spanId != context.spanId && call.traceState == context.traceState)
    }

    @Test(arguments: [
        "",                                                                  // empty
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",     // version 00 is exactly 55 characters
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",           // upper-case hex
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",           // all-zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",           // all-zero parent id
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",           // version ff
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",           // flags not hex
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",           // separators
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",          // a later version's extra part must follow a dash
    ])
    func invalidTraceparentStartsANewTrace(_ value: String) {
        #expect(TraceContext.parse(traceparent: value) == nil)
        let context = TraceContext.continuing(traceparent: [value], tracestate: ["congo=t61rcWkgMzE"])
        #expect(context.traceId != "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(context.traceState == nil, "tracestate is dropped without a valid traceparent")
    }

    @Test func laterVersionIsReadAsVersion00() throws {
        let context = try #require(TraceContext.parse(traceparent: "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03-what-comes"))
        #expect(context.traceparent == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "only the sampled flag is kept")
    }

    @Test func twoTraceparentHeadersAreIgnored() {
        let context = TraceContext.continuing(traceparent: [Self.parent, Self.parent], tracestate: [])
        #expect(context.traceId != "4bf92f3577b34da6a3ce929d0e0e4736")
    }

    @Test(arguments: ["congo", "Congo=1", "congo=1,congo=2", "congo=a,b", "congo=caf\u{E9}", "congo=a=b"])
    func invalidTracestateIsDropped(_ state: String) {
        #expect(TraceContext.continuing(traceparent: [Self.parent], tracestate: [state]).traceState == nil)
    }

    @Test func tracestateOfMoreThan32MembersIsDropped() {
        let members = (0..<33).map { "k\($0)=v" }.joined(separator: ",")
        #expect(TraceContext.continuing(traceparent: [Self.parent], tracestate: [members]).traceState == nil)
        let allowed = (0..<32).map { "k\($0)=v" }.joined(separator: ",")
        #expect(TraceContext.continuing(traceparent: [Self.parent], tracestate: [allowed]).traceState == allowed)
    }

    @Test func rootIsSampledWithFreshIds() {
        let first = TraceContext.root()
        let second = TraceContext.root()
        #expect(first.traceId.count == 32 && first.spanId.count == 16)
        #expect(first.traceId != second.traceId)
        #expect(first.traceparent.hasSuffix("-01"))
        #expect(TraceContext.parse(traceparent: first.traceparent) != nil)
    }

    @Test func currentContextReachesChildTasks() async {
        #expect(TraceContext.current == nil)
        let context = TraceContext.root()
        let seen = await context.withCurrent {
            await Task { TraceContext.current }.value
        }
        #expect(seen == context)
        #expect(TraceContext.current == nil)
    }
}
