import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// A weight key computes scores, tiers and cut-offs at once and the full re-rank follows off
/// the input path: until it lands the screen says "re-ranking…", and what lands is exactly the
/// ranking a synchronous rescore gives.
@Suite struct WhatIfRankingTests {
    @Test func theReRankFollowsInTheBackgroundAndEqualsTheSynchronousOne() throws {
        let h = try WorkflowHarness(customers: 60, width: 120, height: 40)
        let work = BackgroundWork()
        h.runtime.useBackground(work)
        h.press(.char("4"))
        let gate = DispatchSemaphore(value: 0)
        // Hold the background queue's first job so the key's frame is seen before the ranking lands.
        work.start({ gate.wait(); return 0 }) { _ in [] }
        h.press(.char("+"), .char("+"))
        let unranked = try #require(h.state.weights.whatIf)
        #expect(!unranked.isRanked && unranked.weight(.monetary) == 17)
        // Scores, tiers and the migration matrix are already those of the new weights.
        let direct = unranked.analysis.rescored(weights: unranked.weights, ranking: true)
        #expect(unranked.scoring.scores == direct.scores && unranked.scoring.effectiveTiers == direct.effectiveTiers)
        #expect(unranked.comparison.migration == ScoringComparison(baseline: unranked.baseline, scenario: direct).migration)
        #expect(h.frame.contains("re-ranking…"))
        gate.signal()
        #expect(work.waitUntilComputed(seconds: 10))
        h.runtime.collectBackground()
        // One re-rank at a time: the first landed for an older generation, the next is asked for now.
        #expect(work.waitUntilComputed(seconds: 10))
        h.runtime.collectBackground()
        let ranked = try #require(h.state.weights.whatIf)
        #expect(ranked.isRanked)
        #expect(ranked.scoring.ranks == direct.ranks && ranked.scoring.order == direct.order)
        #expect(ranked.movers(limit: 10) == ScoringComparison(baseline: ranked.baseline, scenario: direct).movers(limit: 10))
        #expect(!h.frame.contains("re-ranking…"))
    }

    @Test func aRankingForOlderWeightsIsNotAdopted() throws {
        let h = try WorkflowHarness(customers: 30)
        h.press(.char("4"), .char("+"))
        var w = try #require(h.state.weights.whatIf)
        let old = w.analysis.rescored(weights: w.analysis.settings.weights, ranking: true)
        var moved = w.weights
        moved[.monetary] = 3
        w.use(moved, name: nil, ranking: false)
        #expect(!w.ranked(old) && !w.isRanked)
        #expect(w.ranked(w.analysis.rescored(weights: moved, ranking: true)) && w.isRanked)
    }
}
