/// Everything a workspace holds, in memory: settings, customers and transactions.
///
/// A value type: the UI keeps snapshots for undo and what-if cheaply (arrays are copy-on-write;
/// the customers are in copy-on-write chunks, so an edit after a snapshot copies one chunk).
/// ``WorkspaceStore`` loads and saves it; ``apply(_:)`` is the only way edits change it.
public struct Workspace: Hashable, Sendable {
    public var settings: Settings
    /// Customers in file order.
    public var customers: CustomerList
    /// Transactions, referring to customers by index.
    public var transactions: TransactionTable
    /// Unknown top-level header fields of the customers and transactions files.
    public var customersHeaderExtra: [String: JSONValue] = [:]
    public var transactionsHeaderExtra: [String: JSONValue] = [:]
    /// Position of each customer id in ``customers``.
    public private(set) var index: CustomerIndex

    /// Creates a workspace; customer ids must be unique (later duplicates are ignored by the index).
    public init(settings: Settings = Settings(), customers: [Customer] = [], transactions: TransactionTable = TransactionTable()) {
        self.init(settings: settings, customers: CustomerList(customers), transactions: transactions)
    }

    /// Creates a workspace from a customer list; customer ids must be unique (as above).
    public init(settings: Settings = Settings(), customers: CustomerList, transactions: TransactionTable = TransactionTable()) {
        self.settings = settings
        self.customers = customers
        self.transactions = transactions
        index = CustomerIndex.build(customers.map(\.id)).index
    }

    /// Creates a workspace from customers and their prebuilt id → position index.
    package init(settings: Settings, customers: CustomerList, index: CustomerIndex, transactions: TransactionTable) {
        self.settings = settings
        self.customers = customers
        self.transactions = transactions
        self.index = index
    }

    /// The customer with an id.
    public func customer(id: String) -> Customer? { index[id].map { customers[$0] } }

    /// Appends a new customer (the id must not exist yet) and returns its index.
    @discardableResult
    public mutating func addCustomer(_ c: Customer) -> Int {
        if let k = index[c.id] { return k }
        customers.append(c)
        index.append(c.id)
        return customers.count - 1
    }

    /// The latest transaction day, if any.
    public var lastTransactionDay: Day? { transactions.day.max().map(Day.init(ordinal:)) }

    /// The analysis date: the settings' `asOf`, else `fallback`.
    public func asOf(fallback: Day) -> Day { settings.asOf ?? fallback }
}
