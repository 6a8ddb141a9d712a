import Testing
@testable import AcumenCore

/// `Ratings` keeps ratings in thousandths (fixed point) and every other value exactly.
@Suite struct RatingsStorageTests {
    @Test func everyValueReadsBackExactly() {
        let values: [Double] = [0, 10, 7.5, 3.25, 0.1, 9.999, 4.2, 3.14159, 0.000001, 2.0 / 3.0, 5.0000001, 65.535, 70, 1e-300]
        for v in values {
            var r = Ratings()
            r[.risk] = v
            r[.satisfaction] = 8
            #expect(r[.risk] == v, "\(v)")
            #expect(r[.satisfaction] == 8)
            #expect(r.value(atRatedIndex: Criterion.risk.ratedIndex ?? 0) == v)
        }
    }

    @Test func equalityAndHashFollowTheValuesNotTheStorage() {
        var boxed = Ratings()
        boxed[.risk] = 3.14159  // not a whole number of thousandths: all lanes go to the box
        boxed[.cooperation] = 6.5
        boxed[.risk] = 4  // every lane fixed again: the box goes
        let plain: Ratings = [.cooperation: 6.5, .risk: 4]
        #expect(boxed == plain)
        #expect(boxed.hashValue == plain.hashValue)
        var other = plain
        other[.risk] = 4.0001
        #expect(other != plain)
        other[.risk] = nil
        #expect(other.count == 1 && other[.risk] == nil && other[.cooperation] == 6.5)
        #expect(Array(other.map(\.key)) == [.cooperation])
    }

    @Test func aCustomerIsSmallerThanWithDoubleLanes() {
        // 16 UInt16 lanes, a box reference and the mask, instead of 16 Doubles and the mask.
        #expect(MemoryLayout<Ratings>.stride <= 48)
        #expect(MemoryLayout<Customer>.stride <= 160)
    }

    @Test func columnarInitKeepsOnlyKnownLanes() {
        var lanes = SIMD16<Double>(repeating: 9)
        lanes[0] = 1.5
        lanes[1] = 3.14159
        let r = Ratings(knownMask: 0b11, values: lanes)
        #expect(r.count == 2 && r.value(atRatedIndex: 0) == 1.5 && r.value(atRatedIndex: 1) == 3.14159 && r.value(atRatedIndex: 2) == nil)
        #expect(r.knownMask == 0b11)
    }
}
