/// The help overlay's order: the keys of the screen in use first, then moving, then the keys
/// that work everywhere, then the other screens' — so `?` on Triage opens on the triage keys,
/// not 40 lines below "Everywhere".
extension KeyMap {
    /// The bindings matching `filter` (as ``matching(_:)``), grouped by context with `context`'s first.
    public static func helpRows(_ filter: String, context: KeyContext) -> [KeyBinding] {
        let rows = matching(filter)
        let order = [context, .list, .global] + KeyContext.allCases.filter { ![context, .list, .global].contains($0) }
        return order.flatMap { c in rows.filter { $0.context == c } }
    }
}
