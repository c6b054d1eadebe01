/// Where each Unicode scalar of a decoded text was written in its file.
///
/// A value read from a file is rarely a straight copy of one source line: XML writes a line
/// break inside an attribute as `&#10;` (six characters for one) and turns a real line break
/// into a space, `&quot;` is one character written as six, a `.properties` value continues on
/// the next line after a `\`. A map records, for the runs of the decoded text that sit one after
/// another on one source line, where each run starts, so that an error found at offset `k` of
/// the text (a bad token in an expression) points at the character the user wrote.
public struct SourceMap: Sendable, Hashable {
    /// A run of the text whose scalars sit one after another on one source line.
    public struct Run: Sendable, Hashable {
        /// Offset, in Unicode scalars of the decoded text, where the run starts.
        public var offset: Int
        /// Where the run's first scalar was written.
        public var location: SourceLocation

        /// Creates a run.
        public init(offset: Int, location: SourceLocation) {
            self.offset = offset
            self.location = location
        }
    }

    /// Where the text's first scalar was written.
    public let start: SourceLocation
    /// The runs after the first, in increasing offset order; empty when the whole text is one run.
    public let runs: [Run]

    /// A map whose text starts at `start`, continuing in runs that start where `runs` say.
    public init(start: SourceLocation, runs: [Run] = []) {
        self.start = start
        self.runs = runs
    }

    /// A map for text that is a verbatim copy of its source from `start` on, such as an element's
    /// text or a CDATA section: each `\n` in `text` is a line break in the file.
    public static func verbatim(_ text: some Sequence<Unicode.Scalar>, from start: SourceLocation) -> SourceMap {
        var runs: [Run] = []
        var line = start.line
        for (offset, scalar) in text.enumerated() where scalar == "\n" {
            line += 1
            runs.append(Run(offset: offset + 1, location: SourceLocation(file: start.file, line: line, column: 1)))
        }
        return SourceMap(start: start, runs: runs)
    }

    /// Where the scalar at `offset` of the text was written (past the end: as if the last run went on).
    public func location(ofOffset offset: Int) -> SourceLocation {
        var best = Run(offset: 0, location: start)
        for run in runs {
            guard run.offset <= offset else { break }
            best = run
        }
        return best.location.advanced(by: max(offset, 0) - best.offset)
    }

    /// The map of the text from `offset` on (the text of an expression inside an attribute value).
    public func dropping(first offset: Int) -> SourceMap {
        guard offset > 0 else { return self }
        let later = runs.filter { $0.offset > offset }.map { Run(offset: $0.offset - offset, location: $0.location) }
        return SourceMap(start: location(ofOffset: offset), runs: later)
    }
}
