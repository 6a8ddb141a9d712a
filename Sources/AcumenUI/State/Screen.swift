/// A screen on the navigation stack.
public enum Screen: Hashable, Sendable {
    case accounts
    case portfolio
    /// One customer's profile, by row index in the ``AccountTable``.
    case profile(Int)

    /// The key-map context of the screen.
    public var context: KeyContext {
        switch self {
        case .accounts: .accounts
        case .portfolio: .portfolio
        case .profile: .profile
        }
    }

    /// Whether the screen is a top-level one (reached with 1–4).
    public var isTopLevel: Bool {
        switch self {
        case .accounts, .portfolio: true
        case .profile: false
        }
    }
}
