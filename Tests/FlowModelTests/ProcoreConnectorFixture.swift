import FlowCore
import ProcoreConnector

/// The real Procore declaration, named for readability in tests.
enum ProcoreConnectorFixture {
    static let declaration = ProcoreDeclaration.connector
}
