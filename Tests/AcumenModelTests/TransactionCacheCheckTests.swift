import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The transaction cache is read in parts side by side and each part checked as it arrives:
/// the table read back equals the one written, and rows beyond the money bounds, referring to
/// no customer or holding a flag that is not 0 or 1 make the cache untrusted.
@Suite struct TransactionCacheCheckTests {
    static let status = FileStatus(size: 10, modifiedNanoseconds: 20, inode: 30, isRegular: true, isDirectory: false, isSymlink: false,
                                   changedNanoseconds: 40)
    static let customers = CustomerList((0..<50).map { Customer(id: "c\($0)", name: "n\($0)") })

    /// A table of `rows` rows over ``customers``.
    static func table(_ rows: Int) -> TransactionTable {
        var t = TransactionTable()
        t.reserve(rows)
        for r in 0..<rows {
            t.append(customer: Int32(r % customers.count), day: Day(ordinal: 19_000 + Int32(r % 700)), amount: Money(minor: Int64(r % 9_973) - 50),
                     margin: r % 3 == 0 ? nil : Money(minor: Int64(r % 101)), quantity: Int32(r % 4 + 1), givenAsCost: r % 5 == 0)
        }
        return t
    }

    /// Writes `t` as the cache of a folder and reads it back.
    func roundTrip(_ t: TransactionTable, _ name: String = #function, patch: (inout [UInt8]) -> Void = { _ in }) throws -> TransactionTable? {
        let folder = temporaryFolder(name)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let st = Self.status
        let key = TransactionCache.Key(size: st.size, modifiedNanoseconds: st.modifiedNanoseconds, inode: st.inode, contentHash: 1,
                                       customerIDsHash: TransactionCache.idsHash(Self.customers), changedNanoseconds: st.changedNanoseconds)
        TransactionCache.store(folder: folder, key: key, table: t, headerExtra: ["h": .int(1)], fs: PosixFileSystem())
        let path = TransactionCache.path(folder)
        var bytes = try #require(FileManager.default.contents(atPath: path).map { [UInt8]($0) })
        patch(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return TransactionCache.load(folder: folder, status: st, customers: Self.customers)?.table
    }

    @Test(arguments: [0, 7, 1_200_000])
    func theTableReadBackEqualsTheOneWritten(rows: Int) throws {
        let t = Self.table(rows)
        #expect(try roundTrip(t) == t)
    }

    @Test func anAmountBeyondTheBoundIsNotTrusted() throws {
        var t = Self.table(100)
        t.amount[37] = Money.limitMinor + 1
        #expect(try roundTrip(t) == nil)
        t.amount[37] = -Money.limitMinor
        #expect(try roundTrip(t) != nil)
    }

    @Test func totalsBeyondTheWorkspaceBoundAreNotTrusted() throws {
        var t = Self.table(2_000_000)
        for r in stride(from: 0, to: 30, by: 1) { t.amount[r * 1_000] = Money.limitMinor }  // 30 × 10^17 > 10^18
        #expect(try roundTrip(t) == nil)
        var m = Self.table(100)
        for r in 0..<20 { m.margin[r] = r % 2 == 0 ? Money.limitMinor : -Money.limitMinor }
        #expect(try roundTrip(m) == nil)
        for r in 0..<20 { m.margin[r] = TransactionTable.unknownMargin }
        #expect(try roundTrip(m) == m)
    }

    @Test func aRowForNoCustomerOrAFlagThatIsNotABooleanIsNotTrusted() throws {
        var t = Self.table(100)
        t.customer[99] = Int32(Self.customers.count)
        #expect(try roundTrip(t) == nil)
        t.customer[99] = -1
        #expect(try roundTrip(t) == nil)
        let good = Self.table(100)
        let header = Array(JSONWriter.compact(.object(["h": .int(1)])).utf8)
        let flags = 7 * 8 + 8 + TransactionCache.padded(header.count) + 8 + 100 * (4 + 4 + 8 + 8 + 4)
        #expect(try roundTrip(good) { $0[flags + 3] = 2 } == nil)
        #expect(try roundTrip(good) { $0[flags + 3] = 1 }?.givenAsCost[3] == true)
    }

    /// A mapped table whose pages are given back (whole, by row ranges, and behind the
    /// aggregation's and the fit summary's scans) reads the same values, and those scans give
    /// the same figures as on a table in memory of its own.
    @Test func aMappedTableGivesItsPagesBackAndReadsTheSame() throws {
        let rows = 300_000, n = Self.customers.count
        var t = TransactionTable()
        t.reserve(rows)
        for r in 0..<rows {  // in customer order, so the aggregation takes its ordered pass
            t.append(customer: Int32(r * n / rows), day: Day(ordinal: 19_000 + Int32(r % 700)), amount: Money(minor: Int64(r % 9_973) - 50),
                     margin: r % 3 == 0 ? nil : Money(minor: Int64(r % 101)), quantity: 1, givenAsCost: false)
        }
        // Days must rise within a customer for the ordered pass.
        let sorted = (0..<rows).sorted { (t.customer[$0], t.day[$0], $0) < (t.customer[$1], t.day[$1], $1) }
        var ordered = TransactionTable()
        ordered.reserve(rows)
        for r in sorted {
            ordered.append(customer: t.customer[r], day: Day(ordinal: t.day[r]), amount: Money(minor: t.amount[r]),
                           margin: t.margin[r] == TransactionTable.unknownMargin ? nil : Money(minor: t.margin[r]), quantity: 1, givenAsCost: false)
        }
        let mapped = try #require(try roundTrip(ordered))
        #expect(mapped.amount.storage?.isOwned == false, "read in place from the mapped cache")
        mapped.releaseResidentPages()
        #expect(mapped == ordered)
        mapped.releaseResidentPages(rows: 1_000..<250_000)
        mapped.releaseResidentPages(rows: 0..<rows)
        #expect(mapped == ordered)
        let asOf = Day(ordinal: 19_600)
        func aggregates(_ table: TransactionTable) -> [[Int64]] {
            let (a, _) = CustomerAggregates.computing(table, customerCount: n, asOf: asOf, windowStart: Day(ordinal: 19_300),
                                                      defaultMarginRate: 0.3, others: 0) { _ in true }
            return [a.revenue, a.margin, a.lifetimeMargin, a.revenueLast12, a.lifetimePurchases.map(Int64.init), a.firstDay.map(Int64.init)]
        }
        #expect(aggregates(mapped) == aggregates(ordered))
        let summary = { (table: TransactionTable) in
            CLVSummary(transactions: table, customerCount: n, calibrationEnd: asOf, unit: .weeks)
        }
        #expect(summary(mapped).x == summary(ordered).x && summary(mapped).tx == summary(ordered).tx)
        #expect(mapped == ordered)
    }
}
