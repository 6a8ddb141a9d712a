import Dispatch
import Testing
import AcumenStore
@testable import AcumenUI

/// Work in turn (the warm-up after the first frame): one job at a time, in the order asked,
/// each begun only when the one before has landed, and every result still delivered.
@Suite struct BackgroundTurnsTests {
    /// Counts the jobs running at once (from the background queue).
    final class Overlap: @unchecked Sendable {
        private let lock = NSLockLike()
        private var now = 0
        private(set) var most = 0
        func enter() { lock.run { now += 1; most = max(most, now) } }
        func leave() { lock.run { now -= 1 } }
    }

    /// A minimal lock for the counter (the tests import no Foundation).
    final class NSLockLike: @unchecked Sendable {
        private let semaphore = DispatchSemaphore(value: 1)
        func run(_ body: () -> Void) { semaphore.wait(); body(); semaphore.signal() }
    }

    @Test func jobsInTurnRunOneAtATimeInOrderAndAllLand() {
        let work = BackgroundWork()
        let overlap = Overlap()
        var begun: [Int] = []
        var landed: [Int] = []
        for k in 0..<4 {
            work.inTurn {
                begun.append(k)
                work.start({ overlap.enter(); usleepLike(5_000); overlap.leave(); return k * 10 }) { value in
                    landed.append(value)
                    return []
                }
            }
        }
        #expect(begun == [0], "the first begins at once, the others wait their turn")
        #expect(work.isRunning)
        var rounds = 0
        while work.isRunning, rounds < 1_000 {
            _ = work.waitUntilComputed(seconds: 5)
            _ = work.collect()
            rounds += 1
        }
        #expect(begun == [0, 1, 2, 3])
        #expect(landed == [0, 10, 20, 30])
        #expect(overlap.most == 1)
        #expect(!work.isRunning)
    }

    @Test func aTurnThatStartsNothingPassesItOn() {
        let work = BackgroundWork()
        var begun: [String] = []
        work.inTurn { begun.append("nothing") }
        work.inTurn { begun.append("job"); work.start({ 1 }) { _ in [] } }
        #expect(begun == ["nothing", "job"])
        #expect(work.waitUntilComputed(seconds: 5))
        _ = work.collect()
        #expect(!work.isRunning)
    }

    /// In the workbench: the history, the search keys and the save review's index, queued behind
    /// a job already running, each land once it has landed.
    @Test func theWarmUpWaitsForTheJobBeforeItAndStillLands() throws {
        let h = try WorkflowHarness()
        let work = BackgroundWork()
        let gate = DispatchSemaphore(value: 0)
        work.inTurn { work.start({ gate.wait(); return 1 }) { _ in [.notice("fitted", isError: false)] } }
        h.runtime.background = work
        #expect(h.runtime.accountHistory() == nil, "queued behind the running job")
        h.runtime.prepareSaveReview()
        gate.signal()
        var rounds = 0
        while work.isRunning, rounds < 1_000 {
            _ = work.waitUntilComputed(seconds: 30)
            for action in work.collect() { h.send(action) }
            rounds += 1
        }
        #expect(h.state.notice == "fitted")
        #expect(h.runtime.accountHistory() != nil)
        #expect(h.store.saveReviewPreparation() == nil, "the save review's index was built and adopted")
    }

    /// A rating on a large list sorted by score puts the rated row back in place at once and
    /// sorts the score column's buckets again in the background, so the next sort by score
    /// finds them kept (not sorted on the key).
    @Test func aRatingSortsTheStaleScoreBucketsInTheBackground() throws {
        let h = try WorkflowHarness(customers: Runtime.warmSearchRows)
        h.runtime.state.accounts.sortColumn = .score
        h.runtime.state.accounts.sortDescending = true
        h.runtime.state.accounts.rebuild(h.state.table, resort: true)
        #expect(h.state.accounts.sortOrders.isKept(.score, h.state.table))
        let work = BackgroundWork()
        h.runtime.useBackground(work)
        h.press(.char("g"), .enter, .char("r"))
        h.type("satisfaction 0")
        h.press(.enter)
        #expect(!h.state.accounts.sortOrders.isKept(.score, h.state.table), "the rating left the score's buckets stale")
        var rounds = 0
        while work.isRunning, rounds < 1_000 {
            _ = work.waitUntilComputed(seconds: 30)
            for action in work.collect() { h.send(action) }
            rounds += 1
        }
        #expect(h.state.accounts.sortOrders.isKept(.score, h.state.table), "sorted again in the background")
        // And they sort the list as a full sort does.
        var sorted = h.state.accounts
        sorted.sortOrders = SortOrders()
        sorted.rebuild(h.state.table, resort: true)
        #expect(h.state.accounts.order == sorted.order)
    }
}

/// Sleeps on the calling thread (a job standing in for real work).
private func usleepLike(_ microseconds: Int) {
    _ = DispatchSemaphore(value: 0).wait(timeout: .now() + .microseconds(microseconds))
}
