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
            print(KeyMap.markdown(), terminator: "")
            return
        }
        var last: KeyContext?
        for b in KeyMap.table {
            if b.context != last { print((last == nil ? "" : "\n") + b.context.title); last = b.context }
            print("  " + TextLayout.fit(b.keyNames, width: 18) + b.summary)
        }
    }
}
