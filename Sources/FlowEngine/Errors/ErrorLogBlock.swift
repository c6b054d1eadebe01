import FlowCore
import Foundation
import Logging
/// The block Mule logs for an error, which Mule users know how to read:
///
/// ```
/// ********************************************************************************
/// Message               : Something failed.
/// Element               : main/processors/1 @ app:flows/main.xml:12
/// Error type            : APP:FAILED
/// FlowStack             : at main(main/processors/1 @ app:flows/main.xml:12)
/// ********************************************************************************
/// ```
public enum ErrorLogBlock {
    private static let rule = String(repeating: "*", count: 80)
    private static let labelWidth = 22

    /// The block for `error` in app `appName`, starting with a line break so that it lines up
    /// below the log line's prefix.
    public static func render(_ error: FlowError, appName: String) -> String {
        var lines = ["", rule]
        // Values can come from a request; the block's own line breaks are the only ones.
        lines.append(line("Message", LogText.escaped(error.description)))
        lines.append(line("Element", error.failingComponent.rendered(appName: appName)))
        lines.append(line("Error type", LogText.escaped(error.type.description)))
        let frames = error.flowStack.map { LogText.escaped($0.rendered(appName: appName)) }
        lines.append(line("FlowStack", frames.first ?? ""))
        let indent = String(repeating: " ", count: labelWidth + 2)
        for frame in frames.dropFirst() {
            lines.append(indent + frame)
        }
        lines.append(rule)
        return lines.joined(separator: "\n")
    }

    /// The block's contents as log metadata, for handlers that write fields instead of text
    /// (JSON logs), together with the marker that the message keeps its own line breaks.
    public static func metadata(_ error: FlowError, appName: String) -> Logger.Metadata {
        [
            LogMetadataKeys.errorType: .string(error.type.description),
            LogMetadataKeys.errorMessage: .string(error.description),
            LogMetadataKeys.errorElement: .string(error.failingComponent.rendered(appName: appName)),
            LogMetadataKeys.errorFlowStack: .array(error.flowStack.map { .string($0.rendered(appName: appName)) }),
            LogMetadataKeys.multiline: "true",
        ]
    }

    private static func line(_ label: String, _ value: String) -> String {
        label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + ": " + value
    }
}
