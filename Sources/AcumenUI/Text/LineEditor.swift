/// The one line editor behind every prompt (filter, search, export file, weight, note, reason,
/// owner, tags, rating, override, scenario name).
///
/// Keys, as in readline and most shells (the key map's "Prompts" context, so help and
/// `acumen keys` list them and keys.json can remap them):
/// - `Left`/`Right` move one character, `Home`/`Ctrl-A` to the start, `End`/`Ctrl-E` to the end;
/// - `Backspace` deletes before the cursor, `Delete`/`Ctrl-D` under it;
/// - `Ctrl-U` deletes to the start, `Ctrl-K` to the end, `Ctrl-W` the word before the cursor;
/// - `Up`/`Down` walk the history of this kind of prompt (the text being typed comes back after
///   the newest entry);
/// - a printable character is inserted at the cursor.
///
/// A pre-filled value starts *selected*: typing replaces it (a weight of 2, then `0`, gives 0),
/// `Backspace`/`Delete` clear it, and any movement drops the selection and keeps the text.
/// The cursor is an index in characters (grapheme clusters), never inside one.
public struct LineEditor: Hashable, Sendable {
    /// The characters typed.
    public private(set) var characters: [Character]
    /// Cursor position in ``characters``, 0...count.
    public private(set) var cursor: Int
    /// Whether the whole text is selected (a pre-filled value not yet touched).
    public private(set) var isSelected: Bool
    /// Position in the history while walking it with Up/Down (nil: the text being typed).
    var historyIndex: Int?
    /// The text being typed, kept while walking the history.
    var draft: [Character] = []

    /// An editor holding `text` with the cursor at its end; a non-empty pre-filled text is
    /// selected unless `selected` is false.
    public init(_ text: String = "", selected: Bool = true) {
        characters = Array(text)
        cursor = characters.count
        isSelected = selected && !text.isEmpty
    }

    /// The text typed.
    public var text: String { String(characters) }

    /// Applies one key through the key map's prompt context (``KeyContext/prompt``): an editing
    /// command of that context, else a printable character typed at the cursor. Returns whether
    /// the key was an editing or history key or typed a character (the caller handles Enter, Esc
    /// and anything else); `history` is this prompt kind's past entries, oldest first.
    @discardableResult
    public mutating func handle(_ key: Key, history: [String] = [], keys: KeyBindings = .defaults) -> Bool {
        if let c = keys.command(for: key, in: .prompt) { return perform(c, history: history) }
        guard let ch = key.typedCharacter else { return false }
        insert(ch)
        return true
    }

    /// Runs an editing command of the prompt context. Returns false for any other command
    /// (``Command/confirm`` and ``Command/close`` are the prompt's owner's to handle).
    @discardableResult
    public mutating func perform(_ command: Command, history: [String] = []) -> Bool {
        switch command {
        case .cursorLeft: deselect(); cursor = max(0, cursor - 1)
        case .cursorRight: deselect(); cursor = min(characters.count, cursor + 1)
        case .lineStart: deselect(); cursor = 0
        case .lineEnd: deselect(); cursor = characters.count
        case .deleteBackward:
            if clearSelection() { break }
            guard cursor > 0 else { break }
            characters.remove(at: cursor - 1); cursor -= 1
        case .deleteForward:
            if clearSelection() { break }
            guard cursor < characters.count else { break }
            characters.remove(at: cursor)
        case .deleteToStart:
            deselect()
            characters.removeSubrange(0..<cursor); cursor = 0
        case .deleteToEnd:
            deselect()
            characters.removeSubrange(cursor...)
        case .deleteWord:
            deselect()
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor); cursor = start
        case .historyPrevious: walkHistory(by: -1, history)
        case .historyNext: walkHistory(by: 1, history)
        default: return false
        }
        return true
    }

    /// Types a character at the cursor (replacing a selected pre-fill).
    public mutating func insert(_ ch: Character) {
        _ = clearSelection()
        characters.insert(ch, at: cursor); cursor += 1
    }

    /// Replaces the whole text (cursor at the end, nothing selected).
    public mutating func setText(_ text: String) {
        characters = Array(text); cursor = characters.count; isSelected = false; historyIndex = nil
    }

    /// Drops the selection, keeping the text.
    mutating func deselect() { isSelected = false }

    /// Deletes the selected text; returns whether there was a selection.
    mutating func clearSelection() -> Bool {
        guard isSelected else { return false }
        characters = []; cursor = 0; isSelected = false
        return true
    }

    /// Where the word before `position` starts: spaces before it are skipped, then the word.
    func wordStart(before position: Int) -> Int {
        var k = position
        while k > 0, characters[k - 1].isWhitespace { k -= 1 }
        while k > 0, !characters[k - 1].isWhitespace { k -= 1 }
        return k
    }

    /// Moves `step` entries through `history` (-1 older, +1 newer); past the newest comes the draft.
    mutating func walkHistory(by step: Int, _ history: [String]) {
        guard !history.isEmpty else { return }
        isSelected = false
        let current = historyIndex ?? history.count
        let next = min(max(0, current + step), history.count)
        guard next != current else { return }
        if historyIndex == nil { draft = characters }
        if next == history.count {
            historyIndex = nil; characters = draft
        } else {
            historyIndex = next; characters = Array(history[next])
        }
        cursor = characters.count
    }
}

/// Drawing a ``LineEditor``: the label, the text scrolled so the cursor is on screen, the
/// cursor as a highlighted cell and a selected pre-fill highlighted whole.
extension LineEditor {
    /// The prompt as one styled line at most `width` cells wide.
    ///
    /// The cursor cell (the character under it, or `_` past the end) is drawn in
    /// `cursorRole`; a selected text is drawn in `cursorRole` too, so it reads as "typing
    /// replaces this". When the text is wider than the room after the label, the window
    /// scrolls so the cursor stays visible.
    /// - Complexity: O(n) in the text length.
    public func styledLine(label: String, width: Int, role: StyleRole = .input, cursorRole: StyleRole = .selection) -> StyledLine {
        let label = TextSanitizer.sanitize(label)
        var line = StyledLine(label, role)
        let shown = characters.map { TextSanitizer.sanitize(String($0)) }
        let widths = shown.map { DisplayWidth.of($0) }
        let room = max(1, width - DisplayWidth.of(label))
        // Scroll: the first character shown is the first one from which the cursor cell fits.
        let cursorWidth = cursor < widths.count ? widths[cursor] : 1
        var start = 0
        var used = widths[0..<cursor].reduce(0, +) + cursorWidth
        while start < cursor, used > room { used -= widths[start]; start += 1 }
        var col = 0
        if isSelected {
            var selected = ""
            for k in start..<shown.count where col + widths[k] <= room - 1 { selected += shown[k]; col += widths[k] }
            line.add(selected, cursorRole)
            line.add("_", role)
            return line
        }
        var before = ""
        for k in start..<cursor { before += shown[k]; col += widths[k] }
        line.add(before, role)
        line.add(cursor < shown.count ? shown[cursor] : "_", cursorRole)
        col += cursorWidth
        var after = ""
        var k = cursor + 1
        while k < shown.count, col + widths[k] <= room { after += shown[k]; col += widths[k]; k += 1 }
        line.add(after, role)
        return line
    }
}
