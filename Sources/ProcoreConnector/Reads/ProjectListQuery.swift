import FlowCore
import Foundation

/// `procore:list-projects`' validated parameters and the request for each page:
/// `GET /rest/v1.1/projects?company_id=…&filters[…]=…&page=N&per_page=M` (procore-api.md §7.2,
/// §7.3). v1.1, because only it filters by `project_number` and it allows 300 a page.
///
/// A filter whose parameter is null, absent or blank is not sent. `updatedSince` becomes the
/// range `filters[updated_at]=<since>...9999-12-31T23:59:59Z` (Procore filters timestamps by
/// range only); a local date-time or a date is read as UTC.
package struct ProjectListQuery: Sendable, Hashable {
    /// `filters[by_status]`: Procore lists active projects unless told otherwise.
    package enum Status: String, Sendable, Hashable, CaseIterable {
        case active = "Active", inactive = "Inactive", all = "All"
    }

    /// The path of the list.
    package static let path = "/rest/v1.1/projects"
    /// Projects a page when `pageSize` is not given (Procore's default for v1.1).
    package static let defaultPageSize = 100
    /// The most a v1.1 page holds.
    package static let maximumPageSize = 300
    /// The end of the range `updatedSince` opens.
    static let openRangeEnd = "9999-12-31T23:59:59Z"
    /// The parameters after `companyId`, in the order their problems are reported.
    static let filterParameters = ["byStatus", "originId", "projectNumber", "search", "updatedSince", "pageSize"]

    package let companyId: Int64
    package let status: Status
    package let originId: String?
    package let projectNumber: String?
    package let search: String?
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    package let updatedSince: String?
    package let pageSize: Int

    /// Validates the evaluated parameters; every problem is listed in one `BAD_REQUEST`.
    package init(_ parameters: [String: Value]) throws(ProcoreError) {
        var problems: [String] = []
        let companyId = ProjectRequestBuilder.requiredID("companyId", parameters["companyId"], problems: &problems)
        func given(_ name: String) -> Value? {
            guard let value = parameters[name], !value.isNull, !value.isBlankString else { return nil }
            return value
        }
        func check<T>(_ name: String, _ read: (Value) -> Result<T, FieldProblem>) -> T? {
            guard let value = given(name) else { return nil }
            switch read(value) {
            case .success(let result): return result
            case .failure(let problem):
                problems.append(ProjectRequestBuilder.invalid(name, problem.reason))
                return nil
            }
        }
        status = check("byStatus", Self.readStatus) ?? .active
        originId = check("originId", Self.readText)
        projectNumber = check("projectNumber", Self.readText)
        search = check("search", Self.readText)
        updatedSince = check("updatedSince", Self.readTimestamp)
        pageSize = check("pageSize", Self.readPageSize) ?? Self.defaultPageSize
        guard problems.isEmpty, let companyId else { throw ProcoreError(.badRequest, problems.joined(separator: "; ")) }
        self.companyId = companyId
    }

    /// Why `value` is not valid for `parameter` on its own, or nil (for `validate` to report a
    /// literal written in the XML).
    static func problem(with value: Value, for parameter: String) -> String? {
        let result: Result<Void, FieldProblem>? = switch parameter {
        case "byStatus": readStatus(value).map { _ in () }
        case "updatedSince": readTimestamp(value).map { _ in () }
        case "pageSize": readPageSize(value).map { _ in () }
        default: nil
        }
        guard value.isBlankString == false, case .failure(let problem)? = result else { return nil }
        return ProjectRequestBuilder.invalid(parameter, problem.reason)
    }

    /// The path with the query for page `page`.
    package func path(page: Int) -> String {
        var query: [(String, String)] = [("company_id", String(companyId)), ("filters[by_status]", status.rawValue)]
        if let originId { query.append(("filters[origin_id]", originId)) }
        if let projectNumber { query.append(("filters[project_number]", projectNumber)) }
        if let search { query.append(("filters[search]", search)) }
        if let updatedSince { query.append(("filters[updated_at]", "\(updatedSince)...\(Self.openRangeEnd)")) }
        query += [("page", String(page)), ("per_page", String(pageSize))]
        return Self.path + "?" + query.map { "\(Self.encoded($0.0))=\(Self.encoded($0.1))" }.joined(separator: "&")
    }

    // MARK: Values

    private static func readStatus(_ value: Value) -> Result<Status, FieldProblem> {
        if let text = value.stringValue?.trimmingCharacters(in: .whitespaces),
           let status = Status.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }) {
            return .success(status)
        }
        return .failure(FieldProblem("\(ValueDisplay.describe(value)) is not a project status (expected ACTIVE, INACTIVE or ALL)"))
    }

    private static func readText(_ value: Value) -> Result<String, FieldProblem> {
        FieldCoercion.text(value).map { $0.stringValue ?? "" }
    }

    private static func readPageSize(_ value: Value) -> Result<Int, FieldProblem> {
        let number: Int64? = switch value {
        case .int(let n): n
        case .string(let text): Int64(text.trimmingCharacters(in: .whitespaces))
        case .decimal(let d): Int64(exactly: NSDecimalNumber(decimal: d).doubleValue)
        default: nil
        }
        guard let number, (1...Int64(maximumPageSize)).contains(number) else {
            return .failure(FieldProblem("\(ValueDisplay.describe(value)) is not a page size (expected a whole number from 1 to \(maximumPageSize))"))
        }
        return .success(Int(number))
    }

    /// A date-time, a local date-time or a date (a value or its ISO text) as UTC `YYYY-MM-DDTHH:MM:SSZ`.
    private static func readTimestamp(_ value: Value) -> Result<String, FieldProblem> {
        let temporal: Temporal? = switch value {
        case .temporal(let t): t
        case .string(let text): Temporal.parse(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
        guard let temporal, temporal.kind.hasDate else {
            return .failure(FieldProblem(
                "\(ValueDisplay.describe(value)) is not a date-time (expected ISO 8601 such as '2025-01-31T08:00:00Z' or a date '2025-01-31')"))
        }
        let seconds = temporal.kind == .date ? Int64(temporal.day) * 86_400 : temporal.epochSeconds
        let days = Int(seconds.floorDivided(by: 86_400))
        let second = Int(seconds - Int64(days) * 86_400)
        let (year, month, day) = Temporal.civil(fromDays: days)
        let text = Temporal.padded(year, 4) + "-" + Temporal.padded(month, 2) + "-" + Temporal.padded(day, 2) + "T"
            + Temporal.padded(second / 3600, 2) + ":" + Temporal.padded(second / 60 % 60, 2) + ":" + Temporal.padded(second % 60, 2) + "Z"
        return .success(text)
    }

    /// Percent-encoding for a query name or value: everything but unreserved characters.
    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

extension Int64 {
    /// The quotient rounded down (toward negative infinity).
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
