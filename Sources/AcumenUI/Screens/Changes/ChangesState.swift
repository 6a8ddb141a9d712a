import AcumenAnalytics
import AcumenCore

/// The changes screen: the portfolio at the current analysis date against one quarter earlier,
/// scored with the same weights (``PortfolioComparison``), and the cursor over what can be
/// opened — the cells of the tier and ABC migration matrices, the largest RFM-segment moves,
/// the new and gone-quiet customers, the decisions, and the movers.
///
/// The selectable items are laid out in ``lines`` (a matrix row is one line of cells, every
/// other item a line of its own): `j`/`k` move between lines, `h`/`l` between the cells of a
/// line, Tab to the next section. The selection is an ``Item`` (a cell by its classes, a mover
/// by its customer), so it survives a new comparison arriving while the screen is open.
public struct ChangesState: Sendable {
    /// Something on the screen that `Enter` opens.
    public enum Item: Hashable, Sendable {
        /// A cell of the tier, ABC or RFM-segment migration matrix: earlier class × later class.
        case tier(from: Int, to: Int)
        case abc(from: Int, to: Int)
        case segment(from: Int, to: Int)
        /// The customers new since the earlier date, and those gone quiet.
        case newCustomers
        case goneQuiet
        /// The accounts decided with a strategy before the earlier date.
        case decision(Strategy)
        /// A mover (customer index), up or down.
        case mover(customer: Int)

        /// The section it belongs to, in screen order (Tab moves between them).
        public var section: Int {
            switch self {
            case .tier: 0
            case .abc: 1
            case .segment: 2
            case .newCustomers, .goneQuiet: 3
            case .decision: 4
            case .mover: 5
            }
        }
    }

    /// The model's comparison, earlier date against the current one; nil until the runtime sent it.
    public var comparison: PortfolioComparison?
    /// The earlier date asked for (one quarter before the current date).
    public var earlierDay: Day?
    /// The revision of the analysis in effect (``WorkflowModel/analysisRevision``) when the
    /// comparison was asked for: a newer analysis asks again.
    public var laterRevision: Int?
    /// Movers up, then movers down (customer indices), most moved first.
    public var moversUp: [PortfolioComparison.Mover] = []
    public var moversDown: [PortfolioComparison.Mover] = []
    /// The RFM-segment cells listed (off the diagonal, largest first, at most ``segmentLimit``),
    /// and how many more non-empty ones the list leaves out.
    public var segmentMoves: [Item] = []
    public var moreSegmentMoves = 0
    /// The selectable items, top to bottom; each line left to right.
    public var lines: [[Item]] = []
    /// The cursor: a line of ``lines`` and an item in it.
    public var line = 0
    public var column = 0
    /// How many movers each way and segment moves are listed (and can be opened).
    public static let moverLimit = 10
    public static let segmentLimit = 10

    public init() {}

    /// The item under the cursor.
    public var selected: Item? {
        guard line >= 0, line < lines.count, column >= 0, column < lines[line].count else { return nil }
        return lines[line][column]
    }

    /// The mover under the cursor, nil elsewhere.
    public var mover: PortfolioComparison.Mover? {
        guard case .mover(let k) = selected else { return nil }
        return (moversUp + moversDown).first { $0.index == k }
    }

    /// Takes a comparison the runtime computed; the cursor stays on the same item when the new
    /// comparison has it, else on the nearest line.
    mutating func adopt(_ c: PortfolioComparison) {
        let keep = selected
        comparison = c
        moversUp = c.movers(limit: Self.moverLimit, direction: .up)
        moversDown = c.movers(limit: Self.moverLimit, direction: .down)
        var moves: [(count: Int, item: Item)] = []
        for (i, row) in c.segments.cells.enumerated() {
            for (j, cell) in row.enumerated() where i != j && cell.count > 0 { moves.append((cell.count, .segment(from: i, to: j))) }
        }
        moves.sort { $0.count > $1.count }  // stable: equal counts keep row-major order
        segmentMoves = moves.prefix(Self.segmentLimit).map(\.item)
        moreSegmentMoves = max(0, moves.count - Self.segmentLimit)
        lines = Self.lines(c, segmentMoves: segmentMoves, movers: moversUp + moversDown)
        select(keep)
    }

    /// Puts the cursor on `item` if listed; otherwise keeps the line, clamped.
    mutating func select(_ item: Item?) {
        if let item, let at = lines.firstIndex(where: { $0.contains(item) }) {
            line = at
            column = lines[at].firstIndex(of: item) ?? 0
            return
        }
        line = min(max(0, line), max(0, lines.count - 1))
        column = lines.isEmpty ? 0 : min(max(0, column), lines[line].count - 1)
    }

    /// Moves the cursor `by` lines, keeping the column where the new line has one.
    mutating func moveLine(by d: Int) {
        guard !lines.isEmpty else { return }
        line = min(max(0, line + d), lines.count - 1)
        column = min(column, lines[line].count - 1)
    }

    /// Moves the cursor `by` items within its line.
    mutating func moveColumn(by d: Int) {
        guard line < lines.count else { return }
        column = min(max(0, column + d), lines[line].count - 1)
    }

    /// Moves to the first line of the next (or previous) section, wrapping around.
    mutating func moveSection(forward: Bool) {
        guard !lines.isEmpty else { return }
        let starts = lines.indices.filter { $0 == 0 || lines[$0 - 1].first?.section != lines[$0].first?.section }
        let current = starts.last { $0 <= line } ?? 0
        let at = starts.firstIndex(of: current) ?? 0
        line = starts[(at + (forward ? 1 : starts.count - 1)) % max(1, starts.count)]
        column = 0
    }

    /// The selectable lines of a comparison: one per tier row and ABC row (a line of cells),
    /// then the segment moves, new, gone quiet, the decided strategies and the movers.
    static func lines(_ c: PortfolioComparison, segmentMoves: [Item], movers: [PortfolioComparison.Mover]) -> [[Item]] {
        var out: [[Item]] = []
        let t = c.tiers.classes.count, a = c.abc.classes.count
        for i in 0..<t { out.append((0..<t).map { Item.tier(from: i, to: $0) }) }
        for i in 0..<a { out.append((0..<a).map { Item.abc(from: i, to: $0) }) }
        out += segmentMoves.map { [$0] }
        out += [[.newCustomers], [.goneQuiet]]
        out += c.decisions.filter { $0.count > 0 }.map { [.decision($0.strategy)] }
        out += movers.map { [.mover(customer: $0.index)] }
        return out
    }
}
