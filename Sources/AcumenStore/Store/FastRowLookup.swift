import AcumenCore
import AcumenAnalytics

/// Appends transactions read by ``FastRow`` to a ``TransactionTable``, resolving each row's
/// customer id through the workspace's index — remembering the last id, since a file usually
/// lists one customer's transactions together. Shared by the one-core and the parallel parse,
/// so both accept exactly the same rows.
struct FastRowLookup {
    private var lastID: [UInt8] = []
    private var lastIndex: Int32 = -1

    /// Appends `fast` to `table` when its customer is known and its day and amount are valid
    /// (amount ≥ 0); returns false otherwise, and the caller takes the strict path.
    mutating func append(_ fast: FastRow, to table: inout TransactionTable, index: CustomerIndex) -> Bool {
        let idx: Int32
        if fast.id.count == lastID.count, fast.id.elementsEqual(lastID) {
            idx = lastIndex
        } else if let k = index[String(decoding: fast.id, as: UTF8.self)] {
            idx = Int32(k); lastID = Array(fast.id); lastIndex = idx
        } else {
            idx = -1
        }
        guard idx >= 0, let day = fast.day, let amount = fast.amount, amount >= 0 else { return false }
        table.customer.append(idx); table.day.append(day.ordinal); table.amount.append(amount)
        table.margin.append(fast.margin ?? TransactionTable.unknownMargin)
        table.quantity.append(fast.quantity); table.givenAsCost.append(false)
        return true
    }
}
