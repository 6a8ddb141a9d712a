import AcumenCore
/// Tier assignment from scores and rank keys (see ``ScoreEngine`` for the rules).
extension ScoreEngine {
    /// The bands in use: the settings' (at most 255), or one band "All" when none is set.
    var bands: [TierSettings.Band] {
        tierSettings.bands.isEmpty ? [TierSettings.Band(name: "All", share: 1, minScore: 0)] : Array(tierSettings.bands.prefix(255))
    }

    /// Number of customers in bands `0…j` in share mode: `⌊n · Σ_{i≤j} shareᵢ + 10⁻⁹⌋`, at most `n`
    /// (the 10⁻⁹ absorbs binary rounding, e.g. 0.1 + 0.2 + 0.4 = 0.7000000000000001).
    static func cumulativeCounts(n: Int, bands: [TierSettings.Band]) -> [Int] {
        var cum = 0.0
        var out: [Int] = []
        for b in bands.dropLast() {
            cum += max(0, b.share)
            out.append(min(n, Int((Double(n) * cum + 1e-9).rounded(.down))))
        }
        out.append(n)
        return out
    }

    /// Computed and effective tier per customer, and the per-tier cut-offs.
    func assignTiers(scores: [Double], keys: [UInt64], histogram: [Int]) -> (computed: [UInt8], effective: [UInt8], cutoffs: [TierCutoff]) {
        let n = scores.count
        let bands = self.bands
        var tier = [UInt8](repeating: 0, count: n)
        switch tierSettings.mode {
        case .share:
            let cum = Self.cumulativeCounts(n: n, bands: bands).dropLast()
            let always = cum.filter { $0 == 0 }.count
            let positions = cum.filter { $0 > 0 && $0 < n }.map { $0 - 1 }
            let found = self.keys(at: positions, keys: keys, histogram: histogram)
            let boundaries = positions.compactMap { found[$0] }.sorted()
            keys.withUnsafeBufferPointer { ks in
                tier.withUnsafeMutableBufferPointer { t in
                    for k in 0..<n {
                        var above = always
                        for b in boundaries where ks[k] > b { above += 1 }
                        t[k] = UInt8(above)
                    }
                }
            }
        case .score:
            let mins = bands.map(\.minScore)
            let last = UInt8(bands.count - 1)
            for k in 0..<n {
                var t = last
                for (j, m) in mins.enumerated() where scores[k] >= m { t = UInt8(j); break }
                tier[k] = t
            }
        }
        var effective = tier
        for k in 0..<min(n, tierOverride.count) where tierOverride[k] >= 0 { effective[k] = UInt8(tierOverride[k]) }
        var cutoffs = bands.map {
            TierCutoff(name: $0.name, customers: 0, lowestScore: nil, highestScore: nil,
                       minScore: tierSettings.mode == .score ? $0.minScore : nil)
        }
        var counts = [Int](repeating: 0, count: bands.count)
        var lowest = [Double](repeating: .infinity, count: bands.count), highest = [Double](repeating: -.infinity, count: bands.count)
        for k in 0..<n {
            let t = Int(tier[k]), s = scores[k]
            counts[t] += 1
            if s < lowest[t] { lowest[t] = s }
            if s > highest[t] { highest[t] = s }
        }
        for t in cutoffs.indices where counts[t] > 0 {
            cutoffs[t].customers = counts[t]; cutoffs[t].lowestScore = lowest[t]; cutoffs[t].highestScore = highest[t]
        }
        return (tier, effective, cutoffs)
    }
}
