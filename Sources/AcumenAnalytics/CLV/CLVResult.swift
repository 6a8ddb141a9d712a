import AcumenCore
/// Predicted lifetime value of every customer, indexed like ``Workspace/customers``.
///
/// Units: money in currency units per customer (the workspace currency), purchases in
/// purchase days, P(alive) a probability; the fit's time unit is ``unit``.
public struct CLVResult: Sendable {
    public var asOf: Day
    public var unit: CLVTimeUnit
    public var horizonMonths: Int
    public var annualDiscountRate: Double
    /// Expected discounted contribution (margin) over the horizon, currency units.
    public var predictedCLV: [Double]
    /// Probability the customer is still active at `asOf` (0 for customers without history).
    public var pAlive: [Double]
    /// Expected purchase days over the horizon.
    public var expectedPurchases: [Double]
    /// Expected spend per purchase day over the horizon, currency units (Gamma-Gamma).
    public var expectedSpend: [Double]
    /// Historical margin rate (margin / revenue) applied to the spend.
    public var marginRate: [Double]
    public var source: [CLVSource]
    public var bgnbd: BGNBDFit?
    public var gammaGamma: GammaGammaFit?
    /// Plain-language notes: why a fallback was used, a spend–frequency correlation, bounds hit.
    public var warnings: [String]

    /// The BG/NBD parameters, when fitted.
    public var parameters: BGNBDParameters? { bgnbd?.parameters }
    /// The BG/NBD log-likelihood, when fitted.
    public var logLikelihood: Double? { bgnbd?.logLikelihood }
    /// The BG/NBD fit diagnostics, when fitted.
    public var diagnostics: CLVFitDiagnostics? { bgnbd?.diagnostics }

    /// Parameters, log-likelihoods, diagnostics and warnings as JSON (no per-customer arrays).
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "asOf": .string(asOf.iso), "unit": .string(unit.rawValue), "horizonMonths": .int(horizonMonths),
            "annualDiscountRate": .double(annualDiscountRate), "warnings": .array(warnings.map(JSONValue.string)),
            "moneyUnit": .string("currency units per customer"),
            "expectedPurchasesUnit": .string("purchase days per customer over horizonMonths"),
            "customers": .int(source.count),
            "modelCustomers": .int(source.filter { $0 == .model }.count),
            "fallbackCustomers": .int(source.filter { $0 == .historicalFallback }.count),
        ]
        if let f = bgnbd {
            let p = f.parameters
            o["bgnbd"] = .object([
                "parameters": .object(["r": .double(p.r), "alpha": .double(p.alpha), "a": .double(p.a), "b": .double(p.b)]),
                "unit": .string(p.unit.rawValue), "logLikelihood": .double(f.logLikelihood), "diagnostics": f.diagnostics.json,
            ])
        }
        if let g = gammaGamma {
            let p = g.parameters
            o["gammaGamma"] = .object([
                "parameters": .object(["p": .double(p.p), "q": .double(p.q), "gamma": .double(p.gamma)]),
                "logLikelihood": .double(g.logLikelihood), "diagnostics": g.diagnostics.json,
                "frequencySpendCorrelation": .double(g.frequencySpendCorrelation),
            ])
        }
        return .object(o)
    }
}
