import AcumenCore
import AcumenAnalytics
/// The formats `acumen export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json, markdown
}

/// What an export is of: the analysis date, scenario and filter, recorded in every format.
public struct ExportContext: Hashable, Sendable {
    public var asOf: Day
    /// The weight scenario used, nil for the workspace's default weights.
    public var scenario: String?
    public var filter: AccountFilter
    public var currency: String
    /// Tier names best first, for the Markdown tables.
    public var tierOrder: [String]

    public init(asOf: Day, scenario: String? = nil, filter: AccountFilter = .all, currency: String = "EUR", tierOrder: [String] = []) {
        self.asOf = asOf; self.scenario = scenario; self.filter = filter; self.currency = currency; self.tierOrder = tierOrder
    }
}

/// Writes exported accounts as CSV or JSON (Markdown: ``PortfolioSummary``).
public enum AccountExporter {
    /// The bytes of an export in any format.
    public static func render(_ format: ExportFormat, _ accounts: [ExportedAccount], workspace: Workspace, context: ExportContext) -> [UInt8] {
        switch format {
        case .csv: csv(accounts)
        case .json: json(accounts, workspace: workspace, context: context)
        case .markdown: Array(PortfolioNote.markdown(accounts, context: context).utf8)
        }
    }

    /// The CSV columns, in order.
    public static let csvColumns = ["id", "name", "tier", "score", "segment", "abc", "strategy", "recommendation", "override", "reason",
                                    "owner", "notes", "revenue", "contribution", "clv"]

    /// Accounts best first: by score (unknown last), then workspace order.
    public static func ranked(_ accounts: [ExportedAccount]) -> [ExportedAccount] {
        accounts.sorted { a, b in
            switch (a.figures.score, b.figures.score) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.index < b.index
            }
        }
    }

    /// One row per account, best first, guarded against formula injection.
    public static func csv(_ accounts: [ExportedAccount]) -> [UInt8] {
        var w = CSVWriter()
        w.row(csvColumns)
        for a in ranked(accounts) { w.row(csvCells(a)) }
        return w.bytes
    }

    /// The CSV cells of one account, in ``csvColumns`` order.
    static func csvCells(_ a: ExportedAccount) -> [CSVWriter.Cell] {
        let money: (Money?) -> CSVWriter.Cell = { .number($0?.decimalText ?? "") }
        return [.text(a.customer.id), .text(a.customer.name), .text(a.tier ?? ""), .number(a.figures.score.map(formatScore) ?? ""),
                .text(a.figures.segment ?? ""), .text(a.figures.abc ?? ""), .text(a.strategy?.rawValue ?? ""),
                .text(a.figures.recommendation?.rawValue ?? ""), .text(a.overrideKind), .text(a.reason), .text(a.customer.owner),
                .text(a.customer.notes.map(\.text).joined(separator: " | ")),
                money(a.figures.revenue), money(a.figures.contribution), money(a.figures.clv)]
    }

    /// A score with one decimal.
    static func formatScore(_ s: Double) -> String {
        let tenths = Int64((s * 10).rounded())
        return (tenths < 0 ? "-" : "") + String(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
    }

    /// The JSON export: context, the workspace settings, and per account (in workspace order)
    /// its figures, its full customer record and its transactions — enough for `acumen import`
    /// to rebuild the workspace, so export → import → export gives the same bytes.
    public static func json(_ accounts: [ExportedAccount], workspace: Workspace, context: ExportContext) -> [UInt8] {
        let byCustomer = workspace.transactions.rowsByCustomer(customerCount: workspace.customers.count)
        let list = accounts.sorted(by: { $0.index < $1.index }).map { accountJSON($0, workspace: workspace, byCustomer: byCustomer) }
        var top = jsonMembers(accountCount: list.count, workspace: workspace, context: context)
        top["accounts"] = .array(list)
        var out: [UInt8] = []
        JSONWriter.writePretty(.object(top), into: &out)
        return out
    }

    /// The top-level members of the JSON export except `accounts`.
    static func jsonMembers(accountCount: Int, workspace: Workspace, context: ExportContext) -> [String: JSONValue] {
        [
            "kind": .string(ExportFile.kind), "schemaVersion": .int(1), "asOf": .string(context.asOf.iso),
            "filter": .string(context.filter.source), "currency": .string(context.currency),
            "settings": workspace.settings.json, "accountCount": .int(accountCount),
            "scenario": context.scenario.map(JSONValue.string) ?? .null,
        ]
    }

    /// One account of the JSON export: its figures, customer record and transactions.
    static func accountJSON(_ a: ExportedAccount, workspace: Workspace, byCustomer: (offsets: [Int], rows: [Int32])) -> JSONValue {
        let (offsets, rows) = byCustomer
        let t = workspace.transactions
        var o: [String: JSONValue] = ["id": .string(a.customer.id), "name": .string(a.customer.name), "owner": .string(a.customer.owner)]
        if let v = a.tier { o["tier"] = .string(v) }
        if let v = a.figures.score { o["score"] = .double((v * 10).rounded() / 10) }
        if let v = a.figures.segment { o["segment"] = .string(v) }
        if let v = a.figures.abc { o["abc"] = .string(v) }
        if let v = a.strategy { o["strategy"] = .string(v.rawValue) }
        if let v = a.figures.recommendation { o["recommendation"] = .string(v.rawValue) }
        if !a.overrideKind.isEmpty { o["override"] = .string(a.overrideKind) }
        o["reason"] = .string(a.reason)
        o["belowBreakEven"] = .bool(a.isBelowBreakEven)
        if let v = a.figures.revenue { o["revenue"] = .money(v) }
        if let v = a.figures.margin { o["margin"] = .money(v) }
        if let v = a.figures.contribution { o["contribution"] = .money(v) }
        if let v = a.figures.clv { o["clv"] = .money(v) }
        o["customer"] = a.customer.json
        var txs: [JSONValue] = []
        if a.index < workspace.customers.count {
            for k in offsets[a.index]..<offsets[a.index + 1] {
                let r = Int(rows[k])
                var x: [String: JSONValue] = ["date": .string(Day(ordinal: t.day[r]).iso), "amount": .money(Money(minor: t.amount[r])),
                                              "quantity": .int(Int(t.quantity[r]))]
                if t.margin[r] != TransactionTable.unknownMargin {
                    if t.givenAsCost[r] { x["cost"] = .money(Money(minor: t.amount[r] - t.margin[r])) } else { x["margin"] = .money(Money(minor: t.margin[r])) }
                }
                txs.append(.object(x))
            }
        }
        o["transactions"] = .array(txs)
        return .object(o)
    }
}
