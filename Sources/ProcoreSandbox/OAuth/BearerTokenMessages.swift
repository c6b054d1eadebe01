/// The 401 texts Procore documents for REST calls (procore-api.md §9).
enum BearerTokenMessages {
    static let invalid = "The access token is invalid"
    static let expired = "Your access token has expired, please use your refresh token to obtain a fresh token."
}
