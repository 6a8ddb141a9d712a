import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
@testable import AcumenUI

/// A drill-in from the Changes screen made from the later date's customer list lists exactly the
/// accounts a scope of the same ids lists — whether the table was built from that very list
/// (rows used as they are) or from another one (an edited workspace: found by id) — except an
/// id with a control character, which the id lookup misses and the list's own row keeps.
@Suite struct ChangesDrillScopeTests {
    @Test func aScopeFromTheCustomerListEqualsTheScopeByID() {
        let v = LazyTableTests.view()
        let earlier = WorkspaceView.analysing(v.workspace, asOf: v.asOf.adding(months: -3), lifetimeValue: false).analysis
        let c = PortfolioComparison(earlier: earlier, later: v.analysis)
        let table = v.accountTable()
        var edited = v.workspace
        edited.customers[0].owner = "someone else"  // a new customer list: the same ids
        let other = WorkspaceView(workspace: edited, analysis: v.analysis).accountTable()
        #expect(table.isBuilt(from: c.later.customers) && !other.isBuilt(from: c.later.customers))
        var cells = 0
        for row in c.tiers.cells {
            for cell in row where !cell.customers.isEmpty {
                cells += 1
                let members = cell.customers
                for t in [table, other] {
                    var fast = AccountScope(title: "t", rows: members, of: c.later.customers)
                    var byID = AccountScope(title: "t", ids: members.map { c.later.customers[Int($0)].id }, rows: members)
                    fast.resolve(in: t)
                    byID.resolve(in: t)
                    #expect(fast == byID)
                    // By id, an id with a control character is not found (the table's ids are
                    // sanitised); from the same list it is listed at its own row.
                    let expected = zip(byID.rows, members).map { r, m in
                        r < 0 && t.isBuilt(from: c.later.customers) && TextSanitizer.sanitize(c.later.customers[Int(m)].id) != c.later.customers[Int(m)].id ? m : r
                    }
                    #expect(fast.rows == expected)
                    var a = AccountsState()
                    a.show(fast, in: t)
                    #expect(a.view == a.order.filter { expected.contains($0) })
                }
            }
        }
        #expect(cells > 1)
    }
}
