import AcumenCore

extension CustomerCache {
    /// One customer's notes, overrides, review, history, unknown fields and ratings that are
    /// not whole thousandths, in binary: read back without parsing JSON.
    ///
    /// Little endian: a flags byte (bit 0 tier override, 1 strategy override, 2 review,
    /// 3 exact ratings, 4 unknown fields); the notes (`UInt32` count, each text, author, at);
    /// the overrides (value, reason, author, at); the review (status byte, strategy byte
    /// — 0 none, else 1 + its position in ``Strategy/allCases`` —, reason, author, at, score
    /// `Float64`, recommendation byte, tier); the history (`UInt32` count, each at, author,
    /// summary); the exact ratings (`Float64` per known rating in ``Criterion/rated`` order);
    /// the unknown fields as compact JSON. A string is a `UInt32` length and its UTF-8, a time
    /// `Int64` seconds.
    enum DetailRecord {
        static func append(_ c: Customer, exactRatings: Bool, to out: inout [UInt8]) {
            func u32(_ v: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian) { out += $0 } }
            func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
            func string(_ s: String) { u32(s.utf8.count); out += s.utf8 }
            func time(_ t: Timestamp) { u64(UInt64(bitPattern: t.seconds)) }
            func strategy(_ s: Strategy?) { out.append(s.flatMap { Strategy.allCases.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0) }
            func override(_ o: Override) { string(o.value); string(o.reason); string(o.author); time(o.at) }
            let extra = c.extra
            var flags: UInt8 = 0
            if c.tierOverride != nil { flags |= 1 }
            if c.strategyOverride != nil { flags |= 2 }
            if c.review != nil { flags |= 4 }
            if exactRatings { flags |= 8 }
            if !extra.isEmpty { flags |= 16 }
            out.append(flags)
            u32(c.notes.count)
            for note in c.notes { string(note.text); string(note.author); time(note.at) }
            if let o = c.tierOverride { override(o) }
            if let o = c.strategyOverride { override(o) }
            if let r = c.review {
                out.append(UInt8(Review.Status.allCases.firstIndex(of: r.status) ?? 0))
                strategy(r.strategy); string(r.reason); string(r.author); time(r.at)
                u64(r.score.bitPattern); strategy(r.recommendation); string(r.tier)
            }
            u32(c.history.count)
            for h in c.history { time(h.at); string(h.author); string(h.summary) }
            if exactRatings {
                for j in Criterion.rated.indices { if let v = c.ratings.value(atRatedIndex: j) { u64(v.bitPattern) } }
            }
            if !extra.isEmpty { string(JSONWriter.compact(.object(extra))) }
        }

        /// Applies a record to the customer built from the columns; false when the record is
        /// malformed (then the cache is not trusted).
        static func apply(_ raw: UnsafeRawBufferPointer, to c: inout Customer) -> Bool {
            var r = Reader(raw: raw)
            guard let flags = r.byte(), flags < 32, let noteCount = r.count() else { return false }
            var notes: [Note] = []
            notes.reserveCapacity(noteCount)
            for _ in 0..<noteCount {
                guard let text = r.string(), let author = r.string(), let at = r.time() else { return false }
                notes.append(Note(text: text, author: author, at: at))
            }
            func override() -> Override? {
                guard let value = r.string(), let reason = r.string(), let author = r.string(), let at = r.time() else { return nil }
                return Override(value: value, reason: reason, author: author, at: at)
            }
            var tier: Override?, strategy: Override?, review: Review?
            if flags & 1 != 0 { guard let o = override() else { return false }; tier = o }
            if flags & 2 != 0 { guard let o = override() else { return false }; strategy = o }
            if flags & 4 != 0 {
                guard let s = r.byte(), Int(s) < Review.Status.allCases.count, let chosen = r.strategy(), let reason = r.string(),
                      let author = r.string(), let at = r.time(), let score = r.word().map(Double.init(bitPattern:)),
                      let recommendation = r.strategy(), let recommended = recommendation, let tierName = r.string() else { return false }
                review = Review(status: Review.Status.allCases[Int(s)], strategy: chosen, reason: reason, author: author, at: at,
                                score: score, recommendation: recommended, tier: tierName)
            }
            guard let historyCount = r.count() else { return false }
            var history: [HistoryEntry] = []
            history.reserveCapacity(historyCount)
            for _ in 0..<historyCount {
                guard let at = r.time(), let author = r.string(), let summary = r.string() else { return false }
                history.append(HistoryEntry(at: at, author: author, summary: summary))
            }
            if flags & 8 != 0 {
                let mask = c.ratings.knownMask
                guard mask != 0 else { return false }
                var lanes = SIMD16<Double>()
                var bits = mask
                while bits != 0 {
                    guard let v = r.word().map(Double.init(bitPattern:)), v >= 0, v <= 10 else { return false }
                    lanes[bits.trailingZeroBitCount] = v
                    bits &= bits - 1
                }
                c.ratings = Ratings(knownMask: mask, values: lanes)
            }
            if flags & 16 != 0 {
                guard let text = r.string(), case .object(let extra)? = try? JSONParser.parse(Array(text.utf8)), !extra.isEmpty else { return false }
                c.extra = extra
            }
            guard r.at == raw.count else { return false }
            if !notes.isEmpty { c.notes = notes }
            if let tier { c.tierOverride = tier }
            if let strategy { c.strategyOverride = strategy }
            if let review { c.review = review }
            if !history.isEmpty { c.history = history }
            return !c.isPlain || flags & 8 != 0
        }
    }

    /// A bounds-checked reader of one detail record.
    struct Reader {
        let raw: UnsafeRawBufferPointer
        var at = 0

        mutating func byte() -> UInt8? {
            guard at < raw.count else { return nil }
            defer { at += 1 }
            return raw[at]
        }

        mutating func u32() -> UInt32? {
            guard raw.count - at >= 4 else { return nil }
            defer { at += 4 }
            return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        }

        mutating func word() -> UInt64? {
            guard raw.count - at >= 8 else { return nil }
            defer { at += 8 }
            return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }

        /// A count that the remaining bytes could hold (each element takes at least 4 bytes).
        mutating func count() -> Int? {
            guard let v = u32(), Int(v) <= (raw.count - at) / 4 else { return nil }
            return Int(v)
        }

        mutating func string() -> String? {
            guard let v = u32(), Int(v) <= raw.count - at else { return nil }
            defer { at += Int(v) }
            return String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<(at + Int(v))]), as: UTF8.self)
        }

        mutating func time() -> Timestamp? { word().map { Timestamp(seconds: Int64(bitPattern: $0)) } }

        /// nil when malformed; `.some(nil)` for "no strategy".
        mutating func strategy() -> Strategy?? {
            guard let b = byte(), Int(b) <= Strategy.allCases.count else { return nil }
            return .some(b == 0 ? nil : Strategy.allCases[Int(b) - 1])
        }
    }
}
