import Foundation

/// The one text folding of Acumen's search, filter and name sort: case and accents are
/// ignored, so `muller` finds "Müller" and "Álvarez" sorts among the A's.
///
/// `fold(s)`:
/// 1. canonical decomposition (NFD): "é" becomes "e" + U+0301;
/// 2. combining *diacritical* marks are dropped (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF,
///    U+20D0–20FF, U+FE20–FE2F) — other scripts' combining signs (Japanese dakuten, Indic
///    vowel signs) are kept, because there they change the letter, not an accent on it;
/// 3. lower case, then the letters that fold without decomposing: ß → ss, ø → o, ł → l,
///    đ → d, æ → ae, œ → oe, ı → i, þ → th.
///
/// ASCII text takes a byte-by-byte path. The result is locale-independent: the same on every
/// machine, whatever `LANG` says (docs/workflow.md, "Search, filter and name order").
public enum TextFolding {
    /// The folded form of `text` (see the type's description).
    /// - Complexity: O(n) in the text length.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for s in text.decomposedStringWithCanonicalMapping.unicodeScalars where !isDiacritic(s.value) {
            for l in s.properties.lowercaseMapping.unicodeScalars {
                if let special = letters[l.value] { out.append(contentsOf: special.unicodeScalars) } else { out.append(l) }
            }
        }
        return String(out)
    }

    /// The folded UTF-8 bytes of `text` (what search keys and name sort keys compare).
    public static func foldedBytes(_ text: String) -> [UInt8] { Array(fold(text).utf8) }

    /// Letters that fold to plain ones without a canonical decomposition.
    static let letters: [UInt32: String] = [
        0xDF: "ss", 0xF8: "o", 0x142: "l", 0x111: "d", 0xE6: "ae", 0x153: "oe", 0x131: "i", 0xFE: "th",
    ]

    /// Whether a scalar is a combining diacritical mark (an accent on a letter).
    static func isDiacritic(_ v: UInt32) -> Bool {
        (0x300...0x36F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v)
    }

    /// Where the folded `needle` occurs in `text`, as a range of characters of `text` (for
    /// highlighting a search match in what is drawn), or nil.
    /// - Complexity: O(n · m) for text length n and needle length m.
    public static func matchRange(of needle: String, in text: String) -> Range<Int>? {
        let n = Array(fold(needle).unicodeScalars)
        guard !n.isEmpty else { return nil }
        // The folded scalars of the text, each remembering the character it came from.
        var scalars: [Unicode.Scalar] = []
        var owner: [Int] = []
        for (k, ch) in text.enumerated() {
            for s in fold(String(ch)).unicodeScalars { scalars.append(s); owner.append(k) }
        }
        guard scalars.count >= n.count else { return nil }
        for start in 0...(scalars.count - n.count) where scalars[start..<(start + n.count)].elementsEqual(n) {
            return owner[start]..<(owner[start + n.count - 1] + 1)
        }
        return nil
    }
}
