import AcumenCore
/// Triage rules, kept as data in `settings.json` under `"triage"` (an extension member the
/// core settings codec preserves verbatim).
///
/// ```json
/// "triage": { "staleScoreTolerance": 5 }
/// ```
public struct TriageSettings: Hashable, Sendable {
    /// A review goes stale when the composite score moved more than this many points (0–100
    /// scale) since it was recorded. The tier or the recommendation changing makes it stale
    /// regardless.
    public var staleScoreTolerance = 5.0

    /// Default rules.
    public init() {}

    /// The settings' `"triage"` member, or defaults for whatever it leaves out or gets wrong.
    public init(_ settings: Settings) {
        guard let o = settings.extra[Self.key]?.objectValue else { return }
        if let t = o["staleScoreTolerance"]?.doubleValue, t.isFinite, t >= 0 { staleScoreTolerance = t }
    }

    /// The member name in `settings.json`.
    public static let key = "triage"

    /// Writes these rules into settings (as the `"triage"` member).
    public func store(in settings: inout Settings) {
        var o = settings.extra[Self.key]?.objectValue ?? [:]
        o["staleScoreTolerance"] = .double(staleScoreTolerance)
        settings.extra[Self.key] = .object(o)
    }
}
