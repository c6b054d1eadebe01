import Testing

/// Dates, periods, `as` and `is` (docs.mulesoft.com/dataweave/latest/dataweave-types,
/// dataweave-cookbook-change-time-zone, dataweave-cookbook-add-and-subtract-time,
/// dataweave-types-coercion, dataweave-cookbook-format-dates, dataweave-formats-java), restated
/// in our own words.
@Suite struct DateAndCoercionCases {
    static let cases: [ScriptCase] = [
        // dataweave-types: date literals keep their kind and print as ISO text
        ScriptCase("|2003-10-01|", #""2003-10-01""#),
        ScriptCase("|2003-10-01T23:57:59-03:00|", #""2003-10-01T23:57:59-03:00""#),
        ScriptCase("|2003-10-01T23:57:59Z|", #""2003-10-01T23:57:59Z""#),
        ScriptCase("|2003-10-01T23:57:59|", #""2003-10-01T23:57:59""#),
        ScriptCase("|23:57:59|", #""23:57:59""#),
        ScriptCase("|23:57:59.700|", #""23:57:59.700""#),
        ScriptCase("|23:57:59+02:00|", #""23:57:59+02:00""#),
        ScriptCase("|-08:00|", #""-08:00""#),
        ScriptCase("[|P1D|, |P1Y2M|, |PT1H30M|, |P0D|]", #"["P1D","P1Y2M","PT1H30M","P0D"]"#),
        ScriptCase(#"[typeOf(|2003-10-01T23:57:59Z|), typeOf(|2003-10-01T23:57:59|), typeOf(|23:57:59|), typeOf(|23:57:59Z|), typeOf(|-08:00|), typeOf(|P1D|)]"#,
                   #"["DateTime","LocalDateTime","LocalTime","Time","TimeZone","Period"]"#),
        // dataweave-cookbook-add-and-subtract-time
        ScriptCase("|2003-10-01| + |P1D|", #""2003-10-02""#),
        ScriptCase("|2003-10-01| - |P1Y|", #""2002-10-01""#),
        ScriptCase("|2020-01-31| + |P1M|", #""2020-02-29""#),
        ScriptCase("|2003-10-01T23:57:59Z| + |PT2M|", #""2003-10-01T23:59:59Z""#),
        ScriptCase("|2003-10-01T23:57:59Z| + |PT3H|", #""2003-10-02T02:57:59Z""#),
        ScriptCase("|23:00:00| + |PT2H|", #""01:00:00""#),
        ScriptCase("|2020-01-10| - |2020-01-01|", #""P9D""#),
        ScriptCase("|2020-03-01| - |P1D|", #""2020-02-29""#),
        ScriptCase("|2020-01-01T10:00:00Z| - |2020-01-01T08:30:00Z|", #""PT1H30M""#),
        ScriptCase("|2025-01-01| ++ |10:00:00|", #""2025-01-01T10:00:00""#),
        ScriptCase("|2025-01-01| ++ |10:00:00Z|", #""2025-01-01T10:00:00Z""#),
        // dataweave-types: comparing dates
        ScriptCase("[|2020-01-01| < |2020-01-02|, |2020-01-01T10:00:00Z| == |2020-01-01T07:00:00-03:00|, |2020-01-01| == |2020-01-01|]", "[true,true,true]"),
        ScriptCase(#"[|2020-01-05|, |2019-12-31|, |2020-01-01|] orderBy $"#, #"["2019-12-31","2020-01-01","2020-01-05"]"#),
        // dataweave-types: date parts
        ScriptCase("do { var d = |2003-10-01T23:57:59-03:00| --- [d.year, d.month, d.day, d.hour, d.minutes, d.seconds, d.offsetSeconds] }",
                   "[2003,10,1,23,57,59,-10800]"),
        ScriptCase("[|2024-03-15|.dayOfWeek, |2024-03-15|.dayOfYear, |2024-03-15|.quarter]", "[5,75,1]"),
        ScriptCase("[|P1Y2M3D|.years, |P1Y2M3D|.months, |P1Y2M3D|.days]", "[1,2,3]"),
        // dataweave-cookbook-format-dates: Java patterns
        ScriptCase(#"|2020-10-06| as String {format: "dd/MM/yyyy"}"#, #""06/10/2020""#),
        ScriptCase(#"|2020-10-06| as String {format: "MMM d, yyyy"}"#, #""Oct 6, 2020""#),
        ScriptCase(#"|2020-10-06| as String {format: "EEEE, MMMM dd"}"#, #""Tuesday, October 06""#),
        ScriptCase(#"|2020-10-06T15:04:05Z| as String {format: "yyyy-MM-dd'T'HH:mm:ss"}"#, #""2020-10-06T15:04:05""#),
        ScriptCase(#"|2020-10-06T15:04:05.123Z| as String {format: "h:mm a, SSS"}"#, #""3:04 PM, 123""#),
        ScriptCase(#"|2020-10-06T15:04:05-05:00| as String {format: "yyMMddHHmmXXX"}"#, #""2010061504-05:00""#),
        ScriptCase(#"|2020-10-06T15:04:05Z| as String {format: "uuuu-MM-dd HH:mm:ss X"}"#, #""2020-10-06 15:04:05 Z""#),
        // dataweave-types-coercion: text to dates
        ScriptCase(#""2020-10-06" as Date"#, #""2020-10-06""#),
        ScriptCase(#"typeOf("2020-10-06T10:00:00Z" as DateTime)"#, #""DateTime""#),
        ScriptCase(#""8/30/2020 4:00:13 PM" as LocalDateTime {format: "M/dd/uuuu h:mm:ss a"}"#, #""2020-08-30T16:00:13""#),
        ScriptCase(#""06/10/2020" as Date {format: "dd/MM/yyyy"}"#, #""2020-10-06""#),
        ScriptCase(#""02/31/2020" as Date {format: "MM/dd/uuuu"}"#, #""2020-02-29""#),
        ScriptCase(#""Oct 6, 2020" as Date {format: "MMM d, yyyy"}"#, #""2020-10-06""#),
        ScriptCase(#"|2020-10-06T10:00:00-03:00| as Date"#, #""2020-10-06""#),
        ScriptCase(#"|2020-10-06T10:00:00-03:00| as LocalDateTime"#, #""2020-10-06T10:00:00""#),
        // dataweave-types-coercion: numbers and dates
        ScriptCase(#"|2020-01-01T00:00:00Z| as Number"#, "1577836800"),
        ScriptCase(#"|2020-01-01T00:00:01.500Z| as Number {unit: "milliseconds"}"#, "1577836801500"),
        ScriptCase(#"1577836800 as DateTime"#, #""2020-01-01T00:00:00Z""#),
        ScriptCase(#"1577836800500 as DateTime {unit: "milliseconds"}"#, #""2020-01-01T00:00:00.500Z""#),
        // dataweave-types-coercion: numbers with DecimalFormat patterns
        ScriptCase(###"12.3456 as String {format: "##.##"}"###, #""12.35""#),
        ScriptCase(###"1234567.891 as String {format: "#,##0.00"}"###, #""1,234,567.89""#),
        ScriptCase(#"5 as String {format: "000"}"#, #""005""#),
        ScriptCase(###"0.5 as String {format: "#.##"}"###, #"".5""#),
        ScriptCase(##"0.256 as String {format: "#%"}"##, #""26%""#),
        ScriptCase(##"2.5 as String {format: "#"}"##, #""2""#),
        ScriptCase(##"3.5 as String {format: "#"}"##, #""4""#),
        ScriptCase(###"12 as String {format: "$#,##0.00"}"###, #""$12.00""#),
        ScriptCase(###""1,234.5" as Number {format: "#,##0.0"}"###, "1234.5"),
        // dataweave-types-coercion: the basic conversions
        ScriptCase(#"["12" as Number, "1.50" as Number, 12 as String, true as String, "true" as Boolean, "FALSE" as Boolean]"#,
                   #"[12,1.5,"12","true",true,false]"#),
        ScriptCase(#"|2020-01-01| as String"#, #""2020-01-01""#),
        ScriptCase(#""abc" as Regex is Regex"#, "true"),
    ]

    @Test(arguments: cases)
    func scriptWritesDocumentedOutput(_ scriptCase: ScriptCase) throws {
        let written = try scriptCase.run()
        #expect(written == scriptCase.expected)
    }
}
