import AcumenCore
/// Calibration / holdout validation of BG/NBD: predicted against actual repeat purchases.
///
/// The model is fitted on purchases up to the calibration end; for each customer of that
/// cohort the conditional expectation E[Y(t*) | x, t_x, T] over the holdout length t* is
/// compared with the purchase days actually made in (calibration end, holdout end], in
/// total and by calibration frequency x = 0, 1, …, 7+ (as FHL 2005, figure 4).
public struct CLVHoldoutReport: Sendable {
    /// One frequency bucket.
    public struct Bucket: Sendable {
        /// Lower x of the bucket; the last bucket holds x ≥ this.
        public var x: Int
        public var isOpenEnded: Bool
        public var customers: Int
        /// Mean purchase days per customer in the holdout: actual and predicted.
        public var actualMean: Double
        public var predictedMean: Double
    }

    public var calibrationEnd: Day
    public var holdoutEnd: Day
    /// Holdout length in the fit's unit.
    public var length: Double
    public var unit: CLVTimeUnit
    public var actualTotal: Int
    public var predictedTotal: Double
    public var buckets: [Bucket]
    /// Customers whose prediction could not be evaluated (left out of the totals).
    public var skipped: Int

    /// Builds the report from fitted parameters and per-customer calibration statistics.
    public init(parameters: BGNBDParameters, x: [Int], tx: [Double], T: [Double], actual: [Int],
                calibrationEnd: Day, holdoutEnd: Day, maxBucket: Int = 7) {
        self.calibrationEnd = calibrationEnd
        self.holdoutEnd = holdoutEnd
        unit = parameters.unit
        length = parameters.unit.fromDays(Double(calibrationEnd.days(to: holdoutEnd)))
        var count = [Int](repeating: 0, count: maxBucket + 1)
        var act = [Double](repeating: 0, count: maxBucket + 1), pred = act
        var total = 0, predicted = 0.0, skipped = 0
        for i in x.indices {
            guard let e = parameters.conditionalExpectedPurchases(t: length, x: x[i], tx: tx[i], T: T[i]) else { skipped += 1; continue }
            let k = min(x[i], maxBucket)
            count[k] += 1; act[k] += Double(actual[i]); pred[k] += e
            total += actual[i]; predicted += e
        }
        actualTotal = total
        predictedTotal = predicted
        self.skipped = skipped
        buckets = (0...maxBucket).map { k in
            Bucket(x: k, isOpenEnded: k == maxBucket, customers: count[k],
                   actualMean: count[k] > 0 ? act[k] / Double(count[k]) : 0,
                   predictedMean: count[k] > 0 ? pred[k] / Double(count[k]) : 0)
        }
    }

    /// Fits on the workspace up to `calibrationEnd` and compares with (calibrationEnd, holdoutEnd].
    public static func validate(workspace: Workspace, calibrationEnd: Day, holdoutEnd: Day,
                                options: CLVOptions = CLVOptions()) throws(CLVError) -> (BGNBDFit, CLVHoldoutReport) {
        guard holdoutEnd > calibrationEnd else { throw .invalidHoldout(calibrationEnd: calibrationEnd, holdoutEnd: holdoutEnd) }
        let summary = CLVSummary(transactions: workspace.transactions, customerCount: workspace.customers.count,
                                 calibrationEnd: calibrationEnd, unit: options.unit)
        let cohort = summary.cohort
        let x = cohort.map { summary.x[$0] }, tx = cohort.map { summary.tx[$0] }, T = cohort.map { summary.T[$0] }
        let fit = try BGNBDFitter.fit(x: x, tx: tx, T: T, unit: options.unit, options: options)
        let all = summary.holdoutPurchases(transactions: workspace.transactions, holdoutEnd: holdoutEnd)
        let report = CLVHoldoutReport(parameters: fit.parameters, x: x, tx: tx, T: T, actual: cohort.map { all[$0] },
                                      calibrationEnd: calibrationEnd, holdoutEnd: holdoutEnd)
        return (fit, report)
    }

    /// The report as JSON.
    public var json: JSONValue {
        .object([
            "calibrationEnd": .string(calibrationEnd.iso), "holdoutEnd": .string(holdoutEnd.iso),
            "length": .double(length), "unit": .string(unit.rawValue),
            "actualTotal": .int(actualTotal), "predictedTotal": .double(predictedTotal), "skipped": .int(skipped),
            "buckets": .array(buckets.map {
                .object(["x": .string($0.isOpenEnded ? "\($0.x)+" : "\($0.x)"), "customers": .int($0.customers),
                         "actualMean": .double($0.actualMean), "predictedMean": .double($0.predictedMean)])
            }),
        ])
    }
}
