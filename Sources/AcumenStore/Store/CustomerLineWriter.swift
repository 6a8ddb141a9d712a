import AcumenCore
import AcumenAnalytics

/// Writes customer lines of `customers.jsonl` straight to bytes.
///
/// Plain customers (no notes, overrides, review, history or unknown fields, ratings in whole
/// thousandths — almost all of them) are written through a ``ByteCursor`` into
/// a buffer sized once per chunk, without building a JSON tree, in exactly the bytes
/// ``JSONWriter`` produces for ``Customer/json`` (a test holds the two equal); the rest go
/// through the tree.
enum CustomerLineWriter {
    /// Rated criteria in the sorted order of their JSON keys, with their positions in
    /// ``Criterion/rated`` (the ratings' lanes) and their key bytes `"name":`.
    private static let ratedSorted: [(lane: Int, key: [UInt8])] = Criterion.rated.enumerated()
        .map { ($0.offset, Array($0.element.rawValue.utf8)) }.sorted { $0.1.lexicographicallyPrecedes($1.1) }
        .map { ($0.0, Array("\"".utf8) + $0.1 + Array("\":".utf8)) }

    /// Bytes every rating can take at most: its key and a value (≤ 6 bytes) and a comma.
    private static let ratingsBound = ratedSorted.reduce(2) { $0 + $1.key.count + 7 }

    /// Appends the line of `c` (with its line end).
    static func append(_ c: Customer, to out: inout [UInt8]) {
        guard let bound = plainBound(c) else { return appendTree(c, to: &out) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { buffer in
            guard let base = buffer.baseAddress else { return }
            var w = ByteCursor(cursor: base)
            writePlain(c, &w)
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: w.cursor - base))
        }
    }

    /// The lines of `customers`, one per customer, each with its line end: one buffer sized
    /// for the chunk, written by one cursor.
    static func lines(_ customers: [Customer]) -> [UInt8] {
        var bound = 0
        var trees: [Int: [UInt8]] = [:]
        for k in customers.indices {
            if let b = plainBound(customers[k]) {
                bound += b
            } else {
                var line: [UInt8] = []
                appendTree(customers[k], to: &line)
                bound += line.count
                trees[k] = line
            }
        }
        return customers.withUnsafeBufferPointer { cs in
            [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
                guard let base = buffer.baseAddress else { count = 0; return }
                var w = ByteCursor(cursor: base)
                for k in cs.indices {
                    if trees.isEmpty {
                        writePlain(cs[k], &w)
                    } else if let line = trees[k] {
                        line.withUnsafeBufferPointer { w.bytes($0) }
                    } else {
                        writePlain(cs[k], &w)
                    }
                }
                count = w.cursor - base
            }
        }
    }

    /// The tree writer's line (``Customer/json``, compact, with its line end).
    static func appendTree(_ c: Customer, to out: inout [UInt8]) {
        JSONWriter.writeCompact(c.json, into: &out)
        out.append(0x0A)
    }

    /// The most bytes the plain line of `c` can take; nil when `c` is not plain (details, or
    /// ratings that are not whole thousandths) and goes through the tree.
    @inline(__always) static func plainBound(_ c: Customer) -> Int? {
        guard c.isPlain else { return nil }
        if !c.ratings.isEmpty, c.ratings.fixedPointLanes == nil { return nil }
        var text = c.id.utf8.count + c.name.utf8.count + c.industry.utf8.count + c.region.utf8.count + c.owner.utf8.count
        for t in c.tags { text += t.utf8.count + 3 }
        return 6 * text + ratingsBound + 160
    }

    /// A plain customer's line. Keys in sorted order: costToServe, id, industry, name, owner,
    /// ratings, region, tags.
    @inline(__always) static func writePlain(_ c: Customer, _ w: inout ByteCursor) {
        w.byte(UInt8(ascii: "{"))
        if c.costToServe != .zero {
            w.text(#""costToServe":"#); w.money(c.costToServe.minor); w.byte(UInt8(ascii: ","))
        }
        w.text(#""id":"#); w.jsonString(c.id)
        if !c.industry.isEmpty { w.text(#","industry":"#); w.jsonString(c.industry) }
        w.text(#","name":"#); w.jsonString(c.name)
        if !c.owner.isEmpty { w.text(#","owner":"#); w.jsonString(c.owner) }
        if !c.ratings.isEmpty, let lanes = c.ratings.fixedPointLanes {
            let mask = c.ratings.knownMask
            w.text(#","ratings":{"#)
            var first = true
            for (lane, key) in ratedSorted where mask & (1 << UInt16(lane)) != 0 {
                if !first { w.byte(UInt8(ascii: ",")) }
                first = false
                key.withUnsafeBufferPointer { w.bytes($0) }
                w.rating(thousandths: lanes[lane])
            }
            w.byte(UInt8(ascii: "}"))
        }
        if !c.region.isEmpty { w.text(#","region":"#); w.jsonString(c.region) }
        if !c.tags.isEmpty {
            w.text(#","tags":["#)
            for (k, t) in c.tags.enumerated() {
                if k > 0 { w.byte(UInt8(ascii: ",")) }
                w.jsonString(t)
            }
            w.byte(UInt8(ascii: "]"))
        }
        w.text("}\n")
    }
}

/// The save's own form on ``ByteCursor``: ratings in thousandths exactly as ``JSONWriter``
/// writes `.double(Double(t) / 1000)` (tested against the tree writer in `FastWriterTests`).
extension ByteCursor {
    /// A rating of `t` thousandths as ``JSONWriter`` writes `.double(Double(t) / 1000)`.
    ///
    /// Why: a whole value is written as an integer (`3`). Otherwise y = Double(t) / 1000 is
    /// the double nearest t / 1000 (one correctly rounded division), so the decimal d = t / 1000
    /// with its trailing zeros trimmed reads back as y; any other decimal with as few digits
    /// differs from d by at least 10⁻³ ≫ ulp(y) (y ≤ 65.535), so d is Swift's shortest form,
    /// printed positionally since 10⁻³ ≤ y < 2⁵³. At most 6 bytes.
    @inline(__always) mutating func rating(thousandths t: UInt16) {
        let whole = UInt64(t / 1000)
        var frac = Int(t % 1000)
        unsigned(whole)
        guard frac != 0 else { return }
        byte(UInt8(ascii: "."))
        var width = 3
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        var p = cursor + width
        for _ in 0..<width { p -= 1; p.pointee = 48 + UInt8(frac % 10); frac /= 10 }
        cursor += width
    }
}
