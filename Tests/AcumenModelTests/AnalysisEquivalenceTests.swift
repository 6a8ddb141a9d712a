import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The whole analysis is bit for bit what it was before the issue-16 speed-ups: every figure of
/// ``PortfolioAnalysis`` on generated workspaces (ties, unknown ratings, overrides, zero and
/// negative amounts, money near the Int64 limits, customer-ordered and date-ordered tables,
/// other normalisations) hashes to the value the previous implementation gave (recorded from
/// commit 1cd6b4f, before any change to the analysis).
@Suite struct AnalysisEquivalenceTests {
    /// FNV-1a over the bit patterns of every figure.
    struct Fingerprint {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ x: UInt64) {
            var v = x
            for _ in 0..<8 { h = (h ^ (v & 0xFF)) &* 0x0000_0100_0000_01B3; v >>= 8 }
        }
        mutating func add<T: BinaryInteger>(_ xs: [T]) { add(UInt64(xs.count)); for x in xs { add(UInt64(truncatingIfNeeded: x)) } }
        mutating func add(_ xs: [Double]) { add(UInt64(xs.count)); for x in xs { add(x.bitPattern) } }
        mutating func add(_ xs: [Float]) { add(UInt64(xs.count)); for x in xs { add(UInt64(x.bitPattern)) } }
        mutating func add(_ xs: [Bool]) { add(xs.map { $0 ? 1 : 0 } as [UInt8]) }
        mutating func add(_ s: String) { add(Array(s.utf8)) }
    }

    static func fingerprint(_ a: PortfolioAnalysis) -> UInt64 {
        var f = Fingerprint()
        let g = a.aggregates
        f.add(g.revenue); f.add(g.margin); f.add(g.lifetimeMargin); f.add(g.revenueLast12); f.add(g.revenuePrevious12)
        f.add(g.purchases); f.add(g.lifetimePurchases); f.add(g.firstDay); f.add(g.lastDay)
        f.add(g.rows.start); f.add(g.rows.count); f.add(g.rows.permutation ?? [])
        f.add(a.costToServe); f.add(a.contribution); f.add(a.historicalCLV)
        f.add(a.rfm.r); f.add(a.rfm.f); f.add(a.rfm.m); f.add(a.rfm.segment); f.add(UInt64(a.rfm.unmatched))
        for s in a.rfm.segmentNames { f.add(s) }
        f.add(a.abc.classes); f.add(a.abc.order); f.add(a.abc.cumulative); f.add(UInt64(bitPattern: a.abc.total)); f.add(a.abc.counts)
        f.add(a.matrix.values); f.add(a.matrix.knownMask)
        let b = a.baseline
        f.add(b.scores); f.add(b.tiers); f.add(b.effectiveTiers); f.add(b.order); f.add(b.ranks)
        for c in b.cutoffs {
            f.add(c.name); f.add(UInt64(c.customers))
            f.add([c.lowestScore ?? -1, c.highestScore ?? -1, c.minScore ?? -1])
        }
        f.add(a.strategy.value); f.add(a.strategy.potential); f.add(a.strategy.recommended)
        f.add(a.strategy.forcedByBreakEven); f.add(a.strategy.belowBreakEven); f.add(a.strategy.override)
        for w in a.warnings { f.add(w) }
        return f.h
    }

    /// A demo workspace made awkward: unknown ratings, overrides (some naming nothing), zero,
    /// negative and unknown-margin rows, ties, and — when `extreme` — money near the Int64 limits.
    static func workspace(customers n: Int, seed: UInt64, extreme: Bool, dateOrdered: Bool) -> Workspace {
        var ws = DemoGenerator(customers: n, transactionsPerCustomer: 6, seed: seed).generate()
        var rng = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ m: Int) -> Int {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            return Int(rng % UInt64(m))
        }
        let bands = ws.settings.tiers.bands.map(\.name)
        for k in ws.customers.indices {
            switch next(10) {
            case 0: ws.customers[k].ratings = Ratings()
            case 1: ws.customers[k].ratings[.satisfaction] = nil
            case 2: ws.customers[k].tierOverride = Override(value: bands.isEmpty ? "Key" : bands[next(bands.count)], reason: "r", author: "a", at: Timestamp(seconds: 0))
            case 3: ws.customers[k].strategyOverride = Override(value: ["grow", "Cut cost", "nurture", "nothing"][next(4)], reason: "r", author: "a", at: Timestamp(seconds: 0))
            case 4: ws.customers[k].tierOverride = Override(value: "No such tier", reason: "r", author: "a", at: Timestamp(seconds: 0))
            case 5: ws.customers[k].costToServe = Money(minor: Int64(next(3)) * 1_000_000)
            default: break
            }
        }
        var t = ws.transactions
        for r in 0..<t.count {
            switch next(20) {
            case 0: t.amount[r] = 0
            case 1: t.amount[r] = -t.amount[r]
            case 2: t.margin[r] = TransactionTable.unknownMargin
            case 3: t.amount[r] = 10_000  // ties in money
            case 4 where extreme: t.amount[r] = Int64.max / 3 - Int64(next(1000))
            case 5 where extreme: t.amount[r] = Int64.min / 3 + Int64(next(1000)); t.margin[r] = Int64.max / 5
            default: break
            }
        }
        if extreme, !ws.customers.isEmpty { ws.customers[0].costToServe = Money(minor: Int64.max / 2) }
        if dateOrdered {
            let order = t.day.indices.sorted { (t.day[$0], $0) < (t.day[$1], $1) }
            var u = TransactionTable()
            for r in order {
                u.customer.append(t.customer[r]); u.day.append(t.day[r]); u.amount.append(t.amount[r])
                u.margin.append(t.margin[r]); u.quantity.append(t.quantity[r]); u.givenAsCost.append(t.givenAsCost[r])
            }
            t = u
        }
        ws.transactions = t
        return ws
    }

    /// Settings variants: defaults, and other normalisations and directions.
    static func settings(_ variant: Int, _ base: Settings) -> Settings {
        var s = base
        guard variant > 0 else { return s }
        for j in s.criteria.indices {
            switch (j + variant) % 4 {
            case 0: s.criteria[j].normalisation = .minMax
            case 1: s.criteria[j].normalisation = .logMinMax
            case 2: s.criteria[j].normalisation = .percentile; s.criteria[j].direction = .lowerIsBetter
            default: s.criteria[j].normalisation = .percentile
            }
        }
        s.abc.measure = .contribution
        return s
    }

    static let cases: [(n: Int, seed: UInt64, extreme: Bool, dateOrdered: Bool, variant: Int)] = [
        (1, 1, false, false, 0), (2500, 2, false, false, 0), (2500, 2, false, true, 0), (2500, 3, true, false, 0),
        (2500, 3, true, true, 1), (4000, 4, false, false, 1), (4000, 5, false, false, 2), (600, 6, true, false, 2),
    ]

    static func analysis(_ j: Int) -> PortfolioAnalysis {
        let c = cases[j]
        var ws = workspace(customers: c.n, seed: c.seed, extreme: c.extreme, dateOrdered: c.dateOrdered)
        ws.settings = settings(c.variant, ws.settings)
        let asOf = Day(iso: "2025-01-01") ?? Day(ordinal: 0)
        return PortfolioAnalyzer.analyze(ws, asOf: asOf)
    }

    /// Recorded from the previous implementation (commit 1cd6b4f).
    static let expected: [UInt64] = [
        0xe16e04cb64e2e067, 0xf18af8b07ba41496, 0x6d7cc180419bbdc8, 0x95ee05ad8226bef1,
        0xf321b318663c28f0, 0x26f37c285b160029, 0x6fcd13fe53bf5f9e, 0xba80b92ed99903ea,
    ]

    @Test func analysisIsBitForBitThePreviousOne() {
        let got = Self.cases.indices.map { Self.fingerprint(Self.analysis($0)) }
        #expect(got == Self.expected)
    }
}
