/// How an attribute value is read, following Mule (mule-semantics §5.1).
public enum ValueMode: Sendable, Hashable {
    /// Connector (SDK) parameters: only a whole `#[…]` is an expression; any other text,
    /// `"Hello #[payload]"` included, is literal.
    case connectorParameter
    /// Core components (`logger message`, `set-payload value`, `set-variable value`,
    /// `raise-error description`, `http:body`): a whole `#[…]` keeps its type; text mixing in
    /// `#[…]` is a template that yields a string; other text is literal.
    case template
    /// `when expression`, `foreach collection`: an expression with or without `#[ ]`.
    case bareExpression
}
