/// The status line's messages, queued so that none overwrites another before it can be read.
///
/// One message is shown at a time. A new one waits behind it until it has been shown for
/// ``minimumMilliseconds`` (the runtime's clock, ``tick(_:)``) or until the next key
/// (``keyPressed()``), then the next is shown. Rules:
/// - the same text again counts instead of queueing (`Nothing to undo (×3)`);
/// - a *progress* message (`Analysing as of 1998-04-01…`) is replaced by whatever comes next —
///   it is not news once the work is done;
/// - an error is shown at once: it goes ahead of information, which waits behind it if it was
///   not shown long enough;
/// - at most ``capacity`` messages wait; beyond that the oldest information is dropped (never
///   an error) and counted in ``dropped``.
/// A key dismisses information; an error stays until the next message replaces it.
///
/// Pure: time comes in as milliseconds of a monotonic clock, never read here.
public struct StatusQueue: Hashable, Sendable {
    /// How much a message matters; the status line draws errors in the error role.
    public enum Severity: Int, Hashable, Sendable, Comparable {
        case progress, info, error
        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    }

    /// One message and how many times it came in a row.
    public struct Message: Hashable, Sendable {
        public var text: String
        public var severity: Severity
        public var repeats = 1
    }

    /// The least time a message is shown before the next one replaces it without a key.
    public static let minimumMilliseconds = 1_500
    /// How many messages wait at most.
    public static let capacity = 8

    /// The message shown, if any.
    public private(set) var current: Message?
    /// The messages waiting, oldest first.
    public private(set) var pending: [Message] = []
    /// Information dropped because too many messages waited, since the line was last empty.
    public private(set) var dropped = 0
    /// The clock, in milliseconds, as of the last ``tick(_:)``.
    public private(set) var now = 0
    /// When ``current`` was shown.
    var shownAt = 0
    /// Whether the last tick brought ``current`` up (a key right after it keeps it).
    var justAdvanced = false

    public init() {}

    /// Adds a message: shown at once when the line is free, else queued by the rules above.
    public mutating func post(_ text: String, _ severity: Severity = .info) {
        let m = Message(text: text, severity: severity)
        guard var c = current else { show(m); return }
        if c.text == text, c.severity == severity {
            c.repeats += 1
            current = c
            shownAt = now
            return
        }
        if c.severity == .progress { show(m); return }
        if severity == .error, c.severity != .error {
            if now - shownAt < Self.minimumMilliseconds { pending.insert(c, at: 0) }
            show(m)
            return
        }
        if var last = pending.last, last.text == text, last.severity == severity {
            last.repeats += 1
            pending[pending.count - 1] = last
            return
        }
        pending.append(m)
        if pending.count > Self.capacity {
            let at = pending.firstIndex { $0.severity != .error } ?? 0
            pending.remove(at: at)
            dropped += 1
        }
    }

    /// The clock moved on: the next message replaces one shown long enough.
    public mutating func tick(_ milliseconds: Int) {
        now = max(now, milliseconds)
        justAdvanced = false
        guard !pending.isEmpty, now - shownAt >= Self.minimumMilliseconds else { return }
        show(pending.removeFirst())
        justAdvanced = true
    }

    /// A key was pressed: the next message is shown, or information is dismissed. A message the
    /// tick just before the key brought up stays (it has not been seen yet).
    public mutating func keyPressed() {
        if justAdvanced { justAdvanced = false; return }
        if !pending.isEmpty { show(pending.removeFirst()); return }
        if current?.severity != .error { current = nil; dropped = 0 }
    }

    /// Empties the line and the queue.
    public mutating func clear() {
        current = nil; pending = []; dropped = 0; justAdvanced = false
    }

    /// How long until a waiting message is due, in milliseconds; nil when none waits (the
    /// runtime wakes then to call ``tick(_:)``).
    public var wakeIn: Int? {
        pending.isEmpty ? nil : max(1, shownAt + Self.minimumMilliseconds - now)
    }

    /// What follows the shown text: how many times it came, how many more wait.
    public var suffix: String {
        var s = ""
        if let c = current, c.repeats > 1 { s += " (×\(c.repeats))" }
        let more = pending.count + dropped
        if more > 0 { s += " [+\(more)]" }
        return s
    }

    mutating func show(_ m: Message) {
        current = m
        shownAt = now
    }
}

extension StatusQueue {
    /// The shown message as one line of at most `width` cells: a long text is cut at a word
    /// boundary and ends in `ellipsis`; the ``suffix`` (counts) is never cut while it fits.
    public func line(width: Int, ellipsis: String = "…") -> String {
        guard let c = current, width > 0 else { return "" }
        let tail = suffix
        let full = c.text + tail
        if DisplayWidth.of(full) <= width { return full }
        let tailWidth = DisplayWidth.of(tail)
        guard tailWidth + DisplayWidth.of(ellipsis) < width else { return TextLayout.truncate(full, width: width, ellipsis: ellipsis) }
        return Self.cutAtWord(c.text, width: width - tailWidth, ellipsis: ellipsis) + tail
    }

    /// The longest prefix of `text` ending at a word boundary that fits in `width` cells with
    /// `ellipsis` after it; a first word wider than that is cut inside (there is no boundary).
    static func cutAtWord(_ text: String, width: Int, ellipsis: String) -> String {
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return TextLayout.prefix(ellipsis, width: width) }
        let head = TextLayout.prefix(text, width: room)
        // The cut is at a boundary when the next character is a space; else back to the last one.
        let rest = text.dropFirst(head.count)
        if rest.first?.isWhitespace == true { return head.trimmingTrailingSpaces + ellipsis }
        guard let space = head.lastIndex(where: \.isWhitespace) else { return head + ellipsis }
        let cut = String(head[..<space]).trimmingTrailingSpaces
        return (cut.isEmpty ? head : cut) + ellipsis
    }
}

extension String {
    /// The text without the spaces at its end.
    fileprivate var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
