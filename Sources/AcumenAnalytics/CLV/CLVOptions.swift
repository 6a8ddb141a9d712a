import AcumenCore
/// Thresholds and tolerances of the lifetime-value fit, as data.
///
/// Defaults are conservative: fewer than 10 repeat buyers give unstable Gamma-Gamma
/// estimates, and the spend–frequency correlation warning follows Fader & Hardie (2013),
/// who check that the correlation is weak before using the model (CDNOW sample: 0.11).
public struct CLVOptions: Hashable, Sendable {
    /// Time unit of the BG/NBD fit.
    public var unit: CLVTimeUnit = .weeks
    /// Minimum customers with a purchase on or before the calibration end.
    public var minimumCustomers = 10
    /// Minimum customers with at least one repeat purchase day (BG/NBD and Gamma-Gamma).
    public var minimumRepeatBuyers = 5
    /// Minimum span, in days, between the earliest first purchase and the calibration end.
    public var minimumHistoryDays = 7
    /// |Pearson r| between repeat frequency and mean repeat spend above which a warning is given.
    public var correlationWarningThreshold = 0.3
    /// Maximum optimiser iterations per start.
    public var maximumIterations = 500
    /// Convergence: stop when the largest gradient component of the mean negative
    /// log-likelihood (per customer, log-parameter space) falls below this.
    public var gradientTolerance = 1e-7
    /// Bound on |log parameter|: parameters stay within [e^-bound, e^bound].
    public var logParameterBound = 18.0

    public init() {}
}
