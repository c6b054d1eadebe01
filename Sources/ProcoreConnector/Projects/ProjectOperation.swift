import FlowCore

/// The two project operations the connector offers.
package enum ProjectOperation: String, Sendable, Hashable, CaseIterable {
    /// `procore:create-project`: `POST /rest/v1.0/projects`.
    case create = "create-project"
    /// `procore:update-project`: `PATCH /rest/v1.0/projects/{projectId}`.
    case update = "update-project"

    /// The HTTP method Procore expects.
    package var method: String {
        switch self {
        case .create: "POST"
        case .update: "PATCH"
        }
    }

    /// The project fields this operation accepts, in the manual's order.
    package var fields: [ProjectField] {
        switch self {
        case .create: ProjectField.create
        case .update: ProjectField.update
        }
    }

    /// The value sent for `field` when its parameter is absent or null: the manual's default on
    /// create (``ProjectField/createDefaults``), nothing on update.
    package func defaultValue(of field: ProjectField) -> Value? {
        switch self {
        case .create: field.createDefault
        case .update: nil
        }
    }
}
