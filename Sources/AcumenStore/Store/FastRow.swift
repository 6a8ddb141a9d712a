import AcumenCore
import AcumenAnalytics
/// A fast scan of one flat transaction line, without building a JSON tree.
///
/// Succeeds only when the line is a single object whose members are exactly among
/// `customer`, `date`, `amount`, `margin`, `quantity`, with plain strings (no escapes) and
/// plain decimal numbers. Anything else returns nil and the caller takes the strict path.
///
/// It reads the bytes in place (a buffer pointer, not slices of a shared array: the parse runs
/// on every core, and each slice would retain and release the one array's reference count —
/// a quarter of a cold open's CPU at 10M lines). ``id`` points into that buffer: use it only
/// while the buffer lives.
struct FastRow {
    var id = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var day: Day?
    var amount: Int64?
    var margin: Int64?
    var quantity: Int32 = 1

    init?(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard start >= 0, end <= b.count else { return nil }
        var i = start
        @inline(__always) func ws() { while i < end, b[i] == 0x20 || b[i] == 0x09 { i += 1 } }
        ws()
        guard i < end, b[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        var seen: UInt8 = 0
        var hasCustomer = false, hasDate = false
        while true {
            ws()
            guard i < end, b[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            let ks = i
            while i < end, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "\\") { i += 1 }
            guard i < end, b[i] == UInt8(ascii: "\"") else { return nil }
            let keyLen = i - ks
            let k0 = b[ks]
            @inline(__always) func keyIs(_ word: StaticString) -> Bool {
                guard word.utf8CodeUnitCount == keyLen else { return false }
                let p = word.utf8Start
                for k in 0..<keyLen where b[ks + k] != p[k] { return false }
                return true
            }
            i += 1
            ws()
            guard i < end, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            ws()
            guard i < end else { return nil }
            let vs: Int, ve: Int, isString: Bool
            if b[i] == UInt8(ascii: "\"") {
                i += 1
                vs = i
                while i < end, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "\\"), b[i] >= 0x20 { i += 1 }
                guard i < end, b[i] == UInt8(ascii: "\"") else { return nil }
                ve = i; i += 1; isString = true
            } else {
                vs = i
                while i < end, (b[i] >= 48 && b[i] <= 57) || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "-") { i += 1 }
                ve = i; isString = false
                guard ve > vs else { return nil }
                let d0 = b[vs] == UInt8(ascii: "-") ? vs + 1 : vs
                if d0 + 1 < ve, b[d0] == 48, b[d0 + 1] >= 48, b[d0 + 1] <= 57 { return nil }  // leading zero: strict path
            }
            let bit: UInt8
            switch (k0, keyLen) {
            case (UInt8(ascii: "c"), 8) where isString:  // customer
                guard keyIs("customer") else { return nil }
                id = UnsafeBufferPointer(rebasing: b[vs..<ve]); hasCustomer = true; bit = 1
            case (UInt8(ascii: "d"), 4) where isString:  // date
                guard keyIs("date"), let d = Day(isoBytes: UnsafeBufferPointer(rebasing: b[vs..<ve])) else { return nil }
                day = d; hasDate = true; bit = 2
            case (UInt8(ascii: "a"), 6) where !isString:  // amount
                guard keyIs("amount"), let m = Money.parseMinor(UnsafeBufferPointer(rebasing: b[vs..<ve])) else { return nil }
                amount = m; bit = 4
            case (UInt8(ascii: "m"), 6) where !isString:  // margin
                guard keyIs("margin"), let m = Money.parseMinor(UnsafeBufferPointer(rebasing: b[vs..<ve])) else { return nil }
                margin = m; bit = 8
            case (UInt8(ascii: "q"), 8) where !isString:  // quantity
                guard keyIs("quantity"), ve - vs <= 9, let q = Day.digits(b, vs, ve - vs) else { return nil }
                quantity = Int32(q); bit = 16
            default:
                return nil
            }
            guard seen & bit == 0 else { return nil }
            seen |= bit
            ws()
            guard i < end else { return nil }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; break }
            return nil
        }
        ws()
        guard i == end, hasCustomer, hasDate, amount != nil, !id.isEmpty else { return nil }
    }
}
