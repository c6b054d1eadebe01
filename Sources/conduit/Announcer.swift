import Logging

/// Writes the lines a person (or a test) waits for at start-up, `Conduit app '…' ready in …`
/// and the bundled sandbox's address: as plain lines in text mode, as INFO records of the
/// `conduit.lifecycle` logger in JSON mode, so that every line of a JSON log parses.
struct Announcer {
    let format: LogFormat

    func callAsFunction(_ line: String) {
        switch format {
        case .text:
            ConsoleOutput.write(line + "\n")
        case .json:
            var logger = Logger(label: "conduit.lifecycle")
            logger.logLevel = .info
            logger.info("\(line)")
        }
    }
}
