import Dispatch
import Testing
@testable import AcumenUI

/// Work off the input path: the loop polls while it runs, collects its result between keys,
/// and goes back to blocking reads when it is done.
@Suite struct BackgroundWorkTests {
    @Test func resultsArriveBetweenKeysAndPollingStops() {
        var s = Fixtures.state()
        let terminal = InMemoryTerminal(width: s.width, height: s.height, events: [.tick])
        let work = BackgroundWork()
        work.start({ (1...1000).reduce(0, +) }) { sum in [.notice("sum \(sum)", isError: false)] }
        #expect(work.isRunning)
        #expect(work.waitUntilComputed(seconds: 5))
        AppRunner.run(&s, terminal: terminal, background: work) { _ in [] }
        #expect(s.notice == "sum 500500")
        #expect(!work.isRunning)
        #expect(terminal.pollMilliseconds == nil)
    }

    @Test func theLoopPollsWhileWorkIsStillRunning() {
        var s = Fixtures.state()
        let terminal = InMemoryTerminal(width: s.width, height: s.height, events: [.key(.char("j")), .tick])
        let work = BackgroundWork()
        let gate = DispatchSemaphore(value: 0)
        work.start({ gate.wait(); return 1 }) { _ in [.notice("done", isError: false)] }
        AppRunner.run(&s, terminal: terminal, background: work) { _ in [] }
        #expect(terminal.pollMilliseconds == 100)
        #expect(s.notice == nil)
        #expect(s.accounts.cursor == 1)
        gate.signal()
        #expect(work.waitUntilComputed(seconds: 5))
        #expect(work.collect().count == 1)
    }
}
