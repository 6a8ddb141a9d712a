/// The key-map rows of the overlays — help, the command palette, every prompt's line editor,
/// the column chooser, the questions, the save review, the save conflict and its diff. Appended
/// to ``KeyMap/table``.
///
/// An open overlay takes every key: only its own context is looked up (``KeyContext/lookup``).
/// Where typing is text (help's filter, the palette, prompts) no printable key is bound
/// (``KeyCollisions``); a question takes any key it does not bind as "no".
enum OverlayKeys {
    static let bindings: [KeyBinding] = [
        // Help: type to filter.
        KeyBinding([.escape, .enter, .function(1)], .close, .help, "Close the help (? too, while the filter is empty)", hint: "close"),
        KeyBinding([.down, .ctrl("n")], .selectNext, .help, "Scroll down"),
        KeyBinding([.up, .ctrl("p")], .selectPrevious, .help, "Scroll up"),
        KeyBinding([.pageDown], .pageDown, .help, "Scroll a page down"),
        KeyBinding([.pageUp], .pageUp, .help, "Scroll a page up"),
        KeyBinding([.backspace], .deleteBackward, .help, "Delete the last character of the filter"),
        // Command palette: type a command's name.
        KeyBinding([.enter], .confirm, .palette, "Run the selected command", hint: "run"),
        KeyBinding([.escape], .close, .palette, "Close the palette", hint: "close"),
        KeyBinding([.down, .ctrl("n"), .tab], .selectNext, .palette, "Select the next command"),
        KeyBinding([.up, .ctrl("p"), .backTab], .selectPrevious, .palette, "Select the previous command"),
        KeyBinding([.backspace], .deleteBackward, .palette, "Delete the last character typed"),
        // Every prompt (filter, search, export file, owner, note, reason, weight, date, …).
        KeyBinding([.enter], .confirm, .prompt, "Apply the text (a filter that does not parse stays open)", hint: "apply"),
        KeyBinding([.escape], .close, .prompt, "Cancel: a live filter or search goes back to how it was", hint: "cancel"),
        KeyBinding([.left], .cursorLeft, .prompt, "Cursor one character left"),
        KeyBinding([.right], .cursorRight, .prompt, "Cursor one character right"),
        KeyBinding([.home, .ctrl("a")], .lineStart, .prompt, "Cursor to the start"),
        KeyBinding([.end, .ctrl("e")], .lineEnd, .prompt, "Cursor to the end"),
        KeyBinding([.backspace], .deleteBackward, .prompt, "Delete before the cursor (a selected pre-fill: all of it)"),
        KeyBinding([.delete, .ctrl("d")], .deleteForward, .prompt, "Delete under the cursor"),
        KeyBinding([.ctrl("u")], .deleteToStart, .prompt, "Delete to the start"),
        KeyBinding([.ctrl("k")], .deleteToEnd, .prompt, "Delete to the end"),
        KeyBinding([.ctrl("w")], .deleteWord, .prompt, "Delete the word before the cursor"),
        KeyBinding([.up], .historyPrevious, .prompt, "Older entry of this prompt's history"),
        KeyBinding([.down], .historyNext, .prompt, "Newer entry of this prompt's history (then the text typed)"),
        // Column chooser.
        KeyBinding([.escape, .enter, .char("q"), .char("C")], .close, .columns, "Close the column chooser", hint: "close"),
        KeyBinding([.char("j"), .down], .moveDown, .columns, "Next column"),
        KeyBinding([.char("k"), .up], .moveUp, .columns, "Previous column"),
        KeyBinding([.char(" ")], .toggleColumn, .columns, "Show or hide the column", hint: "show/hide"),
        KeyBinding([.char("<")], .moveColumnLeft, .columns, "Move the column left"),
        KeyBinding([.char(">")], .moveColumnRight, .columns, "Move the column right"),
        // Questions asked once before a hard-to-undo action.
        KeyBinding([.char("y"), .char("Y"), .enter], .confirm, .confirm, "Yes: go ahead", hint: "yes"),
        KeyBinding([.escape, .char("n")], .close, .confirm, "No: nothing changes (any other key too)", hint: "no"),
        KeyBinding([.char("y"), .char("Y")], .confirm, .confirmQuit, "Quit without saving", hint: "quit"),
        KeyBinding([.escape, .char("n")], .close, .confirmQuit, "Stay (any other key too)", hint: "stay"),
        // Review before save.
        KeyBinding([.enter, .char("y"), .ctrl("s")], .confirm, .saveReview, "Save the edits listed", hint: "save"),
        KeyBinding([.escape], .close, .saveReview, "Keep editing: nothing is written (any other key too)", hint: "keep editing"),
        // Files changed on disk since they were loaded.
        KeyBinding([.char("k")], .keepMine, .conflict, "Keep mine: overwrite their changes", hint: "keep mine"),
        KeyBinding([.char("t")], .takeTheirs, .conflict, "Take theirs: drop my unsaved edits to these files", hint: "take theirs"),
        KeyBinding([.char("d")], .showDiff, .conflict, "Show the differences", hint: "diff"),
        KeyBinding([.escape, .char("q")], .close, .conflict, "Cancel: nothing is written, the edits stay in the journal", hint: "cancel"),
        // The diff of a conflict.
        KeyBinding([.escape, .char("q"), .enter], .close, .diff, "Back to the conflict question", hint: "back"),
        KeyBinding([.char("j"), .down], .moveDown, .diff, "Scroll down"),
        KeyBinding([.char("k"), .up], .moveUp, .diff, "Scroll up"),
        KeyBinding([.pageDown, .char(" ")], .pageDown, .diff, "Scroll a page down"),
        KeyBinding([.pageUp], .pageUp, .diff, "Scroll a page up"),
    ]
}
