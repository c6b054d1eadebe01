import FlowCore
import HTTPConnector
import ProcoreConnector

/// The real Procore declaration, named for readability in tests.
enum ProcoreConnectorFixture {
    static let declaration = ProcoreDeclaration.connector
    /// The vocabularies the sample app uses: HTTP (with TLS) and Procore.
    static let declarations = [HTTPDeclaration.connector, TLSDeclaration.connector, ProcoreDeclaration.connector]
}
