import AcumenAnalytics
import AcumenCore

/// The scenario comparison screen: which two weight sets are compared (the workspace default,
/// a saved scenario, or the weights being tried on the Weights screen), the model's comparison
/// of their scorings, and the cursor over the tier migration cells and the movers.
public struct ScenariosState: Sendable {
    /// Which weight set a side shows: kept by identity, so a rename or a new scenario does not
    /// move the comparison to another one.
    public enum SideID: Hashable, Sendable {
        /// The workspace's default weights.
        case defaults
        /// The saved scenario with this name.
        case saved(String)
        /// The weights on trial on the Weights screen.
        case trial
    }

    /// One comparable weight set.
    public struct Side: Sendable, Hashable {
        public var id: SideID
        /// The name as shown (sanitised).
        public var name: String
        public var weights: [Criterion: Double]
    }

    /// The left (base) and right side.
    public var left = SideID.defaults
    public var right = SideID.trial
    /// The cursor: first the tier cells (row-major, left tier × right tier), then the movers.
    public var cursor = 0
    /// The column the cursor had in the matrix, so leaving it for the movers and coming back
    /// returns to the same column.
    public var cellColumn = 0
    /// The model's comparison, right side against left side (``WhatIf/comparison``); nil until built.
    public var comparison: WhatIf?
    /// The movers of ``comparison`` (``RankMovers`` through the comparison), most moved first.
    public var movers: [Int] = []
    /// How many movers are listed (and can be opened).
    public static let moverLimit = 50

    public init() {}

    /// Number of tier classes (rows and columns of the matrix).
    public var tierCount: Int { comparison?.comparison.migration.count ?? 0 }

    /// Number of cursor positions: every tier cell and every mover.
    public var itemCount: Int { tierCount * tierCount + movers.count }

    /// The tier cell under the cursor (left tier, right tier), nil when on a mover.
    public var cell: (from: Int, to: Int)? {
        let n = tierCount
        guard n > 0, cursor >= 0, cursor < n * n else { return nil }
        return (cursor / n, cursor % n)
    }

    /// The position in ``movers`` under the cursor, nil when on a cell.
    public var mover: Int? {
        let k = cursor - tierCount * tierCount
        return k >= 0 && k < movers.count ? k : nil
    }

    /// Puts the cursor on the first mover (or the first cell when nothing moved).
    mutating func selectFirstMover() {
        cursor = movers.isEmpty ? 0 : tierCount * tierCount
    }

    /// Moves the cursor down (`step` 1) or up (-1): a row of the matrix at a time in the
    /// same column, from its last row to the first mover, then mover by mover.
    mutating func move(_ step: Int) {
        let n = tierCount
        if let (r, c) = cell {
            if step > 0 {
                if r + 1 < n { cursor = (r + 1) * n + c } else if !movers.isEmpty { cellColumn = c; cursor = n * n }
            } else if r > 0 {
                cursor = (r - 1) * n + c
            }
        } else if let m = mover {
            if step > 0 { cursor = n * n + min(m + 1, movers.count - 1) } else if m > 0 { cursor -= 1 } else if n > 0 {
                cursor = (n - 1) * n + min(cellColumn, n - 1)
            }
        }
    }

    /// Moves the cursor across the matrix (no effect on a mover).
    mutating func moveColumn(_ step: Int) {
        guard let (r, c) = cell else { return }
        let to = min(max(0, c + step), tierCount - 1)
        cursor = r * tierCount + to
        cellColumn = to
    }

    /// Keeps the cursor on an item after the comparison changed.
    mutating func clamp() {
        cursor = min(max(0, cursor), max(0, itemCount - 1))
    }
}
