import AcumenCore
/// The order of names in the accounts list: by their ``TextFolding`` form, so case and accents
/// do not decide ("Álvarez" among the A's, "école" among the E's, not after "Z"), then by the
/// names themselves (Unicode scalar order) so "Muller" and "Müller" keep one fixed order.
///
/// Locale-independent by design: a shared workspace sorts the same on every machine. It is not
/// a full Unicode Collation Algorithm: letters of different scripts order by code point.
public enum NameCollation {
    /// The collation key of a name: its folded UTF-8 bytes, compared lexicographically.
    public static func key(_ name: String) -> [UInt8] { TextFolding.foldedBytes(name) }

    /// Whether `a` sorts before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        if ka != kb { return ka.lexicographicallyPrecedes(kb) }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// `rows` sorted by `names[row]`, stably (equal names keep their order in `rows`).
    /// - Complexity: O(n) folds, then O(n log n) comparisons of precomputed keys.
    public static func sorted(_ rows: [Int32], names: [String], descending: Bool) -> [Int32] {
        var keyed = rows.enumerated().map { (offset: $0.offset, row: $0.element, key: key(names[Int($0.element)])) }
        keyed.sort { x, y in
            if x.key != y.key { return descending ? y.key.lexicographicallyPrecedes(x.key) : x.key.lexicographicallyPrecedes(y.key) }
            let nx = names[Int(x.row)].unicodeScalars, ny = names[Int(y.row)].unicodeScalars
            if !nx.elementsEqual(ny) { return descending ? ny.lexicographicallyPrecedes(nx) : nx.lexicographicallyPrecedes(ny) }
            return x.offset < y.offset
        }
        return keyed.map(\.row)
    }
}
