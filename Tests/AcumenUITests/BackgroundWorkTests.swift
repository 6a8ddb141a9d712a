import Dispatch
import Testing
import AcumenStore
@testable import AcumenUI

/// Work off the input path: the loop polls while it runs, collects its result between keys,
/// and goes back to blocking reads when it is done.
@Suite struct BackgroundWorkTests {
    @Test func resultsArriveBetweenKeysAndPollingStops() throws {
        let h = try WorkflowHarness()
        _ = h.runtime.accountHistory()  // cached now, so the loop starts no history work of its own
        h.store.adoptSaveReviewPreparation(h.store.saveReviewPreparation()?())  // nor the save review's index
        let terminal = InMemoryTerminal(width: 80, height: 24, events: [.tick])
        let work = BackgroundWork()
        work.start({ (1...1000).reduce(0, +) }) { sum in [.notice("sum \(sum)", isError: false)] }
        #expect(work.isRunning)
        #expect(work.waitUntilComputed(seconds: 5))
        h.runtime.run(terminal: terminal, background: work)
        #expect(h.state.notice == "sum 500500")
        #expect(!work.isRunning)
        #expect(terminal.pollMilliseconds == nil)
    }

    @Test func theLoopPollsWhileWorkIsStillRunning() throws {
        let h = try WorkflowHarness()
        let terminal = InMemoryTerminal(width: 80, height: 24, events: [.key(.char("j")), .tick])
        let work = BackgroundWork()
        let gate = DispatchSemaphore(value: 0)
        work.start({ gate.wait(); return 1 }) { _ in [.notice("done", isError: false)] }
        h.runtime.run(terminal: terminal, background: work)
        #expect(terminal.pollMilliseconds == 100)
        #expect(h.state.notice == nil)
        #expect(h.state.accounts.cursor == 1)
        gate.signal()
        #expect(work.waitUntilComputed(seconds: 5))
        #expect(work.collect().count == 1)
    }
}
