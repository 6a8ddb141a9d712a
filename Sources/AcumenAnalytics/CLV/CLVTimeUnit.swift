import AcumenCore
/// The time unit a BG/NBD fit is expressed in.
///
/// Purchase times are whole days; a fit in weeks divides every time by 7. The rate
/// parameter α scales with the unit (α in days = 7 × α in weeks); r, a and b do not.
public enum CLVTimeUnit: String, Sendable, CaseIterable, Hashable {
    case days, weeks

    /// Number of days in one unit.
    public var days: Double {
        switch self {
        case .days: 1
        case .weeks: 7
        }
    }

    /// Converts a number of days into this unit.
    public func fromDays(_ d: Double) -> Double { d / days }

    /// The length of one average calendar month (365.25 / 12 days) in this unit.
    public var month: Double { fromDays(365.25 / 12) }
}

/// Where a customer's predicted value comes from.
public enum CLVSource: String, Sendable, Hashable {
    /// BG/NBD × Gamma-Gamma, discounted (see ``CLVAnalysis``).
    case model
    /// The model could not be fitted or evaluated; the value is the customer's margin over the
    /// trailing horizon before `asOf` ("the last period repeats"), undiscounted.
    case historicalFallback
    /// The customer has no purchase on or before `asOf`: value 0, P(alive) 0.
    case noHistory
}
