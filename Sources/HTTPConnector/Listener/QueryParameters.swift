import FlowCore
import FlowFormats

/// Reads `a=1&b=x+y&a=2` into an object that keeps every value under its name, in order (the
/// MultiMap Mule calls `queryParams`: `.a` gives the first value). Form bodies
/// (`application/x-www-form-urlencoded`) are read the same way, as DataWeave reads them: both go
/// through the one form reader, ``URLEncodedFormat``.
enum QueryParameters {
    static func parse(_ query: String) -> ValueObject {
        URLEncodedFormat.fields(of: query)
    }
}
