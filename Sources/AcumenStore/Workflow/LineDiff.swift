import AcumenCore
import AcumenAnalytics
/// A line diff of two texts (Myers' O(ND) algorithm), for "show diff" in a save conflict and
/// the review-before-save summary.
///
/// Source: E. W. Myers, "An O(ND) Difference Algorithm and Its Variations", Algorithmica 1
/// (1986). The common prefix and suffix are trimmed first; when the remaining edit distance
/// exceeds ``maxDistance`` the middle is reported as removed-then-added (still correct, just
/// not minimal), so a huge rewrite stays cheap.
public struct LineDiff: Hashable, Sendable {
    /// One line of the diff.
    public enum Line: Hashable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// Every line of both texts, in order.
    public let lines: [Line]

    /// Distance beyond which the middle is not diffed line by line.
    public static let maxDistance = 1000

    /// Diffs `old` (e.g. the file on disk) against `new` (what would be written).
    public init(old: [UInt8], new: [UInt8]) {
        self.init(old: Self.split(old), new: Self.split(new))
    }

    /// Diffs two lists of lines.
    public init(old a: [Substring], new b: [Substring]) {
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        var out: [Line] = a[0..<head].map { .same(String($0)) }
        let ma = Array(a[head..<(a.count - tail)]), mb = Array(b[head..<(b.count - tail)])
        out += Self.middle(ma, mb)
        out += a[(a.count - tail)...].map { .same(String($0)) }
        lines = out
    }

    /// Lines without their line ends (a final line end makes no empty last line).
    static func split(_ bytes: [UInt8]) -> [Substring] {
        let text = Substring(String(decoding: bytes, as: UTF8.self))
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        if parts.last?.isEmpty == true { parts.removeLast() }
        return parts
    }

    /// The shortest edit script between two line lists, or remove-all/add-all beyond the cap.
    static func middle(_ a: [Substring], _ b: [Substring]) -> [Line] {
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return a.map { .removed(String($0)) } + b.map { .added(String($0)) } }
        let dmax = min(n + m, maxDistance)
        let off = dmax + 1
        var v = [Int](repeating: 0, count: 2 * dmax + 3)
        var trace: [[Int]] = []
        for d in 0...dmax {
            trace.append(Array(v[(off - d)...(off + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[off + k] = x
                if x >= n, y >= m { return backtrack(a, b, trace) }
            }
        }
        return a.map { .removed(String($0)) } + b.map { .added(String($0)) }
    }

    /// Walks the saved frontiers back from the end to recover the edit script.
    static func backtrack(_ a: [Substring], _ b: [Substring], _ trace: [[Int]]) -> [Line] {
        var x = a.count, y = b.count
        var out: [Line] = []
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            func at(_ k: Int) -> Int { v[k + d] }
            let k = x - y
            let prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : at(prevK), prevY = d == 0 ? 0 : prevX - prevK
            while x > prevX, y > prevY { out.append(.same(String(a[x - 1]))); x -= 1; y -= 1 }
            if d > 0 {
                if x == prevX { out.append(.added(String(b[y - 1]))) } else { out.append(.removed(String(a[x - 1]))) }
            }
            x = prevX; y = prevY
        }
        return out.reversed()
    }

    /// Number of lines removed and added.
    public var counts: (removed: Int, added: Int) {
        var r = 0, a = 0
        for l in lines {
            switch l {
            case .removed: r += 1
            case .added: a += 1
            case .same: break
            }
        }
        return (r, a)
    }

    /// True when the texts are equal.
    public var isEmpty: Bool { counts == (0, 0) }

    /// Unified-diff style text: changed lines prefixed `-`/`+` with `context` unchanged lines
    /// around them prefixed by a space, and `@@ -a,b +c,d @@` before each hunk.
    public func unified(context: Int = 2) -> [String] {
        var keep = [Bool](repeating: false, count: lines.count)
        for (i, l) in lines.enumerated() {
            if case .same = l { continue }
            for j in max(0, i - context)...min(lines.count - 1, i + context) { keep[j] = true }
        }
        var out: [String] = []
        var i = 0, oldLine = 1, newLine = 1
        while i < lines.count {
            guard keep[i] else {
                if case .removed = lines[i] { oldLine += 1 } else if case .added = lines[i] { newLine += 1 } else { oldLine += 1; newLine += 1 }
                i += 1; continue
            }
            var j = i, oldCount = 0, newCount = 0
            var hunk: [String] = []
            while j < lines.count, keep[j] {
                switch lines[j] {
                case .same(let t): hunk.append(" " + t); oldCount += 1; newCount += 1
                case .removed(let t): hunk.append("-" + t); oldCount += 1
                case .added(let t): hunk.append("+" + t); newCount += 1
                }
                j += 1
            }
            out.append("@@ -\(oldLine),\(oldCount) +\(newLine),\(newCount) @@")
            out += hunk
            oldLine += oldCount; newLine += newCount
            i = j
        }
        return out
    }
}
