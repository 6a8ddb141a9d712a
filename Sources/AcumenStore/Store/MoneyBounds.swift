import AcumenCore

/// The documented bounds on money that keep every total exact in 64-bit integers.
///
/// One amount is at most 10^15 currency units (``Money/limitMinor``, 10^17 minor units). Per
/// workspace, the magnitudes of each kind of money add up to at most 10^16 units
/// (``workspaceLimitMinor``, 10^18 minor units): Σ|amount| over the transactions, Σ|margin|
/// over the transactions with a known margin, and Σ|cost to serve| over the customers.
/// Every figure the analytics add up is then below 3 × 10^18 minor units — revenue (≤ 10^18),
/// margin (known margins plus `defaultMarginRate` ≤ 1 × amount, ≤ 2 × 10^18), contribution
/// (margin − cost to serve, ≤ 3 × 10^18), per customer, tier or workspace — well inside
/// `Int64.max` ≈ 9.22 × 10^18, so no sum can wrap. Files beyond the bound are refused with the
/// line where the running total crosses it (docs/format.md, docs/reliability.md).
public enum MoneyBounds {
    /// Largest Σ|amount| (and Σ|margin|, Σ|cost to serve|) per workspace, in minor units: 10^16 units.
    public static let workspaceLimitMinor: Int64 = 1_000_000_000_000_000_000

    /// The message for a total beyond the bound.
    static func beyond(_ what: String) -> String {
        "the workspace's \(what) add up to more than 10^16 (the bound per workspace that keeps every total exact); split the data into several workspaces"
    }

    /// A running sum of magnitudes that reports the first time it crosses the bound.
    struct Total {
        private(set) var minor: Int64 = 0
        private(set) var crossed = false
        /// Rows counted so far, for callers that add as a table grows.
        var rows = 0

        /// Adds |value|; true exactly once, when the total first goes beyond the bound.
        @inline(__always)
        mutating func add(_ value: Int64) -> Bool {
            guard !crossed else { return false }
            let (sum, overflow) = UInt64(minor).addingReportingOverflow(value.magnitude)
            if overflow || sum > UInt64(workspaceLimitMinor) { crossed = true; return true }
            minor = Int64(sum)
            return false
        }
    }

    /// Problems with a workspace's totals (empty when within the bounds); used before a save
    /// (an import adds to what the workspace holds) and on the binary cache's table.
    /// - Complexity: O(rows + customers).
    public static func check(_ t: TransactionTable, customers: CustomerList) -> [WorkspaceProblem] {
        var out: [WorkspaceProblem] = []
        var amounts = Total(), margins = Total(), costs = Total()
        for r in 0..<t.count {
            if t.amount[r].magnitude > UInt64(Money.limitMinor) || amounts.add(t.amount[r]) {
                out.append(WorkspaceProblem(file: WorkspaceFiles.transactions, line: 0, field: "amount", message: beyond("transaction amounts"))); break
            }
        }
        for m in t.margin where m != TransactionTable.unknownMargin {
            if margins.add(m) {
                out.append(WorkspaceProblem(file: WorkspaceFiles.transactions, line: 0, field: "margin", message: beyond("margins"))); break
            }
        }
        var costsBeyond = false
        for j in 0..<customers.chunkCount where !costsBeyond {
            customers.chunk(j).withUnsafeBufferPointer { cs in  // reads one field of each customer, copies none
                for k in cs.indices where costs.add(cs[k].costToServe.minor) { costsBeyond = true; break }
            }
        }
        if costsBeyond {
            out.append(WorkspaceProblem(file: WorkspaceFiles.customers, line: 0, field: "costToServe", message: beyond("costs to serve")))
        }
        return out
    }

    /// True when `edit` (or an edit of its batch) sets a cost to serve: the only edits that can
    /// move Σ|cost to serve|, so only they need ``check(_:customers:)`` of the customers again.
    static func setsCostToServe(_ edit: Edit) -> Bool {
        switch edit {
        case .setCostToServe: true
        case .batch(let edits): edits.contains(where: setsCostToServe)
        default: false
        }
    }

    /// Why an edit would take Σ|cost to serve| beyond the bound, or nil (edits of other kinds: nil).
    /// - Complexity: O(customers) for a cost-to-serve edit, O(1) otherwise.
    static func costProblem(of edit: Edit, in w: Workspace) -> WorkspaceProblem? {
        var changed: [String: Money] = [:]
        func collect(_ e: Edit) {
            switch e {
            case .setCostToServe(let id, let amount): changed[id] = amount
            case .batch(let edits): edits.forEach(collect)
            default: break
            }
        }
        collect(edit)
        guard !changed.isEmpty else { return nil }
        var t = Total()
        for c in w.customers where t.add((changed[c.id] ?? c.costToServe).minor) {
            return WorkspaceProblem(file: WorkspaceFiles.customers, line: 0, field: "costToServe", message: beyond("costs to serve") + "; the edit was not recorded")
        }
        return nil
    }
}
