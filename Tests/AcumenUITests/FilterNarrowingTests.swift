import Testing
@testable import AcumenUI

/// Typing a filter narrows the previous result instead of rescanning every row; the result must
/// be exactly what the full filter gives, whatever is typed or deleted.
@Suite struct FilterNarrowingTests {
    @Test func narrowingIsOnlyClaimedForPlainTextTermsThatGrow() {
        #expect(AccountFilter("ab").narrows(AccountFilter("a")))
        #expect(AccountFilter("a b").narrows(AccountFilter("a")))
        #expect(AccountFilter("xab").narrows(AccountFilter("ab")))
        #expect(!AccountFilter("a").narrows(AccountFilter("ab")))
        #expect(!AccountFilter("!ab").narrows(AccountFilter("!a")))
        #expect(!AccountFilter("tier:key").narrows(AccountFilter("tier:k")))
        #expect(!AccountFilter("b").narrows(AccountFilter("a")))
        #expect(!AccountFilter("ab").narrows(AccountFilter("")))
    }

    @Test func typedFilterEqualsTheFilterAppliedAtOnce() {
        for query in ["株", "a", "al ze", "zeta x", "tier:key", "!a", "mixed"] {
            var typed = Fixtures.state()
            _ = typed.update(.key(.char("f")))
            for ch in query { _ = typed.update(.key(.char(ch))) }
            // Delete and retype the last letter: widening must rescan.
            _ = typed.update(.key(.backspace))
            if let last = query.last { _ = typed.update(.key(.char(last))) }
            let expected = AccountFilter(query).apply(typed.accounts.order, typed.table)
            #expect(typed.accounts.view == expected, "\(query)")
        }
    }
}
