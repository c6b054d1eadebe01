import FlowEngine

/// A built `spring:config`: the authentication managers its beans files declare, for the
/// security manager's `delegate-ref`s. Nothing to start: Conduit creates no other bean.
final class SpringConfiguration: ConnectorConfiguration {
    let name: String
    let managers: [AuthenticationManagerDefinition]

    init(name: String, managers: [AuthenticationManagerDefinition]) {
        self.name = name
        self.managers = managers
    }
}
