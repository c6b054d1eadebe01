import FlowCore
/// A W3C Trace Context (`traceparent` and `tracestate`, Level 1): the trace a flow run belongs
/// to and the span that stands for the run, so that log lines and outbound calls join the
/// caller's distributed trace.
///
/// Conduit records no spans (there is no exporter): it reads the caller's context, gives its
/// own work a span id, sends a child context on every outbound call, and writes the ids into log
/// lines. The ids are kept as the lower-case hex the header and the logs use, so neither
/// formats anything per log line.
public struct TraceContext: Sendable, Hashable {
    /// The trace's id: 32 lower-case hex digits, not all zero.
    public let traceId: String
    /// This span's id: 16 lower-case hex digits, not all zero.
    public let spanId: String
    /// `trace-flags`; only the sampled bit (`01`) is kept and passed on.
    public let flags: UInt8
    /// The caller's `tracestate`, passed on unchanged; nil when there was none or it was not valid.
    public let traceState: String?

    /// The most `tracestate` list members the specification allows.
    static let maximumTraceStateMembers = 32

    init(traceId: String, spanId: String, flags: UInt8, traceState: String?) {
        self.traceId = traceId
        self.spanId = spanId
        self.flags = flags & 0x01
        self.traceState = traceState
    }

    /// Whether the caller may have recorded the trace (the sampled flag).
    public var isSampled: Bool { flags & 0x01 != 0 }

    /// The `traceparent` header value that names this span as the parent:
    /// `00-<trace id>-<span id>-<flags>`.
    public var traceparent: String {
        // Written byte by byte: interpolation cost thousands of instructions, once per request
        // and once per outbound call.
        let flags = isSampled ? "01" : "00"
        let pieces = ["00", traceId, spanId, flags]
        return String(unsafeUninitializedCapacity: pieces.reduce(3) { $0 + $1.utf8.count }) { text in
            var length = 0
            for (index, piece) in pieces.enumerated() {
                if index > 0 {
                    text[length] = UInt8(ascii: "-")
                    length += 1
                }
                for byte in piece.utf8 {
                    text[length] = byte
                    length += 1
                }
            }
            return length
        }
    }

    /// A new trace: random ids, sampled (Conduit starts it, and its log lines carry it).
    public static func root() -> TraceContext {
        TraceContext(traceId: randomId(words: 2), spanId: randomId(words: 1), flags: 0x01, traceState: nil)
    }

    /// A new span of the same trace, with this one as its parent: for Conduit's own run of a
    /// caller's request, and for each outbound call.
    public func child() -> TraceContext {
        TraceContext(traceId: traceId, spanId: Self.randomId(words: 1), flags: flags, traceState: traceState)
    }

    /// The span for a request that came with these headers: a child of the caller's span when
    /// `traceparent` is valid (exactly one header), else the root of a new trace.
    ///
    /// `tracestate` (every field, in order) is kept only with a valid `traceparent`, as the
    /// specification requires, and only when it is valid itself.
    public static func continuing(traceparent: [String], tracestate: [String]) -> TraceContext {
        guard traceparent.count == 1, let parent = parse(traceparent: traceparent[0]) else { return root() }
        let state = tracestate.isEmpty ? nil : validTraceState(tracestate.joined(separator: ","))
        return TraceContext(traceId: parent.traceId, spanId: parent.spanId, flags: parent.flags, traceState: state).child()
    }

    /// The context a `traceparent` value names, or nil when it is not valid: wrong length or
    /// layout, hex digits that are not lower case, version `ff`, or an all-zero id. A version
    /// after `00` is read as `00` when its first four fields are laid out the same way.
    public static func parse(traceparent value: String) -> TraceContext? {
        let bytes = Array(value.utf8)
        guard bytes.count >= 55, bytes[2] == UInt8(ascii: "-"), bytes[35] == UInt8(ascii: "-"), bytes[52] == UInt8(ascii: "-"),
              let version = hexByte(bytes[0], bytes[1]), version != 0xFF,
              let flags = hexByte(bytes[53], bytes[54]) else { return nil }
        if version == 0 { guard bytes.count == 55 else { return nil } }
        else if bytes.count > 55 { guard bytes[55] == UInt8(ascii: "-") else { return nil } }
        let traceId = bytes[3..<35]
        let spanId = bytes[36..<52]
        guard traceId.allSatisfy(isLowerHex), spanId.allSatisfy(isLowerHex),
              traceId.contains(where: { $0 != UInt8(ascii: "0") }), spanId.contains(where: { $0 != UInt8(ascii: "0") })
        else { return nil }
        return TraceContext(traceId: String(decoding: traceId, as: UTF8.self), spanId: String(decoding: spanId, as: UTF8.self),
                            flags: flags, traceState: nil)
    }

    /// `value` as a `tracestate` to pass on: empty members dropped, whitespace around members
    /// trimmed; nil when a member is not `key=value` as the specification spells them, a key
    /// repeats, or there are more than 32 members.
    static func validTraceState(_ value: String) -> String? {
        var members: [Substring] = []
        var keys: Set<Substring> = []
        for raw in value.split(separator: ",", omittingEmptySubsequences: false) {
            let member = raw.trimmingWhitespace()
            if member.isEmpty { continue }
            guard let equals = member.firstIndex(of: "=") else { return nil }
            let key = member[..<equals]
            let memberValue = member[member.index(after: equals)...]
            guard isTraceStateKey(key), isTraceStateValue(memberValue), keys.insert(key).inserted else { return nil }
            members.append(member)
        }
        guard !members.isEmpty, members.count <= maximumTraceStateMembers else { return nil }
        return members.joined(separator: ",")
    }

    /// `lcalpha 0*255(lcalpha / DIGIT / "_" / "-"/ "*" / "/")`, or a multi-tenant
    /// `tenant@system` key of the same characters.
    private static func isTraceStateKey(_ key: Substring) -> Bool {
        guard let first = key.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) || isDigit(first),
              key.utf8.count <= 256 else { return false }
        var ats = 0
        for byte in key.utf8 {
            if byte == UInt8(ascii: "@") { ats += 1; continue }
            let allowed = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || isDigit(byte)
                || [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/")].contains(byte)
            guard allowed else { return false }
        }
        return ats <= 1 && key.utf8.last != UInt8(ascii: "@")
    }

    /// `0*255(chr) nblk-chr`: printable ASCII but `,` and `=`, not ending in a space.
    private static func isTraceStateValue(_ value: Substring) -> Bool {
        guard let last = value.utf8.last, last != UInt8(ascii: " "), value.utf8.count <= 256 else { return false }
        return value.utf8.allSatisfy { (0x20...0x7E).contains($0) && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "=") }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    private static func hexByte(_ high: UInt8, _ low: UInt8) -> UInt8? {
        guard let high = hexValue(high), let low = hexValue(low) else { return nil }
        return high << 4 | low
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        if isDigit(byte) { return byte - UInt8(ascii: "0") }
        if (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) { return byte - UInt8(ascii: "a") + 10 }
        return nil
    }

    /// `words` random 64-bit words as lower-case hex, never all zero.
    /// A random id of `words` 64-bit words as lower-case hex, never all zero.
    private static func randomId(words: Int) -> String {
        RandomBytes.hex(bytes: words * 8)
    }
}

extension Substring {
    /// Without the spaces and tabs (HTTP's optional whitespace) at either end.
    fileprivate func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
