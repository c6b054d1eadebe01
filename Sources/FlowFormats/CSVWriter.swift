import FlowCore

/// Writes an array of flat objects as CSV: a header line with the first row's keys (unless
/// `header=false`), then one line per row, each ended by `lineSeparator`.
///
/// Every row is written by column name, so rows whose keys come in another order still line up;
/// a key the first row does not have is an error rather than a silently dropped value. A field
/// is quoted when it holds the separator, the quote or a line break (always with `quoteValues`);
/// inside quotes, quotes and escape characters are escaped (doubled when `escape` is empty or
/// the quote itself).
struct CSVWriter {
    struct Options {
        var header = true
        var quoteValues = false
        var quoteHeader = false
        var lineSeparator: [UInt8] = [0x0A]
    }

    private let dialect: CSVDialect
    private let options: Options
    private var output: [UInt8] = []

    private init(dialect: CSVDialect, options: Options) {
        self.dialect = dialect
        self.options = options
    }

    static func write(_ value: Value, dialect: CSVDialect, options: Options) throws(FormatError) -> [UInt8] {
        let rows: ValueArray
        switch value {
        case .array(let elements): rows = elements
        case .object: rows = [value]
        default:
            throw FormatError("Cannot write \(value.typeNameWithArticle) as application/csv: expected an Array of Objects (one per row)")
        }
        var writer = CSVWriter(dialect: dialect, options: options)
        guard let first = rows.first else { return [] }
        guard case .object(let firstRow) = first else {
            throw FormatError("Cannot write row 1 as CSV: it is \(first.typeNameWithArticle), not an Object")
        }
        let columns = firstRow.keys
        writer.output.reserveCapacity(rows.count * max(columns.count, 1) * 12)
        if options.header {
            for (position, name) in columns.enumerated() {
                if position > 0 { writer.output.append(dialect.separator) }
                writer.field(name, forceQuotes: options.quoteHeader, alone: columns.count == 1)
            }
            writer.output += options.lineSeparator
        }
        for (number, row) in zip(1..., rows) {
            guard case .object(let object) = row else {
                throw FormatError("Cannot write row \(number) as CSV: it is \(row.typeNameWithArticle), not an Object")
            }
            try writer.row(object, number: number, columns: columns)
        }
        return writer.output
    }

    private mutating func row(_ object: ValueObject, number: Int, columns: [String]) throws(FormatError) {
        let entries = object.entries
        // Rows usually repeat the first row's keys in order; only others need looking up.
        let inOrder = entries.count == columns.count && zip(entries, columns).allSatisfy { $0.key == $1 }
        if !inOrder, let stray = entries.first(where: { !columns.contains($0.key) }) {
            throw FormatError(
                "Cannot write row \(number) as CSV: its key \"\(stray.key)\" is not a column (the columns are the first row's keys: \(columns.joined(separator: ", ")))")
        }
        for (position, column) in columns.enumerated() {
            if position > 0 { output.append(dialect.separator) }
            let value = inOrder ? entries[position].value : (object[column] ?? .null)
            if case .null = value {
                if columns.count == 1 { field("", forceQuotes: false, alone: true) }
                continue
            }
            guard let text = ScalarText.of(value) else {
                throw FormatError(
                    "Cannot write row \(number) as CSV: the value of \"\(column)\" is \(value.typeNameWithArticle); CSV fields hold only Strings, Numbers and Booleans")
            }
            field(text, forceQuotes: options.quoteValues, alone: columns.count == 1)
        }
        output += options.lineSeparator
    }

    /// Appends one field. `alone`: the only field of its line, where an empty value must be
    /// quoted or a reader would take the line for an empty one and skip it.
    private mutating func field(_ text: String, forceQuotes: Bool, alone: Bool) {
        var text = text
        text.withUTF8 { utf8 in
            let needsQuotes = forceQuotes || (alone && utf8.isEmpty) || utf8.contains { byte in
                byte == dialect.separator || byte == dialect.quote || byte == 0x0A || byte == 0x0D
            }
            guard needsQuotes else {
                output.append(contentsOf: utf8)
                return
            }
            output.append(dialect.quote)
            for byte in utf8 {
                if byte == dialect.quote || byte == dialect.escape { output.append(dialect.escape ?? dialect.quote) }
                output.append(byte)
            }
            output.append(dialect.quote)
        }
    }
}
