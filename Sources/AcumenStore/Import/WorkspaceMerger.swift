import AcumenCore
import AcumenAnalytics
/// Merges an ``ImportBatch`` into a workspace without losing anything already there.
///
/// Rules (documented in docs/import-export.md):
/// - Customers are matched by id. A new id adds a customer. For an existing customer, a
///   non-empty name, industry or region from the file replaces the stored one; owner, tags and
///   cost to serve (which can be edited in Acumen) only fill empty values — a differing value
///   is kept and counted. Ratings, notes, overrides, reviews and history are never touched.
/// - Transactions naming an unknown id create a customer whose name is the id.
/// - Transactions are appended. A row equal in (customer, date, amount, quantity) to one
///   already stored is a duplicate and skipped, counting multiplicity: a file holding a row
///   three times against a workspace holding it once adds two. Re-importing the same file is
///   therefore a no-op.
public enum WorkspaceMerger {
    /// Identity of a transaction for duplicate detection.
    struct RowKey: Hashable {
        var customer: Int32
        var day: Int32
        var amount: Int64
        var quantity: Int32
    }

    /// The merged workspace and what changed.
    /// - Complexity: O(rows added + rows stored for customers the batch touches).
    public static func merge(_ batch: ImportBatch, into original: Workspace) -> (Workspace, ImportSummary) {
        if original.customers.isEmpty, original.transactions.count == 0, batch.customers.isEmpty, batch.fullCustomers.isEmpty {
            return intoEmpty(batch, settings: original.settings)
        }
        var w = original
        var s = ImportSummary()
        s.hadCustomerRecords = !batch.customers.isEmpty || !batch.fullCustomers.isEmpty
        let originalCount = original.customers.count
        for rec in batch.customers {
            if let k = w.index[rec.id] {
                var c = w.customers[k]
                let before = c
                if let v = rec.name { c.name = v }
                if let v = rec.industry { c.industry = v }
                if let v = rec.region { c.region = v }
                if let v = rec.owner, v != c.owner { if c.owner.isEmpty { c.owner = v } else { s.valuesKept += 1 } }
                if let v = rec.tags, v != c.tags { if c.tags.isEmpty { c.tags = v } else { s.valuesKept += 1 } }
                if let v = rec.costToServe, v != c.costToServe { if c.costToServe == .zero { c.costToServe = v } else { s.valuesKept += 1 } }
                // Ratings from a file fill unknown criteria only; a rating set in Acumen is kept.
                for (criterion, v) in rec.ratings where c.ratings[criterion] != v {
                    if c.ratings[criterion] == nil { c.ratings[criterion] = v } else { s.valuesKept += 1 }
                }
                if c != before { w.customers[k] = c; s.customersUpdated += 1 }
            } else {
                var c = Customer(id: rec.id, name: rec.name ?? rec.id)
                c.industry = rec.industry ?? ""; c.region = rec.region ?? ""; c.owner = rec.owner ?? ""
                c.tags = rec.tags ?? []; c.costToServe = rec.costToServe ?? .zero
                c.ratings = rec.ratings
                w.addCustomer(c)
                s.customersAdded += 1
            }
        }
        for full in batch.fullCustomers {
            guard let k = w.index[full.id] else {
                w.addCustomer(full)
                s.customersAdded += 1
                continue
            }
            // An existing customer keeps its own ratings, notes, overrides and history.
            var c = w.customers[k]
            let before = c
            c.name = full.name
            if !full.industry.isEmpty { c.industry = full.industry }
            if !full.region.isEmpty { c.region = full.region }
            if !full.owner.isEmpty, full.owner != c.owner { if c.owner.isEmpty { c.owner = full.owner } else { s.valuesKept += 1 } }
            if !full.tags.isEmpty, full.tags != c.tags { if c.tags.isEmpty { c.tags = full.tags } else { s.valuesKept += 1 } }
            if full.costToServe != .zero, full.costToServe != c.costToServe {
                if c.costToServe == .zero { c.costToServe = full.costToServe } else { s.valuesKept += 1 }
            }
            if c != before { w.customers[k] = c; s.customersUpdated += 1 }
        }
        // Map the batch's customer ids to workspace indices, creating unknown customers.
        var map = [Int32](repeating: 0, count: batch.transactionIDs.count)
        var touched = [Bool](repeating: false, count: originalCount)
        var anyTouched = false
        for (k, id) in batch.transactionIDs.enumerated() {
            if let i = w.index[id] {
                map[k] = Int32(i)
                if i < originalCount { touched[i] = true; anyTouched = true }
            } else {
                map[k] = Int32(w.addCustomer(Customer(id: id, name: id)))
                s.customersCreatedFromTransactions += 1
                if s.createdExamples.count < 5 { s.createdExamples.append(id) }
            }
        }
        // Existing rows of touched customers, counted, to skip duplicates.
        var existing: [RowKey: Int32] = [:]
        if anyTouched {
            let t = original.transactions
            for r in 0..<t.count where touched[Int(t.customer[r])] {
                existing[RowKey(customer: t.customer[r], day: t.day[r], amount: t.amount[r], quantity: t.quantity[r]), default: 0] += 1
            }
        }
        let b = batch.transactions
        w.transactions.reserve(w.transactions.count + b.count)
        var first = Int32.max, last = Int32.min
        for r in 0..<b.count {
            let c = map[Int(b.customer[r])]
            if anyTouched, Int(c) < originalCount, touched[Int(c)] {
                let key = RowKey(customer: c, day: b.day[r], amount: b.amount[r], quantity: b.quantity[r])
                if let n = existing[key], n > 0 {
                    existing[key] = n - 1
                    s.duplicatesSkipped += 1
                    continue
                }
            }
            let d = b.day[r]
            first = min(first, d); last = max(last, d)
            w.transactions.customer.append(c); w.transactions.day.append(d); w.transactions.amount.append(b.amount[r])
            w.transactions.margin.append(b.margin[r]); w.transactions.quantity.append(b.quantity[r])
            w.transactions.givenAsCost.append(b.givenAsCost[r])
            s.transactionsAdded += 1
        }
        if s.transactionsAdded > 0 { s.firstDay = Day(ordinal: first); s.lastDay = Day(ordinal: last) }
        s.totalCustomers = w.customers.count
        s.totalTransactions = w.transactions.count
        return (w, s)
    }

    /// The common first import: every id is new, so the table is taken as it is and the
    /// customer index is built once.
    static func intoEmpty(_ batch: ImportBatch, settings: Settings) -> (Workspace, ImportSummary) {
        var s = ImportSummary()
        let customers = batch.transactionIDs.map { Customer(id: $0, name: $0) }
        let index = CustomerIndex.build(batch.transactionIDs).index
        let w = Workspace(settings: settings, customers: CustomerList(customers), index: index, transactions: batch.transactions)
        s.customersCreatedFromTransactions = customers.count
        s.createdExamples = Array(batch.transactionIDs.prefix(5))
        s.transactionsAdded = batch.transactions.count
        if let lo = batch.transactions.day.min(), let hi = batch.transactions.day.max() {
            s.firstDay = Day(ordinal: lo); s.lastDay = Day(ordinal: hi)
        }
        s.totalCustomers = w.customers.count
        s.totalTransactions = w.transactions.count
        return (w, s)
    }
}
