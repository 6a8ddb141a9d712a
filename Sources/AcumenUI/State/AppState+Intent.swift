extension AppState {
    /// Applies what a screen asked of the root (``Intent``) to the screens it concerns; returns
    /// the effects that follow (a profile to load).
    mutating func apply(_ intent: Intent) -> [Effect] {
        switch intent {
        case .navigate(.accounts(let filter, let scope)):
            showAccounts(filter: filter, scope: scope)
            return []
        case .navigate(.profile(let row)): return openProfile(row)
        case .selectNeighbour(let step): return selectNeighbour(step)
        case .back: return goBack()
        }
    }

    /// Applies the intents among `effects` in order and returns the other effects, in order.
    mutating func applyingIntents(_ effects: [Effect]) -> [Effect] {
        guard effects.contains(where: \.isIntent) else { return effects }
        var out: [Effect] = []
        for e in effects {
            if case .intent(let i) = e { out += apply(i) } else { out.append(e) }
        }
        return out
    }

    /// A drill-in: the accounts list on top of the current screen, filtered by `filter` or
    /// limited to `scope`, with no filter history (one `Esc` comes back) and the cursor on top.
    mutating func showAccounts(filter: String, scope: AccountScope?) {
        push(.accounts)
        if let scope {
            accounts.show(scope, in: table)
            say("\(Format.count(accounts.view.count, "account")): \(scope.title); Esc comes back")
        } else {
            accounts.filter = filter
            accounts.filterHistory = []
            accounts.filterError = nil
            accounts.rebuild(table, resort: false)
        }
        accounts.cursor = 0
        accounts.top = 0
    }

    /// The profile moves to the previous or next account of the accounts list under it; the
    /// list's cursor follows, so going back lands on the account last shown.
    mutating func selectNeighbour(_ step: Int) -> [Effect] {
        guard case .profile = screen else { return [] }
        let next = accounts.cursor + step
        guard next >= 0, next < accounts.view.count else { return [] }
        accounts.cursor = next
        accounts.scrollToCursor(rows: accountRows)
        let row = Int(accounts.view[next])
        stack[stack.count - 1] = .profile(row)
        if !backStack.isEmpty {
            backStack[backStack.count - 1].cursorRow = Int32(row)
            backStack[backStack.count - 1].cursor = next
            backStack[backStack.count - 1].top = accounts.top
        }
        profile = nil
        profileTop = 0
        return [.loadProfile(row)]
    }
}

extension Effect {
    /// Whether this is an ``Intent`` for the root rather than work for the runtime.
    var isIntent: Bool {
        if case .intent = self { return true }
        return false
    }
}
