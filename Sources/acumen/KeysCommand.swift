import AcumenUI
import ArgumentParser

/// `acumen keys [--markdown]`: prints the key map (the source of docs/keys.md and of the help
/// overlay).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Print the key bindings.")

    @Flag(help: "Print docs/keys.md (Markdown) instead of a plain table.")
    var markdown = false

    func run() {
        if markdown {
            writeStandardOutput(KeyMap.markdown(), sanitize: true)
            return
        }
        var last: KeyContext?
        for b in KeyMap.table {
            if b.context != last { printLine((last == nil ? "" : "\n") + b.context.title); last = b.context }
            printLine("  " + TextLayout.fit(b.keyNames, width: 18) + b.summary)
        }
    }
}
