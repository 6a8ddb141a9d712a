import AcumenCore
import AcumenAnalytics
/// Everything read from the input files, validated, before it touches a workspace.
///
/// Customer references in ``transactions`` index ``transactionIDs``; ``WorkspaceMerger``
/// maps them to the workspace's customers.
public struct ImportBatch: Sendable {
    /// How each file was read (shown to the user before importing).
    public var plans: [ImportPlan] = []
    /// Rows of the customers file, in file order.
    var customers: [CustomerReader.Record] = []
    /// Complete customer records from a JSON export (ratings, notes, overrides, history).
    var fullCustomers: [Customer] = []
    /// Settings from a JSON export, used when the import creates the workspace.
    var settings: Settings?
    /// Distinct customer ids of the transactions file, in order of first appearance.
    var transactionIDs: [String] = []
    /// The transactions, customer column indexing ``transactionIDs``.
    var transactions = TransactionTable()

    /// Number of transaction rows read.
    public var transactionCount: Int { transactions.count }
    /// Number of customer rows read.
    public var customerRowCount: Int { customers.count }

    public init() {}
}

/// What an import changed (or, in a dry run, would change).
public struct ImportSummary: Hashable, Sendable {
    /// True when a customers file (or a JSON export) was imported.
    public var hadCustomerRecords = false
    /// Customers added from the customers file.
    public var customersAdded = 0
    /// Existing customers whose name, industry or region the customers file changed.
    public var customersUpdated = 0
    /// Owner, tags or cost to serve that differ in the file but were kept, since they may be edits made in Acumen.
    public var valuesKept = 0
    /// Customers created because transactions named an unknown id (named after the id).
    public var customersCreatedFromTransactions = 0
    /// A few of those ids, for the message.
    public var createdExamples: [String] = []
    public var transactionsAdded = 0
    /// Rows equal (customer, date, amount, quantity) to a transaction already in the workspace.
    public var duplicatesSkipped = 0
    /// Date range of the added transactions.
    public var firstDay: Day?
    public var lastDay: Day?
    /// Totals after the import.
    public var totalCustomers = 0
    public var totalTransactions = 0

    public init() {}

    /// The summary as lines of text.
    public var lines: [String] {
        let g = Grouping.grouped(_:) as (Int) -> String
        var out: [String] = []
        if hadCustomerRecords {
            out.append("customers: \(g(customersAdded)) added from the customers file, \(g(customersUpdated)) updated"
                       + (valuesKept > 0 ? ", \(g(valuesKept)) differing owner/tags/cost-to-serve values kept (may be edits made in Acumen)" : ""))
        }
        if customersCreatedFromTransactions > 0 {
            let more = customersCreatedFromTransactions > createdExamples.count ? ", …" : ""
            out.append("customers: \(g(customersCreatedFromTransactions)) created from transaction ids not in the workspace (name = id: \(createdExamples.joined(separator: ", "))\(more))")
        }
        var tx = "transactions: \(g(transactionsAdded)) added, \(g(duplicatesSkipped)) duplicates skipped"
        if let firstDay, let lastDay { tx += ", dated \(firstDay.iso) to \(lastDay.iso)" }
        out.append(tx)
        out.append("workspace: \(g(totalCustomers)) customers, \(g(totalTransactions)) transactions")
        return out
    }
}
