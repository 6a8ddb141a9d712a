import AcumenCore
import AcumenAnalytics
/// Writes one customer line of `customers.jsonl` straight to bytes.
///
/// Plain customers (no notes, overrides, review, history or unknown fields — almost all of
/// them) are written without building a JSON tree, in exactly the bytes ``JSONWriter`` would
/// produce for ``Customer/json`` (a test holds the two equal); the rest go through the tree.
enum CustomerLineWriter {
    /// Rated criteria in the sorted order of their JSON keys.
    private static let ratedSorted: [(Criterion, [UInt8])] = Criterion.rated
        .map { ($0, Array($0.rawValue.utf8)) }.sorted { $0.1.lexicographicallyPrecedes($1.1) }

    static func append(_ c: Customer, to out: inout [UInt8]) {
        guard c.isPlain else {
            JSONWriter.writeCompact(c.json, into: &out)
            out.append(0x0A)
            return
        }
        // Keys in sorted order: costToServe, id, industry, name, owner, ratings, region, tags.
        out.append(UInt8(ascii: "{"))
        var first = true
        func key(_ k: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
            out += #"":"#.utf8
        }
        if c.costToServe != .zero { key("costToServe"); out += c.costToServe.decimalText.utf8 }
        key("id"); JSONWriter.writeString(c.id, into: &out)
        if !c.industry.isEmpty { key("industry"); JSONWriter.writeString(c.industry, into: &out) }
        key("name"); JSONWriter.writeString(c.name, into: &out)
        if !c.owner.isEmpty { key("owner"); JSONWriter.writeString(c.owner, into: &out) }
        if !c.ratings.isEmpty {
            key("ratings")
            out.append(UInt8(ascii: "{"))
            var firstRating = true
            for (criterion, name) in ratedSorted {
                guard let v = c.ratings[criterion] else { continue }
                if !firstRating { out.append(UInt8(ascii: ",")) }
                firstRating = false
                out.append(UInt8(ascii: "\""))
                out += name
                out += #"":"#.utf8
                JSONWriter.writeCompact(.double(v), into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        if !c.region.isEmpty { key("region"); JSONWriter.writeString(c.region, into: &out) }
        if !c.tags.isEmpty {
            key("tags")
            out.append(UInt8(ascii: "["))
            for (k, t) in c.tags.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(t, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out += "}\n".utf8
    }
}
