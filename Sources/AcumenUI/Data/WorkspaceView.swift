import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Adapts an analysed workspace into the screens' view models: the ``AccountTable`` of every
/// account and the ``ProfileFacts`` of one. All figures come from the analytics engine
/// (``PortfolioAnalysis``); this type only selects and formats them.
public struct WorkspaceView: Sendable {
    public let workspace: Workspace
    public let analysis: PortfolioAnalysis

    public init(workspace: Workspace, analysis: PortfolioAnalysis) {
        self.workspace = workspace
        self.analysis = analysis
    }

    /// Analyses a workspace as of a day, with lifetime value (BG/NBD + Gamma-Gamma) when the
    /// settings enable it.
    public static func analysing(_ workspace: Workspace, asOf: Day, lifetimeValue: Bool = true) -> WorkspaceView {
        let a = lifetimeValue ? PortfolioAnalyzer.analyzeWithLifetimeValue(workspace, asOf: asOf).analysis
            : PortfolioAnalyzer.analyze(workspace, asOf: asOf)
        return WorkspaceView(workspace: workspace, analysis: a)
    }

    public var asOf: Day { analysis.asOf }

    /// The CLV shown in the list, in minor units: predicted when the model gives one, else
    /// historical (contribution to date).
    public func lifetimeValue(_ k: Int) -> Int64 {
        if let p = analysis.clv?.clv(k) { return Int64((p * 100).rounded()) }
        return analysis.historicalCLV[k]
    }

    /// Every account as table columns: master data (owner, tags, review) from the workspace
    /// as it stands, figures from the analysis, the triage state by the model's rule
    /// (``ReviewState``). The figures are the analysis' arrays, shared; names, ids and the
    /// sparklines are read per row when drawn (see ``AccountTable``).
    /// - Complexity: O(customers) small-integer work (triage states, strategies); no string is
    ///   built per account and no transaction is read (owner and tag codes follow on first use).
    public func accountTable() -> AccountTable {
        let a = analysis
        let n = min(a.count, workspace.customers.count)
        let scoring = a.baseline
        var t = AccountTable()
        t.currency = a.settings.currency
        t.tierNames = a.tierNames.map(TextSanitizer.sanitize)
        t.segmentNames = a.rfm.segmentNames.map(TextSanitizer.sanitize)
        t.strategyNames = Strategy.allCases.map(\.title)
        let cs = workspace.customers
        t.names = .init(count: n) { cs[$0].name }
        t.ids = .init(count: n) { cs[$0].id }
        // Owners and tag sets: read per drawn row; coded on first use (a sort, a filter, an edit).
        t.owners = .init(text: { TextSanitizer.sanitize(cs[$0].owner) }) {
            var names: [String] = []
            let codes = Self.codes(n, names: &names) { cs[$0].owner }
            return .init(codes: codes, names: names)
        }
        t.tagSets = .init(text: { TextSanitizer.sanitize(cs[$0].tags.joined(separator: ", ")) }) {
            var names = [""]
            let codes = Self.tagCodes(n, names: &names) { cs[$0].tags }
            return .init(codes: codes, names: names)
        }
        t.tier = Self.prefix(scoring.effectiveTiers, n)
        t.score = Self.prefix(scoring.scores, n)
        t.abc = Self.prefix(a.abc.classes, n)
        t.segment = a.rfm.segment.prefix(n).map { UInt8(min(Int($0), 254)) }
        t.recencyScore = Self.prefix(a.rfm.r, n)
        t.frequencyScore = Self.prefix(a.rfm.f, n)
        t.revenue = Self.prefix(a.revenue, n)
        t.contribution = Self.prefix(a.contribution, n)
        // Without a lifetime-value model every CLV is the historical one: its array, shared.
        t.clv = a.clv == nil ? Self.prefix(a.historicalCLV, n) : (0..<n).map { lifetimeValue($0) }
        // The position of the effective strategy in `Strategy.allCases` (``StrategyAnalysis/effective(_:)``
        // clamps the override or the recommendation into it).
        let last = Strategy.allCases.count - 1, override = a.strategy.override, recommended = a.strategy.recommended
        t.strategy = (0..<n).map { k in UInt8(max(0, min(last, override[k] >= 0 ? Int(override[k]) : Int(recommended[k])))) }
        let facts = ScoredReviewFacts(a)
        let rules = TriageSettings(workspace.settings)
        // Most accounts were never reviewed nor overridden (plain): one pass over the customers
        // looks only at their details pointer, and no facts are consulted for them.
        var triage = [AccountTable.TriageState](repeating: .unreviewed, count: n)
        var overridden = Set<Int32>()
        // Each customer read in place (`cs[k]` would copy every one out).
        cs.forEachInPlace { k, c in
            guard k < n, !c.pointee.isPlain else { return }
            if let review = c.pointee.review { triage[k] = AccountTable.TriageState(ReviewState(review: review, index: k, facts: facts, rules: rules)) }
            if c.pointee.strategyOverride != nil { overridden.insert(Int32(k)) }
        }
        t.triage = triage
        t.monthlyRow = monthlyRow
        t.strategyOverridden = overridden
        t.filterSource = AnalysisFilterRows(a, scoring: scoring)
        t.sourceCustomers = cs
        return t
    }

    /// Reads one account's monthly revenue series (the sparkline) from the analysis' transactions.
    public var monthlyRow: @Sendable (Int) -> [Float] {
        let window = MonthlyWindow(asOf: asOf), a = analysis
        return { k in window.series(k, a) }
    }

    /// The first `n` values of an analysis array (the array itself, shared, when it has `n`).
    static func prefix<T>(_ values: [T], _ n: Int) -> [T] { values.count == n ? values : Array(values.prefix(n)) }

    /// The master data of the listed rows as the workspace stands (after an edit that changed
    /// no figure: owner, tags, notes, a triage decision).
    public func rowRefresh(_ rows: [Int]) -> [AccountTable.RowRefresh] {
        let facts = ScoredReviewFacts(analysis)
        let rules = TriageSettings(workspace.settings)
        return rows.filter { $0 >= 0 && $0 < min(analysis.count, workspace.customers.count) }.map { k in
            let c = workspace.customers[k]
            return AccountTable.RowRefresh(row: k, owner: c.owner, tags: c.tags.joined(separator: ", "),
                                           triage: AccountTable.TriageState(ReviewState(review: c.review, index: k, facts: facts, rules: rules)),
                                           customer: c)
        }
    }

    /// Codes of each row's tags (joined with `, `) into a list of distinct sanitised names;
    /// rows without tags take the code of `""` without building a string.
    static func tagCodes(_ n: Int, names: inout [String], _ tags: (Int) -> [String]) -> [Int32] {
        let empty = Int32(names.firstIndex(of: "") ?? names.count)
        if empty == Int32(names.count) { names.append("") }
        return codes(n, names: &names, skipping: empty, \.isEmpty, text: { $0.joined(separator: ", ") }, tags)
    }

    /// Codes of a repeating text per row into a list of distinct sanitised names.
    static func codes(_ n: Int, names: inout [String], _ value: (Int) -> String) -> [Int32] {
        codes(n, names: &names, skipping: 0, { _ in false }, text: { $0 }, value)
    }

    /// Codes of a per-row value (compared with the previous row's first, since rows of one value
    /// often follow each other) into a list of distinct sanitised texts; rows whose value `skip`
    /// says to skip keep `skipCode`.
    private static func codes<V: Equatable>(_ n: Int, names: inout [String], skipping skipCode: Int32,
                                            _ skip: (V) -> Bool, text: (V) -> String, _ value: (Int) -> V) -> [Int32] {
        var index: [String: Int32] = [:]
        for (k, name) in names.enumerated() { index[name] = Int32(k) }
        var code = [Int32](repeating: skipCode, count: n)
        var last: V?, lastCode = skipCode
        for k in 0..<n {
            let v = value(k)
            if skip(v) { continue }
            if v != last {
                let s = TextSanitizer.sanitize(text(v))
                if let c = index[s] { lastCode = c } else {
                    lastCode = Int32(names.count)
                    index[s] = lastCode
                    names.append(s)
                }
                last = v
            }
            code[k] = lastCode
        }
        return code
    }
}
