import FlowCore

extension SandboxState {
    /// `GET /_sandbox/projects/summary[?company_id=…]`: how many projects there are and how many
    /// repeat a name already taken in the same company, without rendering any of them.
    ///
    /// A soak or load test creates hundreds of thousands of projects, each with a name of its own;
    /// a repeated name is a duplicate create. Listing them all (`/_sandbox/projects`) would cost
    /// more than the run itself, so this answers with counts and the first few repeats only.
    func projectSummary(_ request: SandboxRequest) -> SandboxResponse {
        var company: Int64?
        if let text = request.query["company_id"] {
            guard let id = Int64(text) else { return .error(400, "company_id must be an integer") }
            company = id
        }
        var count = 0
        var seen: [Int64: Set<String>] = [:]
        var repeats = 0
        var examples: [Value] = []
        for record in projects.all where !record.template && (company == nil || record.companyID == company) {
            count += 1
            guard let name = record["name"].stringValue else { continue }
            if !seen[record.companyID, default: []].insert(name).inserted {
                repeats += 1
                if examples.count < 10 {
                    examples.append(.object(ValueObject([("company_id", .int(record.companyID)), ("name", .string(name)), ("id", .int(record.id))])))
                }
            }
        }
        return .json(200, .object(ValueObject([
            ("projects", .int(Int64(count))), ("repeatedNames", .int(Int64(repeats))), ("examples", .array(examples)),
        ])))
    }
}
