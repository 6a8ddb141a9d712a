/// The notice the workbench opens with: what the terminal printed before the full screen
/// started is gone once it starts, so the facts a user must not miss are said again inside —
/// which folder the demo lives in, and that unsaved edits came back from the journal.
public struct OpeningNotice: Hashable, Sendable {
    /// The demo workspace's folder, when the demo was opened (no folder given, none here).
    public var demoFolder: String?
    /// Unsaved changes per file replayed from the journal on open (``WorkspaceStore/pendingEdits``).
    public var recovered: [String: Int] = [:]
    /// Other notices (read-only, theme problems), in order.
    public var others: [String] = []
    /// The user's home folder, shown as `~` in the demo's path so the path fits an 80-column
    /// status line.
    public var home: String?

    public init(demoFolder: String? = nil, recovered: [String: Int] = [:], others: [String] = [], home: String? = nil) {
        self.demoFolder = demoFolder; self.recovered = recovered; self.others = others; self.home = home
    }

    /// `Recovered journal edits (customers.jsonl 3, settings.json 1): Ctrl-S saves them, u undoes`
    /// (short enough for an 80-column status line with one file).
    public var recoveredText: String? {
        let files = recovered.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        guard !files.isEmpty else { return nil }
        let list = files.map { "\($0.key) \(Format.grouped(Int64($0.value)))" }.joined(separator: ", ")
        return "Recovered journal edits (\(list)): Ctrl-S saves them, u undoes"
    }

    /// `Demo workspace in ~/.local/share/acumen/demo (edits are kept)`: short enough for an
    /// 80-column status line (`acumen demo DIR` for a fresh one is in the README).
    public var demoText: String? {
        demoFolder.map { "Demo workspace in \(TextSanitizer.sanitize(Self.abbreviated($0, home: home))) (edits are kept)" }
    }

    /// `path` with a leading `home` folder written `~`.
    static func abbreviated(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, home != "/" else { return path }
        let base = home.hasSuffix("/") ? String(home.dropLast()) : home
        if path == base { return "~" }
        return path.hasPrefix(base + "/") ? "~" + path.dropFirst(base.count) : path
    }

    /// Everything to say, one message each (the status line queues them, so each is read whole).
    public var messages: [String] { [recoveredText, demoText].compactMap { $0 } + others }

    /// Everything to say, joined; nil when there is nothing.
    public var text: String? { messages.isEmpty ? nil : messages.joined(separator: " · ") }
}
