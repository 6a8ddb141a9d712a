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

    /// Random weight keys, some landing between keys and some overtaken (a ranking of older
    /// weights still running is cancelled or ignored): what is on screen is always exactly the
    /// full rescore of the weights shown, and once landed, its ranking and movers.
    @Test func randomWeightKeysAlwaysShowTheFullRescore() throws {
        let h = try WorkflowHarness(customers: 90, width: 120, height: 40)
        let work = BackgroundWork()
        h.runtime.useBackground(work)
        h.press(.char("4"))
        var g = SeededGenerator(seed: 17)
        let keys: [Key] = [.char("+"), .char("-"), .char("j"), .char("k"), .char("+"), .char("0"), .char("x"), .char("-"), .char("u")]
        for step in 0..<40 {
            h.press(keys[Int.random(in: 0..<keys.count, using: &g)])
            if step % 3 == 0 {
                for _ in 0..<4 where h.state.weights.whatIf?.isRanked == false {
                    #expect(work.waitUntilComputed(seconds: 10))
                    h.runtime.collectBackground()
                }
            }
            let w = try #require(h.state.weights.whatIf)
            let direct = w.analysis.rescored(weights: w.weights, ranking: true)
            #expect(w.scoring.scores == direct.scores && w.scoring.effectiveTiers == direct.effectiveTiers, "step \(step)")
            #expect(w.scoring.cutoffs == direct.cutoffs, "step \(step)")
            let reference = ScoringComparison(baseline: w.baseline, scenario: direct)
            #expect(w.comparison.migration == reference.migration, "step \(step)")
            if w.isRanked {
                #expect(w.scoring.ranks == direct.ranks && w.scoring.order == direct.order, "step \(step)")
                #expect(w.movers(limit: 30) == reference.movers(limit: 30), "step \(step)")
            } else {
                #expect(h.frame.contains("re-ranking…"))
            }
        }
        for _ in 0..<4 {
            #expect(work.waitUntilComputed(seconds: 10))
            h.runtime.collectBackground()
        }
        #expect(h.state.weights.whatIf?.isRanked == true && !h.frame.contains("re-ranking…"))
    }
}
