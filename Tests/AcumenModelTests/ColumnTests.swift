import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// ``Column`` behaves like the array it replaced (same reads, writes, equality), copies on
/// write, and a column viewing the mapped transaction cache is copied on its first change —
/// never written through — while its mapping outlives the store that read it.
@Suite struct ColumnTests {
    /// A reference model: every operation applied to an array and a column must agree.
    @Test func aColumnAgreesWithAnArrayUnderEveryMutation() {
        var array: [Int64] = [], column: Column<Int64> = []
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int { seed = seed &* 6_364_136_223_846_793_005 &+ 1; return Int(seed >> 33) % n }
        for step in 0..<4_000 {
            switch next(6) {
            case 0, 1: let v = Int64(next(1_000)) - 500; array.append(v); column.append(v)
            case 2 where !array.isEmpty: let k = next(array.count); array[k] = Int64(step); column[k] = Int64(step)
            case 3: let more = (0..<next(9)).map { Int64($0 * step) }; array += more; column += more
            case 4 where array.count > 3:
                let lo = next(array.count), hi = min(array.count, lo + next(4))
                array.replaceSubrange(lo..<hi, with: [1, 2]); column.replaceSubrange(lo..<hi, with: [1, 2])
            case 5 where step % 500 == 0: array.removeAll(keepingCapacity: true); column.removeAll(keepingCapacity: true)
            default: break
            }
            #expect(column.count == array.count)
        }
        #expect(column.array == array && Array(column) == array)
        #expect(column == Column(array) && column.hashValue == Column(array).hashValue)
        #expect(column.max() == array.max() && column.reduce(0, &+) == array.reduce(0, &+))
        #expect(column.withUnsafeBufferPointer { Array($0) } == array)
        #expect(column.description == array.description)
    }

    @Test func copiesShareUntilOneIsWritten() {
        let a: Column<Int32> = [1, 2, 3]
        var b = a
        b[1] = 20
        b.append(4)
        #expect(a == [1, 2, 3] && b == [1, 20, 3, 4])
        var c = Column<Bool>(repeating: false, count: 5)
        let d = c
        c[4] = true
        #expect(d == Column(repeating: false, count: 5) && c.array == [false, false, false, false, true])
        #expect(Column<Int32>([5, 6, 7]).gathering([2, 0, 1]) == [7, 5, 6])
    }

    /// Writes a two-customer workspace's transaction cache and reads it back as a table of views.
    func mappedTable(_ name: String = #function) throws -> (table: TransactionTable, path: String, bytes: Data) {
        let folder = temporaryFolder(name)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let customers = CustomerList([Customer(id: "a", name: "A"), Customer(id: "b", name: "B")])
        var t = TransactionTable()
        for r in 0..<1_000 {
            t.append(customer: Int32(r % 2), day: Day(ordinal: 19_000 + Int32(r)), amount: Money(minor: Int64(r)),
                     margin: r % 3 == 0 ? nil : Money(minor: 1), quantity: 2, givenAsCost: r % 7 == 0)
        }
        let st = FileStatus(size: 1, modifiedNanoseconds: 2, inode: 3, isRegular: true, isDirectory: false, isSymlink: false, changedNanoseconds: 4)
        let key = TransactionCache.Key(size: 1, modifiedNanoseconds: 2, inode: 3, contentHash: 5,
                                       customerIDsHash: TransactionCache.idsHash(customers), changedNanoseconds: 4)
        TransactionCache.store(folder: folder, key: key, table: t, headerExtra: [:], fs: PosixFileSystem())
        let path = TransactionCache.path(folder)
        let loaded = try #require(TransactionCache.load(folder: folder, status: st, customers: customers))
        #expect(loaded.table == t)
        return (loaded.table, path, try #require(FileManager.default.contents(atPath: path)))
    }

    @Test func aViewOfTheCacheIsCopiedOnItsFirstChangeAndTheFileStaysAsItWas() throws {
        let (table, path, bytes) = try mappedTable()
        #expect(table.amount.isView && table.customer.isView && table.givenAsCost.isView)
        var changed = table
        changed.amount[10] = 99
        changed.givenAsCost[1] = true
        changed.append(customer: 1, day: Day(ordinal: 20_000), amount: Money(minor: 5), margin: nil)
        changed.sortByCustomerAndDay(customerCount: 2)
        #expect(!changed.amount.isView && !changed.customer.isView)
        #expect(table.amount[10] == 10 && !table.givenAsCost[1] && table.count == 1_000)
        #expect(changed.count == 1_001 && changed.amount.contains(99))
        #expect(FileManager.default.contents(atPath: path) == bytes)
    }

    @Test func theMappingOutlivesTheCacheFileAndTheStore() throws {
        let (table, path, _) = try mappedTable()
        try FileManager.default.removeItem(atPath: path)  // replaced or deleted: the mapped inode stays
        #expect(table.amount.reduce(0, +) == Int64((0..<1_000).reduce(0, +)))
        #expect(table.givenAsCost.filter { $0 }.count == (0..<1_000).filter { $0 % 7 == 0 }.count)
    }

    @Test func aWarmOpenReadsTheTransactionsInPlaceAndEqualsAParsedOpen() throws {
        let folder = temporaryFolder()
        let w = DemoGenerator(customers: 300, transactionsPerCustomer: 5, seed: 3).generate()
        try WorkspaceStore.create(folder, workspace: w).close()
        let cold = try WorkspaceStore.open(folder)  // parses, writes the caches
        let parsed = cold.workspace
        cold.close()
        #expect(!parsed.transactions.amount.isView)
        let warm = try WorkspaceStore.open(folder)
        let viewed = warm.workspace
        warm.close()
        #expect(viewed.transactions.amount.isView)
        #expect(viewed == parsed && viewed.transactions == parsed.transactions)
    }
}
