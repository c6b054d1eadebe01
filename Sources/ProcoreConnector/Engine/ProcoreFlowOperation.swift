import FlowCore
import FlowEngine
import FlowModel
import Logging

/// One Procore operation in a flow: evaluates its parameters against the event, calls Procore
/// through the config's client, and turns the result or failure into the engine's terms.
struct ProcoreFlowOperation: ConnectorOperation {
    enum Kind: Sendable {
        case project(ProjectOperation)
        case read(ProjectReadOperation)
        case unauthorize
    }

    let kind: Kind
    let definition: ComponentDefinition
    let runtime: ProcoreRuntimeConfiguration
    /// The parameters that go into the request, picked out of the definition once rather than
    /// on every call, and prepared to be evaluated together (most are `#[payload.key]`).
    private let requestParameters: ParameterList
    /// Where their values go: the definition's keys in the same order, then `customFields` when
    /// only `<procore:custom-field>` children give it.
    private let parameterLayout: ProjectParameters.Layout
    /// Where `customFields` is in that layout, when `<procore:custom-field>` children merge into it.
    private let customFieldsPosition: Int?
    /// The `<procore:custom-field>` children, by key.
    private let customFieldParameters: [RequestParameter]
    /// The same in the order the request builder checks them (`companyId`, `projectId`, then the
    /// manual's field order), so that a payload of the wrong shape is reported on the first.
    private let orderedParameters: [(name: String, value: ParameterValue)]

    /// Parameters that steer the engine or the connection rather than the request body.
    private static let nonRequestParameters: Set<String> = ["config-ref", "target", "targetValue", "resourceOwnerId"]

    init(kind: Kind, definition: ComponentDefinition, runtime: ProcoreRuntimeConfiguration) {
        self.kind = kind
        self.definition = definition
        self.runtime = runtime
        let written = definition.parameters.filter { !Self.nonRequestParameters.contains($0.key) }
        requestParameters = ParameterList(written.map(\.value))
        let entries = definition.child("custom-fields")?.children.filter { $0.name == "custom-field" } ?? []
        customFieldParameters = entries.compactMap { entry in
            guard let key = entry.parameters["key"]?.text, let value = entry.parameters["value"] else { return nil }
            return RequestParameter(name: key, value: value)
        }
        let order: [String] = switch kind {
        case .project(let operation): ["companyId", "projectId"] + operation.fields.map(\.parameter) + ["customFields", ClearedFields.parameter]
        case .read, .unauthorize: []
        }
        let customFieldsNeedsRoom = !customFieldParameters.isEmpty && written[Self.customFields] == nil
        parameterLayout = ProjectParameters.Layout(names: written.map(\.key) + (customFieldsNeedsRoom ? [Self.customFields] : []))
        customFieldsPosition = customFieldParameters.isEmpty ? nil : parameterLayout.names.firstIndex(of: Self.customFields)
        orderedParameters = order.compactMap { name in definition.parameters[name].map { (name: name, value: $0) } }
    }

    func execute(_ input: OperationInput) async throws(ConnectorError) -> Message {
        do {
            switch kind {
            case .unauthorize: return try await unauthorize(input)
            case .project(let operation): return try await callProcore(operation, input)
            case .read(let operation): return try await read(operation, input)
            }
        } catch {
            throw Self.connectorError(error)
        }
    }

    // The calls are out of line so that each async frame holds only what lives across its await.

    @inline(never)
    private func callProcore(_ operation: ProjectOperation, _ input: OperationInput) async throws -> Message {
        let client = try runtime.runningClient()
        let request = try prepare(operation, input, client)
        return try await client.send(request, resourceOwnerId: resourceOwner)
    }

    @inline(never)
    private func read(_ operation: ProjectReadOperation, _ input: OperationInput) async throws -> Message {
        let client = try runtime.runningClient()
        let parameters = try evaluateParameters(input).dictionary
        switch operation {
        case .get: return try await client.getProject(parameters, resourceOwnerId: resourceOwner)
        case .list: return try await client.listProjects(parameters, resourceOwnerId: resourceOwner)
        }
    }

    @inline(never)
    private func unauthorize(_ input: OperationInput) async throws -> Message {
        let client = try runtime.runningClient()
        let owner = try definition.parameters["resourceOwnerId"].map { parameter throws(ConnectorError) in
            try input.evaluate(parameter)
        }
        try await client.unauthorize(resourceOwnerId: owner?.stringValue)
        return Message(payload: input.payload, attributes: input.message.attributes)
    }

    /// The engine's error for whatever an operation threw.
    @inline(never)
    static func connectorError(_ error: any Error) -> ConnectorError {
        switch error {
        case let error as ProcoreError:
            ConnectorError(type: error.type.name, message: error.description, errorMessage: error.errorMessage, cause: error.errorCause)
        case let error as ConnectorError:
            error
        default:
            ConnectorError(type: ProcoreErrorType.unexpectedError.name, message: "\(error)")
        }
    }

    /// The parameters evaluated, validated and encoded. Synchronous and out of line, so that the
    /// evaluated parameters are freed before the call to Procore is waited for.
    @inline(never)
    private func prepare(_ operation: ProjectOperation, _ input: OperationInput, _ client: ProcoreClient) throws -> WireRequest {
        // A payload that does not read at all fails on the first parameter that selects from it.
        if let payload = try? input.payloadValue(), PayloadShape.isSuspect(payload),
           let problem = PayloadShape.problem(input, payload: payload, parameters: orderedParameters,
                                              accepts: { ProjectRequestBuilder.accepts($1, for: $0, of: operation) }) {
            input.logger.debug("\(operation.rawValue) parameters invalid: \(problem.description)",
                               metadata: ["procore.config": "\(runtime.configuration.name)"])
            throw problem
        }
        return WireRequest(try client.validated(operation, try evaluateParameters(input)))
    }

    /// The resource owner the config names (`resourceOwnerId` on the grant), else the default.
    private var resourceOwner: String? {
        if case .authorizationCode(let settings) = runtime.configuration.grant { return settings.resourceOwnerId }
        return nil
    }

    /// Every written parameter evaluated, with `<procore:custom-field>` children merged into
    /// `customFields`.
    private func evaluateParameters(_ input: OperationInput) throws(ConnectorError) -> ProjectParameters {
        var values = try input.evaluate(requestParameters)
        if let position = customFieldsPosition {
            if position == values.count { values.append(.null) }
            var fields = values[position].objectValue ?? ValueObject()
            for entry in customFieldParameters {
                fields[entry.name] = try input.evaluate(entry.value)
            }
            values[position] = .object(fields)
        }
        return ProjectParameters(layout: parameterLayout, values: values)
    }

    /// The parameter `<procore:custom-field>` children are merged into.
    private static let customFields = "customFields"
}

/// A parameter the operation evaluates on every call, held by reference: iterating value-typed
/// parameters copied (and retained and released) each one's strings and locations per call.
private final class RequestParameter: Sendable {
    let name: String
    let value: ParameterValue

    init(name: String, value: ParameterValue) {
        self.name = name
        self.value = value
    }
}
