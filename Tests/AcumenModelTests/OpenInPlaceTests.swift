import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// What a warm open no longer computes twice is still checked: the ids fingerprint taken from
/// the customers' cache while it is built equals the one computed from the customers, a
/// transaction cache for other ids is refused with it, and a replayed journal re-checks the
/// costs to serve exactly when an edit set one.
@Suite struct OpenInPlaceTests {
    @Test(arguments: [0, 1, 4_095, 4_096, 9_001])
    func theIdsFingerprintFromTheCacheEqualsTheOneFromTheCustomers(count: Int) throws {
        let cs = CustomerCacheColumnsTests.customers(count, editedEvery: 5)
        let bytes = try #require(CustomerCache.encode(key: CustomerCacheColumnsTests.key, customers: cs, headerExtra: [:]))
        let loaded = try #require(bytes.withUnsafeBytes { CustomerCache.decode($0, status: CustomerCacheColumnsTests.status) })
        #expect(loaded.customers == cs)
        #expect(loaded.idsHash == TransactionCache.idsHash(cs))
        var moved = cs
        if count > 1 { moved.swapAt(0, count - 1) }
        #expect(count < 2 || TransactionCache.idsHash(moved) != loaded.idsHash)
    }

    @Test func aTransactionCacheForOtherIdsIsRefusedWithAKnownFingerprint() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let customers = CustomerList((0..<10).map { Customer(id: "c\($0)", name: "n") })
        var t = TransactionTable()
        for r in 0..<50 { t.append(customer: Int32(r % 10), day: Day(ordinal: 19_000), amount: Money(minor: 1), margin: nil) }
        let st = FileStatus(size: 1, modifiedNanoseconds: 2, inode: 3, isRegular: true, isDirectory: false, isSymlink: false, changedNanoseconds: 4)
        let ids = TransactionCache.idsHash(customers)
        TransactionCache.store(folder: folder, key: .init(size: 1, modifiedNanoseconds: 2, inode: 3, contentHash: 9, customerIDsHash: ids,
                                                          changedNanoseconds: 4), table: t, headerExtra: [:], fs: PosixFileSystem())
        #expect(TransactionCache.load(folder: folder, status: st, customers: customers, idsHash: ids)?.table == t)
        #expect(TransactionCache.load(folder: folder, status: st, customers: customers, idsHash: ids &+ 1) == nil)
        #expect(TransactionCache.load(folder: folder, status: st, customers: customers)?.table == t)
    }

    @Test func onlyAnEditThatSetsACostToServeNeedsTheCostsCheckedAgain() {
        let cost = Edit.setCostToServe(customer: "a", amount: Money(minor: 5))
        #expect(MoneyBounds.setsCostToServe(cost))
        #expect(MoneyBounds.setsCostToServe(.batch([.setOwner(customer: "a", owner: "b"), .batch([cost])])))
        #expect(!MoneyBounds.setsCostToServe(.setOwner(customer: "a", owner: "b")))
        #expect(!MoneyBounds.setsCostToServe(.batch([.setTags(customer: "a", tags: ["x"])])))
    }

    /// A journal whose replayed cost edits take Σ|cost to serve| beyond the bound is refused on
    /// a warm open (customers from their cache), as on a parsed one.
    @Test func aReplayedCostBeyondTheBoundIsRefusedOnAWarmOpen() throws {
        let folder = temporaryFolder()
        let w = DemoGenerator(customers: 40, transactionsPerCustomer: 2, seed: 8).generate()
        try WorkspaceStore.create(folder, workspace: w).close()
        try WorkspaceStore.open(folder).close()  // writes both caches
        let store = try WorkspaceStore.open(folder)
        let ids = (0..<10).map { store.workspace.customers[$0].id }
        for id in ids.prefix(9) {  // 9 × 10^17: within the bound of 10^18 with the demo's own costs
            try store.record(.setCostToServe(customer: id, amount: Money(minor: Money.limitMinor)), author: "t",
                             at: Timestamp(seconds: 1_700_000_000))
        }
        let seq = store.lastSeq
        store.close()
        #expect(throws: Never.self) { try WorkspaceStore.open(folder).close() }
        // One more such record, appended past the store (which refuses to record it): beyond the bound.
        let journal = Journal(path: folder + "/" + WorkspaceFiles.journal)
        _ = try journal.append([Journal.Record(seq: seq + 1, at: Timestamp(seconds: 1_700_000_000), author: "t",
                                               edit: .setCostToServe(customer: ids[9], amount: Money(minor: Money.limitMinor)))])
        do {
            try WorkspaceStore.open(folder).close()
            Issue.record("a journal beyond the bound was replayed")
        } catch {
            #expect("\(error)".contains("costs to serve"), "\(error)")
        }
    }
}
