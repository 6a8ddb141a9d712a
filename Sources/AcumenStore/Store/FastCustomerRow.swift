import AcumenCore
import AcumenAnalytics
/// A fast scan of one plain customer line, without building a JSON tree.
///
/// Handles the common shape — `id`, `name`, `industry`, `region`, `owner` (strings without
/// escapes), `costToServe` (plain decimal), `tags` (strings) and `ratings` (known rated
/// criteria → plain numbers 0–10). Any other member, an escape, a value out of range or
/// invalid UTF-8 returns nil, and the caller takes the strict path, so both paths accept
/// exactly the same files. Customers with notes, overrides or history always go the strict way.
struct FastCustomerRow {
    private(set) var customer = Customer(id: "", name: "")

    private static let memberNames: [[UInt8]] = ["id", "name", "industry", "region", "owner", "costToServe", "tags", "ratings"].map { Array($0.utf8) }
    private static let ratedNames: [[UInt8]] = Criterion.rated.map { Array($0.rawValue.utf8) }

    /// Index of the name equal to `buf[r]`, or nil.
    private static func lookup(_ names: [[UInt8]], _ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        outer: for (k, name) in names.enumerated() where name.count == r.count {
            for j in 0..<name.count where name[j] != buf[r.lowerBound + j] { continue outer }
            return k
        }
        return nil
    }

    /// A plain non-negative decimal with at most 6 fraction digits, correctly rounded.
    private static func smallDecimal(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Double? {
        var whole: Int64 = 0, frac: Int64 = 0, scale: Int64 = 1
        var i = r.lowerBound
        var digits = 0
        while i < r.upperBound, buf[i] >= 48, buf[i] <= 57 {
            if digits == 6 { return nil }  // before multiplying: 400 digits must not overflow (found by fuzzing)
            whole = whole * 10 + Int64(buf[i] - 48); i += 1; digits += 1
        }
        guard digits > 0 else { return nil }
        if i < r.upperBound {
            guard buf[i] == 0x2E else { return nil }
            i += 1
            var fd = 0
            while i < r.upperBound, buf[i] >= 48, buf[i] <= 57, fd < 6 { frac = frac * 10 + Int64(buf[i] - 48); scale *= 10; i += 1; fd += 1 }
            guard fd > 0 else { return nil }
        }
        guard i == r.upperBound else { return nil }
        return Double(whole * scale + frac) / Double(scale)
    }

    init?(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        var i = start
        func ws() { while i < end, buf[i] == 0x20 || buf[i] == 0x09 { i += 1 } }
        /// Reads a plain string token at `i` (opening quote), returns its byte range.
        func plainString() -> Range<Int>? {
            guard i < end, buf[i] == 0x22 else { return nil }
            i += 1
            let s = i
            while i < end, buf[i] != 0x22, buf[i] != 0x5C, buf[i] >= 0x20 { i += 1 }
            guard i < end, buf[i] == 0x22 else { return nil }
            i += 1
            return s..<(i - 1)
        }
        func text(_ r: Range<Int>) -> String? {
            let bytes = UnsafeBufferPointer(rebasing: buf[r])
            // ASCII (most ids, names, owners) is valid UTF-8 as it is: no validation, which
            // `String(validating:as:)` does through generic metadata on every call.
            for b in bytes where b >= 0x80 { return String(validating: bytes, as: UTF8.self) }
            return String(decoding: bytes, as: UTF8.self)
        }
        func number() -> Range<Int>? {
            let s = i
            while i < end, (buf[i] >= 48 && buf[i] <= 57) || buf[i] == 0x2E || buf[i] == 0x2D { i += 1 }
            guard i > s else { return nil }
            let d0 = buf[s] == 0x2D ? s + 1 : s
            if d0 + 1 < i, buf[d0] == 48, buf[d0 + 1] != 0x2E { return nil }
            if buf[i - 1] == 0x2E || (d0 < i && buf[d0] == 0x2E) { return nil }
            return s..<i
        }
        ws()
        guard i < end, buf[i] == 0x7B else { return nil }
        i += 1
        var seen: UInt16 = 0
        var hasID = false, hasName = false
        var c = Customer(id: "", name: "")
        memberLoop: while true {
            ws()
            guard let keyRange = plainString(), let member = Self.lookup(Self.memberNames, buf, keyRange),
                  seen & (1 << member) == 0 else { return nil }
            seen |= 1 << member
            ws()
            guard i < end, buf[i] == 0x3A else { return nil }
            i += 1
            ws()
            switch member {
            case 0...4:
                guard let r = plainString(), let v = text(r) else { return nil }
                switch member {
                case 0:
                    guard CustomerIDRule.problem(v) == nil else { return nil }  // the strict path reports it
                    c.id = v; hasID = true
                case 1: c.name = v; hasName = true
                case 2: c.industry = v
                case 3: c.region = v
                default: c.owner = v
                }
            case 5:
                guard let r = number(), let m = Money.parseMinor(UnsafeBufferPointer(rebasing: buf[r])), m >= 0 else { return nil }
                c.costToServe = Money(minor: m)
            case 6:
                guard i < end, buf[i] == 0x5B else { return nil }
                i += 1
                ws()
                if i < end, buf[i] == 0x5D { i += 1; break }
                while true {
                    ws()
                    guard let r = plainString(), let v = text(r) else { return nil }
                    c.tags.append(v)
                    ws()
                    guard i < end else { return nil }
                    if buf[i] == 0x2C { i += 1; continue }
                    if buf[i] == 0x5D { i += 1; break }
                    return nil
                }
            case 7:
                guard i < end, buf[i] == 0x7B else { return nil }
                i += 1
                ws()
                if i < end, buf[i] == 0x7D { i += 1; break }
                while true {
                    ws()
                    guard let kr = plainString(), let k = Self.lookup(Self.ratedNames, buf, kr) else { return nil }
                    let criterion = Criterion.rated[k]
                    guard c.ratings[criterion] == nil else { return nil }
                    ws()
                    guard i < end, buf[i] == 0x3A else { return nil }
                    i += 1
                    ws()
                    guard let r = number(), let v = Self.smallDecimal(buf, r), v <= 10 else { return nil }
                    c.ratings[criterion] = v
                    ws()
                    guard i < end else { return nil }
                    if buf[i] == 0x2C { i += 1; continue }
                    if buf[i] == 0x7D { i += 1; break }
                    return nil
                }
            default:
                return nil
            }
            ws()
            guard i < end else { return nil }
            if buf[i] == 0x2C { i += 1; continue memberLoop }
            if buf[i] == 0x7D { i += 1; break memberLoop }
            return nil
        }
        ws()
        guard i == end, hasID, hasName, !c.id.isEmpty else { return nil }
        customer = c
    }
}
