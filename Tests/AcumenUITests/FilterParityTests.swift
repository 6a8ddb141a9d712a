import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// One filter language: the same expression keeps the same accounts in `acumen export --filter`
/// (``ExportedAccount/accounts(_:scenario:filter:)`` with the analysis's vocabulary, as
/// `ExportCommand` calls it) and in the workbench's filtered rows (the accounts table).
@Suite struct FilterParityTests {
    static let expressions = [
        "tier:key", "tier=Key and strategy=grow", "strategy:cut-cost", "strategy=cutCost or strategy=\"cut cost\"",
        "score>80", "revenue>1000 and not belowBreakEven", "belowBreakEven", "owner:chen", "owner=\"Chen Wei\"",
        "region:emea or region=\"Greater China\"", "industry~retail", "tag:strategic", "segment=Champions",
        "abc:a r:5", "clv>500", "margin>=100 and costToServe<500", "overridden or hasNotes", "reviewed",
        "not (tier=Tail or tier=Core) and f>=3", "a", "reason~\"break-even\"", "unreviewed and score<30",
    ]

    static func workspace() -> Workspace {
        var w = DemoGenerator(customers: 1_500, seed: 7).generate()
        let t0 = Timestamp(seconds: 1_767_225_600)
        for k in stride(from: 0, to: w.customers.count, by: 37) {
            w.customers[k].notes = [Note(text: "called", author: "ann", at: t0)]
        }
        for k in stride(from: 5, to: w.customers.count, by: 53) {
            w.customers[k].strategyOverride = Override(value: "grow", reason: "plant", author: "ann", at: t0)
        }
        for k in stride(from: 9, to: w.customers.count, by: 41) {
            w.customers[k].review = Review(status: .accepted, strategy: nil, author: "ann", at: t0, score: 50,
                                           recommendation: .grow, tier: "Key")
        }
        return w
    }

    @Test func twentyExpressionsKeepTheSameAccountsInTheExportAndTheWorkbench() throws {
        let w = Self.workspace()
        let view = WorkspaceView.analysing(w, asOf: DemoGenerator().asOf)
        let table = view.accountTable()
        let all = (0..<Int32(table.count)).map { $0 }
        var nonEmpty = 0
        for text in Self.expressions {
            let cli = try AccountFilter.parse(text, vocabulary: .init(view.analysis))
            let exported = ExportedAccount.accounts(view.analysis, filter: cli).map(\.customer.id)
            let rows = try table.parseFilter(text).get().rows(all, in: table).map { table.ids[Int($0)] }
            #expect(exported == rows, "\(text): export \(exported.count), workbench \(rows.count)")
            if !rows.isEmpty && rows.count < table.count { nonEmpty += 1 }
        }
        // The expressions really select: most keep some accounts and drop others.
        #expect(nonEmpty >= 18)
    }

    @Test func anUnknownValueIsTheSameErrorInBoth() throws {
        let view = WorkspaceView.analysing(Self.workspace(), asOf: DemoGenerator().asOf, lifetimeValue: false)
        let table = view.accountTable()
        for text in ["tier=Keyy", "segment:Sleepers", "strategy=growth", "colour=red"] {
            var cliError: AccountFilterError?
            do { _ = try AccountFilter.parse(text, vocabulary: .init(view.analysis)) } catch { cliError = error }
            guard case .failure(let uiError) = table.parseFilter(text) else { Issue.record("\(text) parsed"); continue }
            #expect(cliError == uiError, "\(text)")
        }
    }
}
