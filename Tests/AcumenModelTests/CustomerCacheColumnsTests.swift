import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The columnar customers' cache read back equals the customers it was written from —
/// hostile and CJK strings, tags, ratings that are not whole thousandths, edited customers
/// (notes, overrides, reviews, history, unknown fields) — and equals the JSON Lines path.
@Suite struct CustomerCacheColumnsTests {
    static let when = Timestamp(seconds: 1_700_000_000)

    /// `count` demo customers, every `editedEvery`-th one edited in some way.
    static func customers(_ count: Int, editedEvery: Int = 3, seed: UInt64 = 7) -> CustomerList {
        var cs = DemoGenerator(customers: count, transactionsPerCustomer: 0, seed: seed).generate().customers
        let hostile = ["Quote \" back\\slash \u{1b}[31m", "华远科技有限公司长名字长名字", "", "tab\tnew\nline", "e\u{301}mo🙂ji", "\u{0}nul"]
        for k in cs.indices {
            cs[k].name = k % 5 == 0 ? hostile[k % hostile.count] + cs[k].name : cs[k].name
            if k % 7 == 0 { cs[k].tags = ["a", "b,c", "", "长", hostile[k % hostile.count]] }
            if k % 11 == 0 { cs[k].industry = hostile[(k / 11) % hostile.count] }
            if k % 13 == 0 { cs[k].ratings = [.risk: 3.14159, .satisfaction: 0, .cultureFit: 10] }
            if k % 17 == 0 { cs[k].ratings = Ratings() }
            guard k % editedEvery == 0 else { continue }
            let t = Timestamp(seconds: when.seconds + Int64(k))
            switch (k / editedEvery) % 6 {
            case 0: cs[k].notes = [Note(text: "called " + hostile[k % hostile.count], author: "ana", at: t),
                                   Note(text: "", author: "李", at: Timestamp(seconds: -5))]
            case 1: cs[k].tierOverride = Override(value: "Key", reason: "board said", author: "bo", at: t)
            case 2: cs[k].strategyOverride = Override(value: Strategy.nurture.rawValue, reason: "", author: "x", at: t)
            case 3: cs[k].review = Review(status: .decided, strategy: nil, reason: "why \"not\"", author: "r", at: t,
                                          score: 71.234567, recommendation: .cutCost, tier: "Standard")
            case 4: cs[k].history = [HistoryEntry(at: t, author: "bench", summary: "rating risk: 4 → unknown"),
                                     HistoryEntry(at: t, author: "bench", summary: "owner: a → 王芳")]
            default: cs[k].extra = ["futureField": .int(7), "nested": .object(["x": .array([.string("é"), .null, .bool(true)])])]
            }
            if k % (editedEvery * 4) == 0 {
                cs[k].review = Review(status: .accepted, strategy: .grow, author: "q", at: t, score: 50, recommendation: .grow, tier: "Key")
                cs[k].history.append(HistoryEntry(at: t, author: "q", summary: "review"))
            }
        }
        return cs
    }

    static let status = FileStatus(size: 1, modifiedNanoseconds: 2, inode: 4, isRegular: true, isDirectory: false, isSymlink: false,
                                   changedNanoseconds: 3)
    static let key = CustomerCache.Key(status, contentHash: 5)

    func roundTrip(_ cs: CustomerList, header: [String: JSONValue] = ["journalSeq": .int(3)]) throws -> CustomerCache.Loaded {
        let bytes = try #require(CustomerCache.encode(key: Self.key, customers: cs, headerExtra: header))
        return try #require(bytes.withUnsafeBytes { CustomerCache.decode($0, status: Self.status) })
    }

    @Test(arguments: [0, 1, 5, 300, 25_000])
    func theColumnsReadBackEqualTheCustomers(count: Int) throws {
        let cs = Self.customers(count)
        let loaded = try roundTrip(cs)
        #expect(loaded.customers.count == cs.count)
        for k in cs.indices where loaded.customers[k] != cs[k] { Issue.record("customer \(k) differs"); break }
        #expect(loaded.customers == cs)
        #expect(loaded.index == CustomerIndex.build(cs.map(\.id)).index)
        for k in stride(from: 0, to: cs.count, by: max(1, cs.count / 500)) { #expect(loaded.index[cs[k].id] == k) }
        #expect(loaded.index["no such id"] == nil)
        #expect(loaded.headerExtra == ["journalSeq": .int(3)])
        #expect(loaded.contentHash == 5)
    }

    /// The cache equals what parsing `customers.jsonl` gives (the old path), edited customers included.
    @Test func theCacheEqualsTheParsedFile() throws {
        let cs = Self.customers(6_000, editedEvery: 2)
        var extra: [String: JSONValue] = [:]
        var problems: [WorkspaceProblem] = []
        let file = WorkspaceCodec.encodeCustomers(cs, headerExtra: ["futureHeader": .string("kept")])
        let parsed = WorkspaceCodec.decodeCustomers(file, headerExtra: &extra, problems: &problems)
        #expect(problems.isEmpty)
        let loaded = try roundTrip(CustomerList(parsed), header: extra)
        #expect(loaded.customers == CustomerList(parsed))
        #expect(loaded.headerExtra == extra)
    }

    /// A workspace where a third of the customers were edited opens warm to the same workspace.
    @Test func aWarmOpenOfAnEditedWorkspaceEqualsTheParsedOne() throws {
        let folder = temporaryFolder()
        var w = DemoGenerator(customers: 3_000, transactionsPerCustomer: 2, seed: 4).generate()
        w.customers = Self.customers(3_000, seed: 4)
        w = Workspace(settings: w.settings, customers: w.customers, transactions: w.transactions)
        try WorkspaceStore.create(folder, workspace: w).close()
        let cold = try WorkspaceStore.open(folder)
        let parsed = cold.workspace
        cold.close()
        #expect(FileManager.default.fileExists(atPath: CustomerCache.path(folder)))
        let warm = try WorkspaceStore.open(folder)
        defer { warm.close() }
        #expect(warm.workspace == parsed)
        #expect(warm.workspace.index == parsed.index)
        #expect(warm.workspace.customers.filter { !$0.isPlain }.count == parsed.customers.filter { !$0.isPlain }.count)
    }

    @Test func aMalformedDetailRecordIsRefused() throws {
        var c = Self.customers(1)[0]
        c.notes = [Note(text: "hello", author: "a", at: Self.when)]
        c.review = Review(status: .skipped, strategy: .maintain, author: "b", at: Self.when, score: 1, recommendation: .grow, tier: "T")
        var record: [UInt8] = []
        CustomerCache.DetailRecord.append(c, exactRatings: false, to: &record)
        let plain = Customer(id: c.id, name: c.name)
        var whole = plain
        #expect(record.withUnsafeBytes { CustomerCache.DetailRecord.apply($0, to: &whole) })
        #expect(whole.notes == c.notes && whole.review == c.review)
        for cut in [0, 1, 5, record.count / 2, record.count - 1] {
            var target = plain
            #expect(!Array(record.prefix(cut)).withUnsafeBytes { CustomerCache.DetailRecord.apply($0, to: &target) }, "cut at \(cut)")
        }
        var longer = plain
        #expect(!(record + [0]).withUnsafeBytes { CustomerCache.DetailRecord.apply($0, to: &longer) })
        var badFlags = record
        badFlags[0] = 0xFF
        var target = plain
        #expect(!badFlags.withUnsafeBytes { CustomerCache.DetailRecord.apply($0, to: &target) })
    }

    @Test func costsToServeBeyondTheWorkspaceBoundAreNotTrusted() throws {
        var cs = Self.customers(30_000, editedEvery: 1_000)
        for k in cs.indices { cs[k].costToServe = .zero }
        for k in 0..<10 { cs[k * 2_000].costToServe = Money(minor: Money.limitMinor) }
        #expect(try roundTrip(cs).customers == cs)  // 10^18: at the bound
        cs[29_999].costToServe = Money(minor: 1)
        let bytes = try #require(CustomerCache.encode(key: Self.key, customers: cs, headerExtra: [:]))
        #expect(bytes.withUnsafeBytes { CustomerCache.decode($0, status: Self.status) } == nil)
    }

    @Test func anIndexTableThatDoesNotFitItsIdsIsRefused() {
        let ids = (0..<1_000).map { "c\($0)" }
        let built = CustomerIndex.build(ids).index
        #expect(CustomerIndex(ids: ids, slots: built.slots) == built)
        #expect(CustomerIndex(ids: ids.reversed(), slots: built.slots) == nil)  // positions hashed elsewhere
        #expect(CustomerIndex(ids: ids + ["extra"], slots: built.slots) == nil)  // a position missing
        var repeated = built.slots
        if let a = repeated.firstIndex(where: { $0 != 0 }), let b = repeated.lastIndex(where: { $0 != 0 }) { repeated[b] = repeated[a] }
        #expect(CustomerIndex(ids: ids, slots: repeated) == nil)
        var outside = built.slots
        if let a = outside.firstIndex(where: { $0 != 0 }) { outside[a] = 5_000 }
        #expect(CustomerIndex(ids: ids, slots: outside) == nil)
        #expect(CustomerIndex(ids: ids, slots: Array(built.slots.prefix(1_024))) == nil)  // too small
    }

    @Test func anIndexIsUsedForTheCacheOnlyWhenItHoldsExactlyTheCustomersIds() {
        let cs = CustomerList((0..<(2 * CustomerList.chunkSize + 7)).map { Customer(id: "c\($0)", name: "n") })
        let index = CustomerIndex.build(cs.map(\.id)).index
        #expect(index.indexes(cs))
        var renamed = cs
        renamed[CustomerList.chunkSize + 3].id = "other"
        #expect(!index.indexes(renamed))
        #expect(!index.indexes(CustomerList(Array(cs.dropLast()))))
        #expect(!CustomerIndex.build(cs.map(\.id) + ["c0"]).index.indexes(CustomerList(Array(cs) + [Customer(id: "c0", name: "n")])))
        #expect(CustomerCache.probeSlots(renamed, index: index) == CustomerIndex.build(renamed.map(\.id)).index.slots)
    }
}
