import Testing
@testable import AcumenAnalytics
@testable import AcumenCore

/// The criteria are one table: every property derives from ``Criterion/definition`` and the
/// declaration order, and the capacity limits hold.
@Suite struct CriterionTableTests {
    @Test func ordinalsAreTheAllCasesPositions() {
        for (k, c) in Criterion.allCases.enumerated() {
            #expect(c.ordinal == k, "\(c)")
            #expect(c.definition.key == c)
            #expect(CriterionMatrix.row(of: c) == k)
        }
        #expect(MemoryLayout<Criterion>.size == 1)
    }

    @Test func ratedIndicesFollowTheRatedList() {
        for (j, c) in Criterion.rated.enumerated() { #expect(c.ratedIndex == j) }
        for c in Criterion.measured { #expect(c.ratedIndex == nil) }
        #expect(Criterion.rated.allSatisfy { $0.unit == .rating && $0.definition.canBeUnknown })
    }

    @Test func defaultsComeFromTheTable() {
        #expect(CriterionSetting.defaults.map(\.criterion) == Criterion.allCases)
        #expect(CriterionSetting.defaults.allSatisfy { $0.weight == $0.criterion.defaultWeight && $0.direction == $0.criterion.defaultDirection })
        #expect(CriterionSetting.defaults.map(\.weight).reduce(0, +) == 100)
        #expect(Criterion.allCases.filter { $0.defaultDirection == .lowerIsBetter } == [.competition, .risk])
        #expect(Criterion.monetary.title == "Revenue" && Criterion.cooperation.title == "Willingness to cooperate")
    }

    @Test func capacityLimitsHold() {
        #expect(Criterion.rated.count <= Ratings.capacity)
        #expect(CriterionMatrix.optionalCriteria.count <= UInt16.bitWidth)
        #expect(CriterionMatrix.optionalCriteria == Criterion.rated + [.predictedCLV, .pAlive])
        var r = Ratings()
        for (j, c) in Criterion.rated.enumerated() { r[c] = Double(j) }
        #expect(r.count == Criterion.rated.count)
        #expect(r.map(\.key) == Criterion.rated)
    }
}
