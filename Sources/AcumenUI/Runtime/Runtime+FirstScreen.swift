import AcumenAnalytics
import AcumenCore
import Foundation

/// The first frame of a large workspace before its full listing (issue 16: the first screen).
///
/// Opening ranked by score, the accounts list needs every row sorted, its totals and the
/// portfolio figures — O(rows) work and a sort of a million scores, most of the runtime's
/// set-up. The first frame shows only its first rows: the runtime takes them from the
/// analysis' own ranking (``AccountsState/firstByScore(_:scores:ranked:)``) and draws them with
/// the count and totals of every row; the sort buckets of the score are computed in the
/// background after that frame, and the full listing (``Action/loaded(_:)``, the same as
/// without a preview) is applied when they land — or at once, before any key, resize or
/// result is handled (``send(_:)``), so nothing is ever shown from the preview but its first frame.
extension Runtime {
    /// Tables from this many rows open on a preview (smaller ones are listed within a frame).
    public static let firstScreenFrom = 50_000

    /// The rows of the preview: enough for a terminal of this many lines.
    static let firstScreenRows = 512

    /// The first rows of `table` in the opening order, when the state opens on the accounts
    /// list ranked by score (descending), unfiltered, at its top; else nil (listed at once).
    func firstScreenRows(_ table: AccountTable) -> [Int32]? {
        let a = state.accounts
        guard state.screen == .accounts, state.overlay == nil, a.sortColumn == .score, a.sortDescending, a.filter.isEmpty,
              a.scope == nil, a.marks.isEmpty, a.cursor == 0, a.top == 0, state.accountRows <= Self.firstScreenRows
        else { return nil }
        return AccountsState.firstByScore(Self.firstScreenRows, scores: table.score, ranked: analysis.baseline.order)
    }

    /// Whether `action` leaves the preview as it is: the clock, a notice, a resize the preview
    /// still fills. Anything else lists every row first.
    func keepsFirstScreen(_ action: Action) -> Bool {
        switch action {
        case .tick, .notice: true
        case .resize(_, let h): h <= Self.firstScreenRows
        default: false
        }
    }

    /// Lists every row of the first screen now (when it is still a preview): the sort, the
    /// totals and the portfolio figures of the full table, as a load without preview makes them.
    public func finishFirstScreen() {
        guard let table = firstScreenPending else { return }
        firstScreenPending = nil
        send(.loaded(table))
    }

    /// After the first frame: the sort buckets of the opening column on the background queue
    /// (not in turn: the warm-up's first job, the lifetime-value fit, takes seconds), then the
    /// full listing on the main thread when they land. A key pressed before lists at once.
    func listFirstScreenInBackground() {
        guard let background, let table = firstScreenPending else { return }
        let orders = state.accounts.sortOrders, column = state.accounts.sortColumn
        background.start({ column.map { _ = orders.ranks($0, table) }; return true }) { [weak self] _ in
            guard let self, let pending = self.firstScreenPending, pending.searchCacheID == table.searchCacheID else { return [] }
            self.firstScreenPending = nil
            return [.loaded(pending)]
        }
    }
}
