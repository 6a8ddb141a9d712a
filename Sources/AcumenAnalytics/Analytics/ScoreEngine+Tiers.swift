import AcumenCore
/// Tier assignment from rank keys (see ``ScoreEngine`` for the rules).
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

    /// Computed and effective tier per customer, and the per-tier cut-offs, in one pass over the
    /// rank keys split into `parts` ranges (a key holds its score: ``score(ofKey:)``).
    ///
    /// Share mode: the keys at the band boundaries' positions are found by selection
    /// (``keys(at:keys:histogram:)``) and a customer's band is the number of boundaries its key
    /// is above. Score mode: the first band whose `minScore ≤ S`, else the last. A tier's lowest
    /// and highest score are those of its largest and smallest key (keys order scores descending).
    func assignTiers(keys: [UInt64], histogram: [Int], parts: Int) -> (computed: [UInt8], effective: [UInt8], cutoffs: [TierCutoff]) {
        let n = keys.count
        let bands = self.bands
        var always = 0
        var boundaries: [UInt64] = []
        if tierSettings.mode == .share {
            let cum = Self.cumulativeCounts(n: n, bands: bands).dropLast()
            always = cum.filter { $0 == 0 }.count
            let positions = cum.filter { $0 > 0 && $0 < n }.map { $0 - 1 }
            let found = self.keys(at: positions, keys: keys, histogram: histogram)
            boundaries = positions.compactMap { found[$0] }.sorted()
        }
        let mins = bands.map(\.minScore)
        let shareMode = tierSettings.mode == .share
        var tier = Self.uninitialised(UInt8.self, n)
        var effective = Self.uninitialised(UInt8.self, n)
        let overrides = tierOverride.count == n ? tierOverride : tierOverride + [Int8](repeating: -1, count: max(0, n - tierOverride.count))
        // Per part: customers, smallest and largest key per tier.
        let partials: [(counts: [Int], low: [UInt64], high: [UInt64])] = keys.withUnsafeBufferPointer { ks in
            overrides.withUnsafeBufferPointer { ov in
                tier.withUnsafeMutableBufferPointer { t in
                    effective.withUnsafeMutableBufferPointer { e in
                        let out = TierOutput(tier: t, effective: e)
                        let parts = n >= Self.parallelFrom ? max(1, parts) : 1
                        return Parallel.map(parts) { part in
                            var counts = [Int](repeating: 0, count: bands.count)
                            var low = [UInt64](repeating: .max, count: bands.count), high = [UInt64](repeating: 0, count: bands.count)
                            let last = UInt8(bands.count - 1)
                            boundaries.withUnsafeBufferPointer { bounds in
                                counts.withUnsafeMutableBufferPointer { cnt in
                                    low.withUnsafeMutableBufferPointer { lo in
                                        high.withUnsafeMutableBufferPointer { hi in
                                            for k in n * part / parts..<n * (part + 1) / parts {
                                                let key = ks[k]
                                                var b: UInt8
                                                if shareMode {
                                                    var above = always
                                                    for x in bounds where key > x { above += 1 }
                                                    b = UInt8(above)
                                                } else {
                                                    let s = Self.score(ofKey: key)
                                                    b = last
                                                    for (j, m) in mins.enumerated() where s >= m { b = UInt8(j); break }
                                                }
                                                out.tier[k] = b
                                                out.effective[k] = ov[k] >= 0 ? UInt8(ov[k]) : b
                                                let i = Int(b)
                                                cnt[i] += 1
                                                if key < lo[i] { lo[i] = key }
                                                if key > hi[i] { hi[i] = key }
                                            }
                                        }
                                    }
                                }
                            }
                            return (counts, low, high)
                        }
                    }
                }
            }
        }
        var cutoffs = bands.map {
            TierCutoff(name: $0.name, customers: 0, lowestScore: nil, highestScore: nil,
                       minScore: tierSettings.mode == .score ? $0.minScore : nil)
        }
        for t in cutoffs.indices {
            var count = 0, low = UInt64.max, high: UInt64 = 0
            for p in partials { count += p.counts[t]; low = min(low, p.low[t]); high = max(high, p.high[t]) }
            guard count > 0 else { continue }
            cutoffs[t].customers = count
            cutoffs[t].lowestScore = Self.score(ofKey: high)
            cutoffs[t].highestScore = Self.score(ofKey: low)
        }
        return (tier, effective, cutoffs)
    }

    /// Where the tier pass writes: disjoint ranges of the two tier arrays, one range per thread.
    struct TierOutput: @unchecked Sendable {
        let tier: UnsafeMutableBufferPointer<UInt8>
        let effective: UnsafeMutableBufferPointer<UInt8>
    }

    /// The rank keys at the given sorted positions, by partial selection over a key histogram.
    ///
    /// Only the keys falling in the histogram buckets that hold a wanted position are
    /// collected and sorted.
    func keys(at positions: [Int], keys: [UInt64], histogram: [Int]) -> [Int: UInt64] {
        guard !positions.isEmpty else { return [:] }
        var start = [Int](repeating: 0, count: histogram.count + 1)
        for b in histogram.indices { start[b + 1] = start[b] + histogram[b] }
        func bucket(of p: Int) -> Int {
            var lo = 0, hi = histogram.count - 1
            while lo < hi { let mid = (lo + hi + 1) / 2; if start[mid] <= p { lo = mid } else { hi = mid - 1 } }
            return lo
        }
        var slot = [Int16](repeating: -1, count: histogram.count)
        var buckets: [[UInt64]] = []
        for p in positions where slot[bucket(of: p)] < 0 {
            slot[bucket(of: p)] = Int16(buckets.count)
            buckets.append([])
        }
        slot.withUnsafeBufferPointer { sl in
            for key in keys {
                let s = sl[Int(key >> 48)]
                if s >= 0 { buckets[Int(s)].append(key) }
            }
        }
        for j in buckets.indices where buckets[j].count > 1 {
            var dummy = [Int32](repeating: 0, count: buckets[j].count)
            RadixSort.sortInPlace(keys: &buckets[j], values: &dummy)
        }
        var out: [Int: UInt64] = [:]
        for p in positions {
            let b = bucket(of: p)
            out[p] = buckets[Int(slot[b])][p - start[b]]
        }
        return out
    }
}
