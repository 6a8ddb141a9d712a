extension AppState {
    /// Commands on the profile screen: scrolling, and h/l for the previous/next account of
    /// the accounts list.
    mutating func runProfile(_ c: Command) -> [Effect] {
        let page = max(1, bodyHeight - 1)
        switch c {
        case .moveDown: profileTop += 1
        case .moveUp: profileTop -= 1
        case .pageDown: profileTop += page
        case .pageUp: profileTop -= page
        case .halfPageDown: profileTop += page / 2
        case .halfPageUp: profileTop -= page / 2
        case .top: profileTop = 0
        case .bottom: profileTop = Int.max / 2
        case .columnLeft, .columnRight:
            // The list under the profile is the Accounts screen's: the root moves it.
            return [.intent(.selectNeighbour(c == .columnRight ? 1 : -1))]
        default: return []
        }
        profileTop = max(0, profileTop)
        return []
    }
}
