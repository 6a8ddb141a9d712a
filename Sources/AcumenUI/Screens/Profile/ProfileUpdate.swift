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
            let step = c == .columnRight ? 1 : -1
            let next = accounts.cursor + step
            guard next >= 0, next < accounts.view.count else { return [] }
            accounts.cursor = next
            accounts.scrollToCursor(rows: accountRows)
            let row = Int(accounts.view[next])
            stack[stack.count - 1] = .profile(row)
            // Going back lands on the account last shown, not the one the profile opened on.
            if !backStack.isEmpty {
                backStack[backStack.count - 1].cursorRow = Int32(row)
                backStack[backStack.count - 1].cursor = next
                backStack[backStack.count - 1].top = accounts.top
            }
            profile = nil
            profileTop = 0
            return [.loadProfile(row)]
        default: return []
        }
        profileTop = max(0, profileTop)
        return []
    }
}
