/// Input from a terminal.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
    /// No input within the poll interval (only while ``Terminal/pollMilliseconds`` is set).
    case tick

    /// The action this event becomes; nil for a tick.
    public var action: Action? {
        switch self {
        case .key(let k): .key(k)
        case .resize(let w, let h): .resize(width: w, height: h)
        case .mouse(let m): .mouse(m)
        case .tick: nil
        }
    }
}

/// What the app needs from a terminal. Two implementations: ncurses (AcumenTerminal) and
/// ``InMemoryTerminal`` for tests.
public protocol Terminal: AnyObject {
    /// The size in cells.
    var size: (width: Int, height: Int) { get }
    /// Draws a frame, writing only the cells that differ from the last frame drawn.
    func draw(_ grid: CellGrid)
    /// Makes what was drawn visible.
    func flush()
    /// Waits for the next event; nil when input has ended. While ``pollMilliseconds`` is set,
    /// returns ``TerminalEvent/tick`` after that long without input.
    func nextEvent() -> TerminalEvent?
    /// How long ``nextEvent()`` waits before a tick; nil waits for input indefinitely.
    var pollMilliseconds: Int? { get set }
    /// Forgets the last frame so the next draw writes every cell (Ctrl-L).
    func invalidate()
    /// Gives the terminal back to the shell and stops the process until resumed (Ctrl-Z).
    func suspend()
    /// Turns mouse reporting on or off.
    func setMouse(_ enabled: Bool)
}

/// A terminal in memory: events come from a queue, frames are kept for assertions.
public final class InMemoryTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    public var events: [TerminalEvent]
    /// The last frame drawn.
    public private(set) var screen: CellGrid
    /// How many cells each draw changed.
    public private(set) var changedCells: [Int] = []
    public private(set) var flushes = 0
    public private(set) var suspensions = 0
    public private(set) var mouseEnabled = false
    public var pollMilliseconds: Int?

    public init(width: Int, height: Int, events: [TerminalEvent] = []) {
        size = (width, height)
        self.events = events
        screen = CellGrid(width: width, height: height)
    }

    public func draw(_ grid: CellGrid) {
        var changed = 0
        if grid.width != screen.width || grid.height != screen.height { changed = grid.cells.count } else {
            for k in 0..<grid.cells.count where grid.cells[k] != screen.cells[k] { changed += 1 }
        }
        changedCells.append(changed)
        screen = grid
    }

    public func flush() { flushes += 1 }

    public func nextEvent() -> TerminalEvent? {
        guard !events.isEmpty else { return nil }
        let e = events.removeFirst()
        if case .resize(let w, let h) = e { size = (w, h) }
        return e
    }

    public func invalidate() { screen = CellGrid(width: 0, height: 0) }
    public func suspend() { suspensions += 1 }
    public func setMouse(_ enabled: Bool) { mouseEnabled = enabled }
}
