import AcumenCore
/// Predicted lifetime value and P(alive) per customer, handed to the analysis by the CLV model.
///
/// The analysis does not fit BG/NBD or Gamma-Gamma itself: the CLV module does, and passes its
/// per-customer results here, indexed like ``Workspace/customers``. When no fit is available
/// the analysis receives `nil` and the `predictedCLV` and `pAlive` criteria are unknown for
/// every customer (their weight is spread over the known criteria, as for a missing rating).
public struct CLVInputs: Sendable, Hashable {
    /// Predicted (discounted) lifetime value over the CLV horizon, in currency units;
    /// `NaN` where unknown for one customer.
    public var predictedCLV: [Double]
    /// Probability that the customer is still active as of `asOf`, 0–1; `NaN` where unknown.
    public var pAlive: [Double]
    /// Expected number of purchases (purchase days) over the CLV horizon (BG/NBD); `NaN` where
    /// unknown; empty when the inputs were given without it.
    public var expectedPurchases: [Double] = []

    /// Creates the inputs from flat arrays (`NaN` = unknown), both indexed like the customers.
    public init(predictedCLV: [Double], pAlive: [Double]) {
        self.predictedCLV = predictedCLV
        self.pAlive = pAlive
    }

    /// Creates the inputs from optional values (`nil` = unknown).
    public init(predictedCLV: [Double?], pAlive: [Double?]) {
        self.predictedCLV = predictedCLV.map { $0 ?? .nan }
        self.pAlive = pAlive.map { $0 ?? .nan }
    }

    /// The predicted CLV of customer `k`, nil when unknown or out of range.
    public func clv(_ k: Int) -> Double? {
        guard predictedCLV.indices.contains(k), predictedCLV[k].isFinite else { return nil }
        return predictedCLV[k]
    }

    /// Expected purchases of customer `k` over the horizon, nil when unknown or out of range.
    public func purchases(_ k: Int) -> Double? {
        guard expectedPurchases.indices.contains(k), expectedPurchases[k].isFinite else { return nil }
        return expectedPurchases[k]
    }

    /// P(alive) of customer `k`, nil when unknown or out of range.
    public func alive(_ k: Int) -> Double? {
        guard pAlive.indices.contains(k), pAlive[k].isFinite else { return nil }
        return pAlive[k]
    }
}
