/// The kinds of company reference data a project points at by id (`office_id`, `program_id`, …).
enum ReferenceKind: String, Sendable, CaseIterable {
    case office = "offices"
    case program = "programs"
    case projectType = "project_types"
    case projectStage = "project_stages"
    case projectRegion = "project_regions"
    case projectBidType = "project_bid_types"
    case projectOwnerType = "project_owner_types"
    case department = "departments"
    case parentJob = "parent_jobs"
    case standardCostCodeList = "standard_cost_code_lists"

    /// The seed file's key for this kind's list.
    var seedKey: String { rawValue }

    /// Words for messages: "office", "project stage", …
    var noun: String {
        switch self {
        case .office: "office"
        case .program: "program"
        case .projectType: "project type"
        case .projectStage: "project stage"
        case .projectRegion: "project region"
        case .projectBidType: "project bid type"
        case .projectOwnerType: "project owner type"
        case .department: "department"
        case .parentJob: "parent job"
        case .standardCostCodeList: "standard cost code list"
        }
    }
}
