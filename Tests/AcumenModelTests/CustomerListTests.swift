import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// ``CustomerList`` behaves as the `[Customer]` it replaced: the same elements after any mix of
/// reads, writes, appends and snapshots; a snapshot never sees a later write; the ways of
/// building one agree.
@Suite struct CustomerListTests {
    static func customer(_ k: Int) -> Customer {
        var c = Customer(id: "C\(k)", name: "name \(k)")
        c.owner = k % 3 == 0 ? "ann" : ""
        return c
    }

    /// A deterministic generator (SplitMix64), so a failure replays.
    struct Random {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(1, n)))
        }
    }

    @Test func randomMutationsAndSnapshotsMatchAnArray() {
        let size = CustomerList.chunkSize
        for seed in 1...4 {
            var random = Random(state: UInt64(seed))
            let start = (0..<(2 * size + 17)).map(Self.customer)
            var array = start
            var list = CustomerList(start)
            var snapshots: [(CustomerList, [Customer])] = []
            for step in 0..<400 {
                switch random.next(6) {
                case 0:
                    let k = random.next(array.count)
                    array[k].owner = "o\(step)"; list[k].owner = "o\(step)"
                case 1:
                    let k = random.next(array.count)
                    array[k].notes.append(Note(text: "n\(step)", author: "a", at: Timestamp(seconds: Int64(step))))
                    list[k].notes.append(Note(text: "n\(step)", author: "a", at: Timestamp(seconds: Int64(step))))
                case 2:
                    let c = Self.customer(10_000 + step)
                    array.append(c); list.append(c)
                case 3:
                    snapshots.append((list, array))
                case 4:
                    let k = random.next(array.count)
                    array[k] = Self.customer(20_000 + step); list[k] = Self.customer(20_000 + step)
                default:
                    let k = random.next(array.count)
                    #expect(list[k] == array[k])
                }
            }
            #expect(list.count == array.count && Array(list) == array && list.array == array)
            #expect(list == CustomerList(array) && list.hashValue == CustomerList(array).hashValue)
            #expect(list.map(\.id) == array.map(\.id))
            var walked: [Customer] = []
            for c in list { walked.append(c) }
            #expect(walked == array)
            for (snapshot, expected) in snapshots { #expect(Array(snapshot) == expected) }
        }
    }

    @Test func theWaysOfBuildingAListAgree() {
        let size = CustomerList.chunkSize
        for n in [0, 1, size - 1, size, size + 1, 5 * size + 3] {
            let array = (0..<n).map(Self.customer)
            let direct = CustomerList(array)
            var appended = CustomerList()
            for c in array { appended.append(c) }
            let parts = stride(from: 0, to: n, by: 1000).map { Array(array[$0..<min(n, $0 + 1000)]) }
            let joined = CustomerList(joining: parts)
            let filled = CustomerList(count: n) { range, chunk in for k in range { chunk.append(Self.customer(k)) } }
            let literal: CustomerList = n == 1 ? [Self.customer(0)] : direct
            #expect(direct == appended && direct == joined && direct == filled && literal == direct, "n = \(n)")
            #expect(Array(filled) == array && filled.count == n && filled.chunkCount == (n + size - 1) / size, "n = \(n)")
        }
        // A fill that appends too few or too many customers is re-chunked, never cut.
        let odd = CustomerList(count: 3 * size) { range, chunk in
            for k in range where k % 2 == 0 { chunk.append(Self.customer(k)) }
        }
        #expect(Array(odd) == (0..<(3 * size)).filter { $0 % 2 == 0 }.map(Self.customer))
    }

    @Test func anEditAfterASnapshotLeavesTheSnapshotAsItWas() throws {
        var w = Workspace(customers: (0..<(3 * CustomerList.chunkSize)).map(Self.customer))
        let snapshot = w
        let k = CustomerList.chunkSize + 100
        let id = w.customers[k].id
        try w.apply(.setOwner(customer: id, owner: "new"), author: "me", at: Timestamp(seconds: 1))
        #expect(w.customers[k].owner == "new" && snapshot.customers[k].owner == Self.customer(k).owner)
        #expect(snapshot.customers[k].history.isEmpty && w.customers[k].history.count == 1)
        #expect(Array(w.customers[0..<k]) == Array(snapshot.customers[0..<k]))
    }

    @Test func aStreamedFingerprintEqualsTheWholeOne() {
        var random = Random(state: 99)
        for total in [0, 1, 7, 8, 9, 15, 16, 17, 64, 1000, 4099] {
            let bytes = (0..<total).map { _ in UInt8(random.next(256)) }
            for _ in 0..<8 {
                var stream = FingerprintStream(total: total)
                var at = 0
                while at < total {
                    let n = min(total - at, 1 + random.next(40))
                    stream.add(Array(bytes[at..<(at + n)]))
                    at += n
                }
                #expect(stream.finish() == Checksum.fingerprint(bytes), "total \(total)")
            }
            var short = FingerprintStream(total: total + 1)
            short.add(bytes)
            #expect(short.finish() == nil)
        }
    }
}
