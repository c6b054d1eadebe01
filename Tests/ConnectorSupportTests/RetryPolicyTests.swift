import Foundation
import ConnectorSupport
import Testing

@Suite struct RetryPolicyTests {
    @Test func defaultsAreDocumented() {
        let policy = RetryPolicy()
        #expect(policy.maxRetries == 3)
        #expect(policy.baseDelay == .milliseconds(500))
        #expect(policy.deadline == .seconds(30))
        #expect(policy.maximumDelay == .seconds(10))
    }

    @Test(arguments: [
        // (retry, jitter unit, expected delay in ms) with base 500 ms, cap 10 s
        (1, 0.0, 250), (1, 1.0, 500), (1, 0.5, 375),
        (2, 0.0, 500), (2, 1.0, 1000),
        (3, 1.0, 2000), (4, 1.0, 4000),
        (6, 1.0, 10000), (60, 1.0, 10000), (6, 0.0, 5000),
        (1, 7.0, 500), (1, -3.0, 250),
    ])
    func backoffDoublesWithEqualJitterAndACap(retry: Int, unit: Double, milliseconds: Int) {
        #expect(RetryPolicy().backoff(beforeRetry: retry, unit: unit) == .milliseconds(milliseconds))
    }

    /// `retryBaseDelay` comes from configuration: the largest value must not trap when doubled (M3).
    @Test func hugeBaseDelayIsCappedBeforeDoubling() {
        let policy = RetryPolicy(baseDelay: .milliseconds(Int.max))
        #expect(policy.backoff(beforeRetry: 1, unit: 1) == .seconds(10))
        #expect(policy.backoff(beforeRetry: 31, unit: 0) == .seconds(5))
    }

    @Test func negativeSettingsAreClamped() {
        let policy = RetryPolicy(maxRetries: -2, baseDelay: .milliseconds(-5), deadline: .seconds(-1))
        #expect(policy.maxRetries == 0)
        #expect(policy.baseDelay == .zero)
        #expect(policy.deadline == .zero)
    }
}
