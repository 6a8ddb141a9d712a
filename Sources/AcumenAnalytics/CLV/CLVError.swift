import AcumenCore
/// Why a customer-lifetime-value model could not be fitted.
///
/// Each case says what was missing so the caller can show it; ``CLVAnalysis`` turns
/// these into a ``CLVSource/historicalFallback`` result with the message as a warning.
public enum CLVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No customer has a purchase on or before the calibration end.
    case noCustomers
    /// Fewer customers with history than the minimum the fit needs.
    case tooFewCustomers(found: Int, needed: Int)
    /// Fewer customers with at least one repeat purchase than the minimum.
    case tooFewRepeatBuyers(found: Int, needed: Int)
    /// The calibration period is too short (no customer observed for at least the minimum days).
    case tooLittleHistory(days: Int, needed: Int)
    /// The optimiser found no finite likelihood from any start.
    case optimisationFailed(String)
    /// An input value is negative, not finite, or inconsistent (t_x > T).
    case invalidInput(String)
    /// The holdout end is not after the calibration end.
    case invalidHoldout(calibrationEnd: Day, holdoutEnd: Day)

    public var description: String {
        switch self {
        case .noCustomers:
            "no customer has a purchase on or before the calibration end"
        case .tooFewCustomers(let found, let needed):
            "too few customers with purchases to fit BG/NBD: \(found) (need at least \(needed))"
        case .tooFewRepeatBuyers(let found, let needed):
            found == 0 ? "all customers are one-time buyers; BG/NBD and Gamma-Gamma need repeat purchases"
                : "too few repeat buyers to fit: \(found) (need at least \(needed))"
        case .tooLittleHistory(let days, let needed):
            "too little history: the longest customer observation is \(days) days (need at least \(needed))"
        case .optimisationFailed(let why):
            "the likelihood could not be maximised: \(why)"
        case .invalidInput(let why):
            "invalid model input: \(why)"
        case .invalidHoldout(let c, let h):
            "the holdout end \(h.iso) must be after the calibration end \(c.iso)"
        }
    }
}
