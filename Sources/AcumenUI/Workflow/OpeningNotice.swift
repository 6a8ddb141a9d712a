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

    public init(demoFolder: String? = nil, recovered: [String: Int] = [:], others: [String] = []) {
        self.demoFolder = demoFolder; self.recovered = recovered; self.others = others
    }

    /// `Recovered unsaved edits from the journal (customers.json 3, settings.json 1): Ctrl-S saves, u undoes`.
    public var recoveredText: String? {
        let files = recovered.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        guard !files.isEmpty else { return nil }
        let list = files.map { "\($0.key) \(Format.grouped(Int64($0.value)))" }.joined(separator: ", ")
        return "Recovered unsaved edits from the journal (\(list)): Ctrl-S saves them, u undoes"
    }

    /// `Demo workspace in /home/ann/.local/share/acumen/demo (edits are kept; acumen demo DIR makes a fresh one)`.
    public var demoText: String? {
        demoFolder.map { "Demo workspace in \(TextSanitizer.sanitize($0)) (edits are kept; acumen demo DIR makes a fresh one)" }
    }

    /// Everything to say, joined; nil when there is nothing.
    public var text: String? {
        let parts = [recoveredText, demoText].compactMap { $0 } + others
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
