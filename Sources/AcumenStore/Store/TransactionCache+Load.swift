import AcumenCore
import AcumenAnalytics

/// Reading the transaction cache in place: the file is mapped, every count and offset checked,
/// every row checked on all cores (a customer that exists, a flag that is 0 or 1, the money
/// bounds), and the table's columns are views of the mapping — nothing is copied.
extension TransactionCache {
    /// What a valid cache holds.
    struct Loaded {
        var table: TransactionTable
        /// The source file's content fingerprint recorded with the cache.
        var contentHash: UInt64
        var headerExtra: [String: JSONValue]
    }

    /// Loads the cache if it matches `status` and the ids, and its rows keep the money bounds
    /// (``MoneyBounds``: every amount within 10^15, Σ|amount| and Σ|known margin| within
    /// 10^16) and refer to existing customers; nil otherwise.
    static func load(folder: String, status: FileStatus, customers: CustomerList) -> Loaded? {
        guard let file = MappedFile(path: path(folder)) else { return nil }
        return decode(file, status: status, customers: customers)
    }

    /// The table viewed in `file`; nil when it is not a valid cache for `status` and `customers`.
    static func decode(_ file: MappedFile, status: FileStatus, customers: CustomerList) -> Loaded? {
        var r = CustomerCache.Cursor(raw: file.bytes)
        let limit = file.bytes.count
        guard r.word() == magic, let size = r.word(), let mtime = r.word(), let inode = r.word(), let hash = r.word(),
              let ids = r.word(), let ctime = r.word(),
              Int64(bitPattern: size) == status.size, Int64(bitPattern: mtime) == status.modifiedNanoseconds,
              inode == status.inode, Int64(bitPattern: ctime) == status.changedNanoseconds,
              let headerLength = r.count(limit), let headerBytes = r.bytes(headerLength), let n = r.count(limit / 4),
              let c = r.column(n, Int32.self), let d = r.column(n, Int32.self), let a = r.column(n, Int64.self),
              let m = r.column(n, Int64.self), let q = r.column(n, Int32.self), let g = r.bytes(n),
              let rowExtraLength = r.count(limit), let rowExtra = r.bytes(rowExtraLength), r.at == r.raw.count,
              ids == idsHash(customers),
              rowsAreValid(customer: c, amount: a, margin: m, flags: g, customers: customers.count) else { return nil }
        var t = TransactionTable()
        if n > 0, let flags = g.baseAddress {
            t.customer = Column(viewing: c.baseAddress.unsafelyUnwrapped, count: n, keeper: file)
            t.day = Column(viewing: d.baseAddress.unsafelyUnwrapped, count: n, keeper: file)
            t.amount = Column(viewing: a.baseAddress.unsafelyUnwrapped, count: n, keeper: file)
            t.margin = Column(viewing: m.baseAddress.unsafelyUnwrapped, count: n, keeper: file)
            t.quantity = Column(viewing: q.baseAddress.unsafelyUnwrapped, count: n, keeper: file)
            // Every byte was checked to be 0 or 1: the representation of a `Bool`.
            t.givenAsCost = Column(viewing: flags.bindMemory(to: Bool.self, capacity: n), count: n, keeper: file)
        }
        if rowExtraLength > 0, case .object(let o)? = try? JSONParser.parse(Array(rowExtra)) {
            for (k, v) in o { if let row = Int(k), let e = v.objectValue { t.extra[row] = e } }
        }
        let headerExtra = (try? JSONParser.parse(Array(headerBytes)))?.objectValue ?? [:]
        return Loaded(table: t, contentHash: hash, headerExtra: headerExtra)
    }

    /// True when every row names one of `customers` customers, every flag is 0 or 1, every
    /// amount is within ``Money/limitMinor`` and Σ|amount| and Σ|known margin| are within
    /// ``MoneyBounds/workspaceLimitMinor``; checked in parts on all cores.
    static func rowsAreValid(customer c: UnsafeBufferPointer<Int32>, amount a: UnsafeBufferPointer<Int64>,
                             margin m: UnsafeBufferPointer<Int64>, flags g: UnsafeRawBufferPointer, customers: Int) -> Bool {
        let n = c.count
        let parts = n >= 1 << 18 ? Parallel.cores * 4 : 1
        let sums = Parallel.map(parts) { k -> (amounts: UInt64, margins: UInt64)? in
            let lo = n * k / parts, hi = n * (k + 1) / parts
            guard UnsafeBufferPointer(rebasing: c[lo..<hi]).allBelow(customers),
                  UnsafeRawBufferPointer(rebasing: g[lo..<hi]).allZeroOrOne,
                  let amounts = UnsafeBufferPointer(rebasing: a[lo..<hi]).boundedMagnitudeSum(limit: UInt64(Money.limitMinor)),
                  let margins = UnsafeBufferPointer(rebasing: m[lo..<hi]).boundedMagnitudeSum(skipping: TransactionTable.unknownMargin)
            else { return nil }
            return (amounts, margins)
        }
        let bound = UInt64(MoneyBounds.workspaceLimitMinor)
        var amounts: UInt64 = 0, margins: UInt64 = 0
        for part in sums {
            guard let part else { return false }
            amounts += part.amounts  // each part ≤ 10^18 and the total checked after each: no overflow
            margins += part.margins
            guard amounts <= bound, margins <= bound else { return false }
        }
        return true
    }
}
