import Testing
@testable import AcumenAnalytics
@testable import AcumenCore

/// The restructured pieces of the analysis against the ones they replaced (issue 16, the
/// analysis under 0.25 s): the packed radix sort against the two-array sort, the customers'
/// pass in ranges with ratings kept in thousandths against the one-pass `[[Double]]` columns,
/// the id order read in place, and the criterion matrix with lazy rated columns.
@Suite struct AnalysisSpeedEquivalenceTests {
    /// The two-array stable sort (the path ``RadixSort/order(_:subset:)`` took before packing).
    static func unpacked(_ keys: [UInt64], subset: [Int32]?) -> (indices: [Int32], keys: [UInt64]) {
        var idx: [Int32] = subset ?? (0..<keys.count).map { Int32($0) }
        var k = idx.map { keys[Int($0)] }
        RadixSort.sortInPlace(keys: &k, values: &idx)
        return (idx, k)
    }

    /// A stable comparison sort: the definition both radix sorts must meet.
    static func reference(_ keys: [UInt64], subset: [Int32]?) -> (indices: [Int32], keys: [UInt64]) {
        let idx: [Int32] = subset ?? (0..<keys.count).map { Int32($0) }
        let order = idx.indices.sorted { (keys[Int(idx[$0])], $0) < (keys[Int(idx[$1])], $1) }
        return (order.map { idx[$0] }, order.map { keys[Int(idx[$0])] })
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5])
    func packedSortIsTheStableSort(shape: Int) throws {
        var rng = SeededGenerator(seed: UInt64(40 + shape))
        let n = [3000, 2, 5000, 4096, 3000, 1][shape]
        let keys: [UInt64] = (0..<n).map { _ in
            switch shape {
            case 0: UInt64.random(in: 0..<50, using: &rng)  // many ties, one digit
            case 1: UInt64.max - UInt64.random(in: 0..<3, using: &rng)
            case 2: (1 << 40) + UInt64.random(in: 0..<(1 << 30), using: &rng)  // money-like
            case 3: UInt64.random(in: 0...UInt64.max, using: &rng)  // too wide to pack
            case 4: 7  // all equal
            default: UInt64.random(in: 0...9, using: &rng)
            }
        }
        let subset: [Int32] = (0..<n).map { Int32($0) }.shuffled(using: &rng).filter { $0 % 3 != 1 }
        for s in [nil, subset] {
            let expected = Self.reference(keys, subset: s)
            let got = RadixSort.order(keys, subset: s)
            #expect(got.indices == expected.indices && got.keys == expected.keys)
            let two = Self.unpacked(keys, subset: s)
            #expect(two.indices == expected.indices && two.keys == expected.keys)
            if let packed = RadixSort.packedOrder(keys, subset: s) {
                #expect(shape != 3)
                #expect(packed.indices == expected.indices && packed.keys == expected.keys)
            }
        }
    }

    /// The customers with ratings that are not whole thousandths, infinite and NaN ones too.
    static func workspace(seed: UInt64) -> Workspace {
        var ws = AnalysisEquivalenceTests.workspace(customers: 2000, seed: seed, extreme: seed % 2 == 0, dateOrdered: false)
        for k in stride(from: 3, to: ws.customers.count, by: 97) { ws.customers[k].ratings[.risk] = 3.14159265 }
        if ws.customers.count > 20 {
            ws.customers[10].ratings[.satisfaction] = .infinity
            ws.customers[11].ratings[.needsFit] = .nan
            ws.customers[12].ratings[.cultureFit] = 70  // beyond the fixed point's range
        }
        return ws
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func customersPassInRangesIsTheOnePass(seed: UInt64) {
        let ws = Self.workspace(seed: seed)
        let expected = ReferenceCustomerInputs(ws.customers, settings: ws.settings)
        for parts in [1, 2, 3, 7] {
            let got = CustomerInputs(ws.customers, settings: ws.settings, parts: parts)
            #expect(got.annualCost == expected.annualCost && got.windowCost == expected.windowCost)
            #expect(got.tierOverride == expected.tierOverride && got.strategyOverride == expected.strategyOverride)
            #expect(got.warnings == expected.warnings)
            for j in Criterion.rated.indices {
                #expect(got.ratedColumn(j).map(\.bitPattern) == expected.rated[j].map(\.bitPattern))
            }
            let bits = ws.customers.indices.map { k in
                Criterion.rated.indices.reduce(UInt16(0)) { m, j in expected.rated[j][k].isFinite ? m | 1 << UInt16(j) : m }
            }
            #expect(got.ratedKnown == bits)
        }
    }

    @Test(arguments: [0, 1, 2])
    func matrixWithLazyRatedColumnsIsTheEagerOne(variant: Int) {
        var ws = Self.workspace(seed: UInt64(5 + variant))
        ws.settings = AnalysisEquivalenceTests.settings(variant, ws.settings)
        if variant == 0 {  // every rated criterion on the scale, half of them lower-is-better
            for j in ws.settings.criteria.indices where ws.settings.criteria[j].criterion.isRated {
                ws.settings.criteria[j].normalisation = .scale
                if j % 2 == 0 { ws.settings.criteria[j].direction = .lowerIsBetter }
            }
        }
        let n = ws.customers.count
        let inputs = CustomerInputs(ws.customers, settings: ws.settings, parts: 2)
        var columns: [Criterion: [Double]] = [:]
        for c in Criterion.allCases where !c.isRated { columns[c] = (0..<n).map { Double(($0 * 7919 + CriterionMatrix.row(of: c) * 31) % 501) } }
        var eager = columns
        for (j, c) in Criterion.rated.enumerated() { eager[c] = inputs.ratedColumn(j) }
        let before = CriterionMatrix(columns: eager, count: n, settings: ws.settings, ranks: [:])
        let after = CriterionMatrix(columns: columns, count: n, settings: ws.settings, ranks: [:], rated: inputs)
        #expect(after.values.map(\.bitPattern) == before.values.map(\.bitPattern))
        #expect(after.knownMask == before.knownMask)
    }

    @Test func idOrderReadInPlaceIsTheArrayOne() {
        var ws = Self.workspace(seed: 9)
        for k in stride(from: 0, to: ws.customers.count, by: 5) { ws.customers[k].id = "shared-prefix-\(ws.customers.count - k)" }
        ws.customers[1].id = ""
        let a = IdentifierOrder(customers: ws.customers), b = IdentifierOrder(ids: ws.customers.map(\.id))
        #expect(a.order == b.order && a.rank == b.rank)
    }
}
