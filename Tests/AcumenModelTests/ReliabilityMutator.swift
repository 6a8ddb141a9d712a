import Foundation
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Seeded mutations of valid workspace files, the hostile inputs of the generative fuzz test:
/// truncation, byte flips, deep nesting, huge numbers, invalid UTF-8, BOMs, NaN, duplicate
/// keys and ids, bad dates, control characters, deleted and repeated lines, splices.
struct Mutator {
    var rng: SeededGenerator

    /// Names of the mutations, in the order `mutate` picks them.
    static let kinds = ["truncate", "flip", "deep", "huge number", "invalid UTF-8", "BOM", "NaN", "duplicate key",
                        "bad date", "control", "drop line", "repeat line", "splice", "negative", "empty"]

    /// Applies one to three mutations; returns the bytes and the mutations' names.
    mutating func mutate(_ seed: [UInt8], other: [UInt8]) -> (bytes: [UInt8], kinds: [String]) {
        var b = seed
        var used: [String] = []
        for _ in 0...rng.below(3) {
            let k = rng.below(Self.kinds.count)
            used.append(Self.kinds[k])
            b = apply(k, to: b, other: other)
        }
        return (b, used)
    }

    private mutating func position(_ b: [UInt8]) -> Int { rng.below(b.count + 1) }

    private mutating func replaceValue(_ b: [UInt8], with text: String) -> [UInt8] {
        // Replace the value after a random `":` with `text`.
        let colons = b.indices.filter { $0 > 0 && b[$0] == UInt8(ascii: ":") && b[$0 - 1] == UInt8(ascii: "\"") }
        guard !colons.isEmpty else { return b + Array(text.utf8) }
        let at = colons[rng.below(colons.count)] + 1
        var end = at
        while end < b.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), 0x0A].contains(b[end]) { end += 1 }
        return Array(b[..<at]) + Array(text.utf8) + Array(b[end...])
    }

    private mutating func lines(_ b: [UInt8]) -> [[UInt8]] { b.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init) }

    private mutating func apply(_ kind: Int, to b: [UInt8], other: [UInt8]) -> [UInt8] {
        var b = b
        switch Self.kinds[kind] {
        case "truncate": return Array(b.prefix(position(b)))
        case "flip":
            for _ in 0...rng.below(8) where !b.isEmpty { b[rng.below(b.count)] ^= UInt8(truncatingIfNeeded: 1 << rng.below(8)) }
            return b
        case "deep":
            let n = [10, 300, 5000, 100_000][rng.below(4)]
            let open = rng.below(2) == 0 ? "[" : #"{"a":"#
            let p = position(b)
            return Array(b[..<p]) + Array(String(repeating: open, count: n).utf8) + Array(b[p...])
        case "huge number":
            return replaceValue(b, with: ["1e999999", "-1e-999999", String(repeating: "9", count: 400), "123456789012345678901234567890.5", "0.1e", "-", "1.7976931348623157e309"][rng.below(7)])
        case "invalid UTF-8":
            let bad: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]]
            let p = position(b)
            return Array(b[..<p]) + bad[rng.below(bad.count)] + Array(b[p...])
        case "BOM": return [0xEF, 0xBB, 0xBF] + b
        case "NaN": return replaceValue(b, with: ["NaN", "Infinity", "-Infinity", "nan", "null", "true", "\"\"", "[]", "{}"][rng.below(9)])
        case "duplicate key":
            guard let brace = b.indices.filter({ b[$0] == UInt8(ascii: "{") }).randomElement(using: &rng) else { return b }
            let key = ["id", "kind", "schemaVersion", "customer", "amount", "seq", "crc", "edit", "weights"][rng.below(9)]
            return Array(b[...brace]) + Array("\"\(key)\":\"dup\",".utf8) + Array(b[(brace + 1)...])
        case "bad date": return replaceValue(b, with: ["\"2025-13-45\"", "\"2025-02-30\"", "\"0000-00-00\"", "\"99999-01-01\"", "\"yesterday\""][rng.below(5)])
        case "control":
            let p = position(b)
            return Array(b[..<p]) + [[0x00], [0x1B, 0x5B, 0x32, 0x4A], [0x0D], [0x7F], [0xC2, 0x9B]][rng.below(5)] + Array(b[p...])
        case "drop line":
            var l = lines(b)
            if !l.isEmpty { l.remove(at: rng.below(l.count)) }
            return Array(l.joined(separator: [0x0A]))
        case "repeat line":
            var l = lines(b)
            if !l.isEmpty { let k = rng.below(l.count); l.insert(l[k], at: rng.below(l.count + 1)) }
            return Array(l.joined(separator: [0x0A]))
        case "splice":
            guard !other.isEmpty else { return b }
            let s = rng.below(other.count), e = min(other.count, s + rng.below(400))
            let p = position(b)
            return Array(b[..<p]) + Array(other[s..<e]) + Array(b[p...])
        case "negative": return replaceValue(b, with: ["-1", "-0", "-99999999999999999999", "-0.001"][rng.below(4)])
        default: return []
        }
    }
}
