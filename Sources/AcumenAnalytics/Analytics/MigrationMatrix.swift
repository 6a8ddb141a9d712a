import AcumenCore

/// A migration matrix between two classifications of the same customers: how many moved from
/// each class at the earlier date (row) to each class at the later date (column), their revenue
/// at both dates, and who they are (so a screen can list the accounts in a cell).
///
/// Every customer is in exactly one cell, so the cell counts sum to the customer count, row
/// sums are the earlier class sizes and column sums the later ones.
public struct MigrationMatrix: Sendable, Hashable {
    /// One cell: the customers in row class at the earlier date and column class at the later.
    public struct Cell: Sendable, Hashable {
        /// Customer indices (into ``Workspace/customers``), ascending.
        public var customers: [Int32] = []
        /// Window revenue of these customers at the earlier and the later date (minor units).
        public var earlierRevenue: Int64 = 0
        public var laterRevenue: Int64 = 0
        /// Number of customers in the cell.
        public var count: Int { customers.count }
    }

    /// Class names, in display order (rows and columns share them).
    public let classes: [String]
    /// `cells[from][to]`.
    public let cells: [[Cell]]

    /// Builds the matrix from each customer's class index at both dates.
    /// - Parameters:
    ///   - classes: the class names; indices in `earlier`/`later` refer to them.
    ///   - earlierRevenue, laterRevenue: window revenue per customer at each date (minor units).
    /// - Complexity: O(customers + classes²).
    public init(classes: [String], earlier: (Int) -> Int, later: (Int) -> Int, count n: Int,
                earlierRevenue: [Int64], laterRevenue: [Int64]) {
        let c = classes.count
        var cells = [[Cell]](repeating: [Cell](repeating: Cell(), count: c), count: c)
        for k in 0..<n {
            let a = earlier(k), b = later(k)
            guard a >= 0, a < c, b >= 0, b < c else { continue }
            cells[a][b].customers.append(Int32(k))
            cells[a][b].earlierRevenue &+= earlierRevenue[k]
            cells[a][b].laterRevenue &+= laterRevenue[k]
        }
        self.classes = classes
        self.cells = cells
    }

    /// Customer counts, `counts[from][to]`.
    public var counts: [[Int]] { cells.map { $0.map(\.count) } }

    /// Customers per class at the earlier date (row sums).
    public var rowSums: [Int] { cells.map { $0.reduce(0) { $0 + $1.count } } }

    /// Customers per class at the later date (column sums).
    public var columnSums: [Int] { classes.indices.map { j in cells.reduce(0) { $0 + $1[j].count } } }

    /// All customers counted (the sum of every cell).
    public var total: Int { rowSums.reduce(0, +) }

    /// Customers on the diagonal (same class at both dates).
    public var unchanged: Int { classes.indices.reduce(0) { $0 + cells[$1][$1].count } }

    /// Customers who moved to an earlier class in ``classes`` (up, for tiers and ABC).
    public var movedUp: Int { sum { $1 < $0 } }
    /// Customers who moved to a later class in ``classes`` (down, for tiers and ABC).
    public var movedDown: Int { sum { $1 > $0 } }

    private func sum(_ keep: (Int, Int) -> Bool) -> Int {
        var s = 0
        for i in cells.indices { for j in cells[i].indices where keep(i, j) { s += cells[i][j].count } }
        return s
    }
}
