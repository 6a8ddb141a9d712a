/// What a screen asks of the root when a key reaches beyond its own state: a drill-in that
/// shows another screen, the previous or next account of the list a profile was opened from.
///
/// A screen's update changes only its own sub-state; for anything else it returns
/// ``Effect/intent(_:)``, and the root (``AppState/update(_:)``, through
/// ``AppState/apply(_:)``) applies it to the target screen before the effects reach the
/// runtime — so no screen writes another screen's state (a test reads the sources to check).
public enum Intent: Hashable, Sendable {
    /// Show a screen on top of the current one; `Esc` comes back to it as it was.
    case navigate(Destination)
    /// The profile shows the previous (`-1`) or next (`+1`) account of the accounts list under
    /// it; going back lands on the account last shown.
    case selectNeighbour(Int)
    /// Go back where the user came from (the global `back`).
    case back

    /// Where ``navigate(_:)`` goes.
    public enum Destination: Hashable, Sendable {
        /// The accounts list, drilled into: filtered by `filter` (a portfolio cell), or limited to
        /// the accounts of `scope` (by id: a changes or comparison cell, which no filter can name;
        /// sorting and filtering then act inside it). It starts with no filter history and the
        /// cursor on top, so one `Esc` comes back.
        case accounts(filter: String, scope: AccountScope?)
        /// One customer's profile, by row of the ``AccountTable`` (the next account replaces an
        /// open profile).
        case profile(Int)
    }
}
