import Foundation
import FlowCore

/// The list endpoints' `filters[…]` parameters the sandbox supports: `by_status` (default
/// `Active`), `id`, `origin_id`, `name`, `search`, the `created_at` and `updated_at` ranges, and
/// on v1.1 `project_number`. `name` and `search` match case-insensitively within the name;
/// `search` also within the project number and display name (the reference does not document
/// `search`; the sandbox reads it the way Procore's other list actions describe it).
struct ProjectListFilter {
    enum Status: String {
        case active = "Active", inactive = "Inactive", all = "All"
    }

    let status: Status
    let ids: Set<Int64>?
    let originID: String?
    let name: String?
    let projectNumber: String?
    let search: String?
    let createdAt: TimestampRange?
    let updatedAt: TimestampRange?

    init(_ query: URLEncodedForm, version: ProjectListVersion) throws(Rejection) {
        let statusText = query["filters[by_status]"] ?? "Active"
        guard let status = Status(rawValue: statusText) else {
            throw Rejection(response: .error(400, "filters[by_status] must be Active, Inactive or All"))
        }
        self.status = status
        let idTexts = query.all("filters[id][]") + query.all("filters[id]").flatMap { $0.split(separator: ",").map(String.init) }
        if idTexts.isEmpty {
            ids = nil
        } else {
            var ids: Set<Int64> = []
            for text in idTexts {
                guard let id = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                    throw Rejection(response: .error(400, "filters[id] must be project ids"))
                }
                ids.insert(id)
            }
            self.ids = ids
        }
        originID = query["filters[origin_id]"]
        name = query["filters[name]"]
        projectNumber = version == .v1_1 ? query["filters[project_number]"] : nil
        search = query["filters[search]"].flatMap { $0.isEmpty ? nil : $0 }
        createdAt = try query["filters[created_at]"].map { text throws(Rejection) in try TimestampRange(text, filter: "filters[created_at]") }
        updatedAt = try query["filters[updated_at]"].map { text throws(Rejection) in try TimestampRange(text, filter: "filters[updated_at]") }
    }

    func apply(_ projects: [ProjectRecord], displayName: (ProjectRecord) -> String) -> [ProjectRecord] {
        projects.filter { project in
            let active = project["active"] != .bool(false)
            switch status {
            case .active where !active: return false
            case .inactive where active: return false
            default: break
            }
            if let ids, !ids.contains(project.id) { return false }
            if let originID, project["origin_id"] != .string(originID) { return false }
            if let name, !(project["name"].stringValue ?? "").localizedCaseInsensitiveContains(name) { return false }
            if let projectNumber, project["project_number"] != .string(projectNumber) { return false }
            if let createdAt, !createdAt.contains(project.createdAt) { return false }
            if let updatedAt, !updatedAt.contains(project.updatedAt) { return false }
            if let search {
                let texts = [project["name"].stringValue, project["project_number"].stringValue, displayName(project)]
                guard texts.contains(where: { $0?.localizedCaseInsensitiveContains(search) == true }) else { return false }
            }
            return true
        }
    }
}
