import AcumenCore
import Foundation

/// The public entry point: fits BG/NBD and Gamma-Gamma on a workspace's own history and
/// values every customer.
///
/// Predicted CLV of customer i over H months (default 12, ``CLVSettings/horizonMonths``),
/// the discrete monthly form of `lifetimes`' `customer_lifetime_value`:
///   CLVᵢ = Σₖ₌₁..H [E(kΔ) − E((k−1)Δ)] × spendᵢ × marginRateᵢ / (1 + d)ᵏ
/// where E(t) is BG/NBD's expected purchase days in (asOf, asOf + t] (FHL 2005 eq. 10),
/// Δ = 365.25/12 days in the fit's unit, spendᵢ the Gamma-Gamma expected spend (Fader &
/// Hardie 2013 eq. 5), marginRateᵢ = historical margin / revenue, and d = (1 + annual
/// rate)^(1/12) − 1 the monthly discount rate. Money is in currency units.
/// When the model cannot be fitted the customer's margin over the trailing H months is
/// used instead, marked ``CLVSource/historicalFallback``.
public enum CLVAnalysis {
    /// Fits as of `asOf` (the calibration end) and values every customer.
    public static func fit(workspace: Workspace, asOf: Day, settings: Settings? = nil,
                           options: CLVOptions = CLVOptions()) -> CLVResult {
        let s = settings ?? workspace.settings
        let horizon = max(0, s.clv.horizonMonths)
        let summary = CLVSummary(transactions: workspace.transactions, customerCount: workspace.customers.count,
                                 calibrationEnd: asOf, unit: options.unit, defaultMarginRate: s.defaultMarginRate,
                                 trailingFrom: asOf.adding(months: -horizon))
        return value(summary: summary, horizonMonths: horizon, annualDiscountRate: s.clv.annualDiscountRate,
                     defaultMarginRate: s.defaultMarginRate, enabled: s.clv.enabled, options: options)
    }

    /// Values customers from a prepared summary (see ``fit(workspace:asOf:settings:options:)``).
    public static func value(summary: CLVSummary, horizonMonths: Int, annualDiscountRate: Double,
                             defaultMarginRate: Double, enabled: Bool = true, options: CLVOptions = CLVOptions()) -> CLVResult {
        let n = summary.hasHistory.count
        var result = CLVResult(asOf: summary.calibrationEnd, unit: summary.unit, horizonMonths: horizonMonths,
                               annualDiscountRate: annualDiscountRate,
                               predictedCLV: [Double](repeating: 0, count: n), pAlive: [Double](repeating: 0, count: n),
                               expectedPurchases: [Double](repeating: 0, count: n), expectedSpend: [Double](repeating: 0, count: n),
                               marginRate: [Double](repeating: 0, count: n),
                               source: summary.hasHistory.map { $0 ? .historicalFallback : .noHistory },
                               bgnbd: nil, gammaGamma: nil, warnings: [])
        let cohort = summary.cohort
        for i in cohort {
            let rate = summary.revenue[i] > 0 ? summary.margin[i] / summary.revenue[i] : defaultMarginRate
            result.marginRate[i] = rate.isFinite ? rate : defaultMarginRate
            result.predictedCLV[i] = summary.trailingMargin[i]
        }
        let fallbackNote = "predicted CLV falls back to each customer's margin over the last \(horizonMonths) months"
        guard enabled else {
            result.warnings.append("lifetime-value model disabled in settings; " + fallbackNote)
            return result
        }
        do {
            result.bgnbd = try BGNBDFitter.fit(x: cohort.map { summary.x[$0] }, tx: cohort.map { summary.tx[$0] },
                                               T: cohort.map { summary.T[$0] }, unit: summary.unit, options: options)
        } catch {
            result.warnings.append("BG/NBD not fitted: \(error); " + fallbackNote)
            return result
        }
        do {
            result.gammaGamma = try GammaGammaFitter.fit(x: cohort.map { summary.x[$0] },
                                                         meanSpend: cohort.map { summary.meanRepeatSpend[$0] }, options: options)
        } catch {
            result.warnings.append("Gamma-Gamma not fitted: \(error); " + fallbackNote)
            return result
        }
        addFitWarnings(&result, options: options)
        fillModelValues(&result, summary: summary, cohort: cohort)
        return result
    }

    static func addFitWarnings(_ result: inout CLVResult, options: CLVOptions) {
        if let f = result.bgnbd {
            if !f.diagnostics.converged { result.warnings.append("BG/NBD fit did not fully converge (gradient norm \(f.diagnostics.gradientNorm))") }
            if f.diagnostics.atBound { result.warnings.append("a BG/NBD parameter reached its bound: the data barely identify the model") }
        }
        if let g = result.gammaGamma {
            let r = g.frequencySpendCorrelation
            if abs(r) > options.correlationWarningThreshold {
                result.warnings.append("repeat frequency and mean spend are correlated (Pearson r = \(String(format: "%.2f", r)), threshold \(options.correlationWarningThreshold)); Gamma-Gamma assumes independence")
            }
            if g.parameters.q <= 1 { result.warnings.append("Gamma-Gamma q ≤ 1: the population mean spend is undefined; customers without repeat purchases use the mean observed repeat spend") }
            if g.diagnostics.atBound { result.warnings.append("a Gamma-Gamma parameter reached its bound") }
        }
    }

    /// Fills P(alive), expected purchases, spend and discounted CLV from the fitted models.
    /// - Parameter chunks: pieces of the cohort valued side by side (default: one per core);
    ///   any number gives the same values.
    static func fillModelValues(_ result: inout CLVResult, summary: CLVSummary, cohort: [Int], chunks: Int? = nil) {
        guard let bg = result.bgnbd?.parameters, let gg = result.gammaGamma?.parameters else { return }
        let h = result.horizonMonths, step = summary.unit.month
        let monthly = pow(1 + result.annualDiscountRate, 1.0 / 12) - 1
        let discount = (0...max(h, 0)).map { 1 / pow(1 + monthly, Double($0)) }
        let repeaters = cohort.filter { summary.x[$0] > 0 && summary.meanRepeatSpend[$0] > 0 }
        let observedMean = repeaters.isEmpty ? 0 : repeaters.reduce(0.0) { $0 + summary.meanRepeatSpend[$1] } / Double(repeaters.count)
        // Customers are independent (each value alone: identical on any number of cores): one
        // chunk per core, each writing only its customers, with its own cache of curves.
        let chunks = max(1, chunks ?? (cohort.count >= 16_384 ? min(8, Parallel.cores) : 1))
        let marginRate = result.marginRate
        var alive: [Double] = [], expected: [Double] = [], spend: [Double] = [], clv: [Double] = [], source: [CLVSource] = []
        swap(&alive, &result.pAlive); swap(&expected, &result.expectedPurchases); swap(&spend, &result.expectedSpend)
        swap(&clv, &result.predictedCLV); swap(&source, &result.source)
        var failed = [Int](repeating: 0, count: chunks)
        alive.withUnsafeMutableBufferPointer { aliveOut in
            expected.withUnsafeMutableBufferPointer { expectedOut in
                spend.withUnsafeMutableBufferPointer { spendOut in
                    clv.withUnsafeMutableBufferPointer { clvOut in
                        source.withUnsafeMutableBufferPointer { sourceOut in
                            failed.withUnsafeMutableBufferPointer { failedOut in
                                let out = ModelValueOutput(alive: aliveOut, expected: expectedOut, spend: spendOut, clv: clvOut,
                                                           source: sourceOut, failed: failedOut)
                                let body: @Sendable (Int) -> Void = { chunk in
                                    let n = cohort.count
                                    out.failed[chunk] = fillModelValues(cohort[n * chunk / chunks..<n * (chunk + 1) / chunks], out,
                                                                        summary: summary, bg: bg, gg: gg, horizon: h, step: step,
                                                                        discount: discount, marginRate: marginRate, observedMean: observedMean)
                                }
                                if chunks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: body) }
                            }
                        }
                    }
                }
            }
        }
        swap(&alive, &result.pAlive); swap(&expected, &result.expectedPurchases); swap(&spend, &result.expectedSpend)
        swap(&clv, &result.predictedCLV); swap(&source, &result.source)
        let failures = failed.reduce(0, +)
        if failures > 0 {
            result.warnings.append("\(failures) customer(s) could not be evaluated by the model (series did not converge); their CLV is historical")
        }
    }
}

extension CLVAnalysis {
    /// P(alive), expected purchases, spend and CLV of the customers in `part`; returns how
    /// many the model could not evaluate (their values stay the historical fallback).
    static func fillModelValues(_ part: ArraySlice<Int>, _ out: ModelValueOutput, summary: CLVSummary, bg: BGNBDParameters,
                                gg: GammaGammaParameters, horizon h: Int, step: Double, discount: [Double],
                                marginRate: [Double], observedMean: Double) -> Int {
        // E(kΔ) without the P(alive) factor depends on (x, T) only: cache it.
        var cache: [CLVCacheKey: [Double]?] = [:]
        var failures = 0
        for i in part {
            let x = summary.x[i], T = summary.T[i]
            let key = CLVCacheKey(x: x, t: T.bitPattern)
            let curve: [Double]? = cache[key] ?? {
                var values = [0.0]
                for k in stride(from: 1, through: h, by: 1) {
                    guard let e = bg.expectedCount(t: Double(k) * step, x: Double(x), T: T) else { return nil }
                    values.append(e)
                }
                cache[key] = .some(values)
                return values
            }()
            guard let cumulative = curve else { cache[key] = .some(nil); failures += 1; continue }
            let alive = bg.probabilityAlive(x: x, tx: summary.tx[i], T: T)
            let spend = gg.conditionalExpectedSpend(x: x, meanSpend: summary.meanRepeatSpend[i]) ?? (x > 0 ? summary.meanRepeatSpend[i] : observedMean)
            var clv = 0.0
            for k in stride(from: 1, through: h, by: 1) {
                clv += (cumulative[k] - cumulative[k - 1]) * alive * spend * marginRate[i] * discount[k]
            }
            guard clv.isFinite, alive.isFinite else { failures += 1; continue }
            out.alive[i] = alive
            out.expected[i] = (cumulative.last ?? 0) * alive
            out.spend[i] = spend
            out.clv[i] = clv
            out.source[i] = .model
        }
        return failures
    }
}

/// Where the chunks of ``CLVAnalysis/fillModelValues(_:summary:cohort:)`` write: each chunk
/// only the positions of its own customers.
struct ModelValueOutput: @unchecked Sendable {
    let alive: UnsafeMutableBufferPointer<Double>, expected: UnsafeMutableBufferPointer<Double>
    let spend: UnsafeMutableBufferPointer<Double>, clv: UnsafeMutableBufferPointer<Double>
    let source: UnsafeMutableBufferPointer<CLVSource>, failed: UnsafeMutableBufferPointer<Int>
}

/// Cache key of the expected-purchases curve: repeat count and age (bit pattern).
struct CLVCacheKey: Hashable { var x: Int; var t: UInt64 }
