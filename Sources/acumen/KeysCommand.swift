import Foundation
import AcumenUI
import ArgumentParser

/// `acumen keys [--markdown] [--defaults]`: prints the key map in effect — the built-in one
/// (the source of docs/keys.md and of the help overlay), remapped by
/// `$XDG_CONFIG_HOME/acumen/keys.json` when that file exists and is sound.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Print the key bindings.",
        discussion: "Remap keys in $XDG_CONFIG_HOME/acumen/keys.json (else ~/.config/acumen/keys.json): "
            + "{\"decide-grow\": \"w\", \"quit\": [\"Q\", \"Ctrl-Q\"]}; a file that breaks a rule is ignored with a message."
    )

    @Flag(help: "Print docs/keys.md (Markdown) instead of a plain table.")
    var markdown = false

    @Flag(help: "Ignore keys.json: print the built-in key map.")
    var defaults = false

    func run() {
        var bindings = KeyBindings.defaults
        if !defaults {
            let env = ProcessInfo.processInfo.environment
            let (loaded, problem) = KeyRemap.load(environment: env, read: readThemeFile)
            if let problem { printError("acumen: " + problem) }
            bindings = loaded
            if bindings != .defaults, let path = KeyRemap.path(environment: env) { printError("Keys remapped by \(path).") }
        }
        if markdown {
            writeStandardOutput(bindings.markdown(), sanitize: true)
            return
        }
        var last: KeyContext?
        for b in bindings.table {
            if b.context != last { printLine((last == nil ? "" : "\n") + b.context.title); last = b.context }
            printLine("  " + TextLayout.fit(b.keyNames, width: 18) + b.summary)
        }
    }
}
