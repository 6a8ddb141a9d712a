import AcumenCore

/// Reading a customer cache: every count and offset is checked before it is used, the
/// trailer's fingerprint must match, and the customers are built from the mapped columns on
/// all cores (each core a disjoint range of customers, written in place).
extension CustomerCache {
    /// A bounds-checked cursor over the cache's sections (each padded to 8 bytes).
    struct Cursor {
        let raw: UnsafeRawBufferPointer
        var at = 0

        mutating func word() -> UInt64? {
            guard raw.count - at >= 8 else { return nil }
            defer { at += 8 }
            return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }

        /// A count no larger than `limit`.
        mutating func count(_ limit: Int) -> Int? {
            guard let v = word(), v <= UInt64(limit) else { return nil }
            return Int(v)
        }

        /// `n` bytes, then the padding to the next multiple of 8.
        mutating func bytes(_ n: Int) -> UnsafeRawBufferPointer? {
            let padded = (n + 7) & ~7
            guard n >= 0, raw.count - at >= padded else { return nil }
            defer { at += padded }
            return UnsafeRawBufferPointer(rebasing: raw[at..<(at + n)])
        }

        /// `n` elements read in place (the mapping is page-aligned and sections 8-aligned).
        mutating func column<T>(_ n: Int, _: T.Type) -> UnsafeBufferPointer<T>? {
            guard n >= 0, n <= (raw.count - at) / MemoryLayout<T>.stride, let b = bytes(n * MemoryLayout<T>.stride) else { return nil }
            guard let base = b.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
            guard Int(bitPattern: base) % MemoryLayout<T>.alignment == 0 else { return nil }
            return UnsafeBufferPointer(start: base.assumingMemoryBound(to: T.self), count: n)
        }
    }

    /// The columns of a cache, pointing into its mapping.
    struct Columns {
        var firstString: UnsafeBufferPointer<UInt32>
        var stringEnd: UnsafeBufferPointer<UInt32>
        var strings: UnsafeBufferPointer<UInt8>
        var codes: UnsafeBufferPointer<UInt32>
        var dictionary: [String]
        var known: UnsafeBufferPointer<UInt16>
        var thousandths: UnsafeBufferPointer<UInt16>
        var cost: UnsafeBufferPointer<Int64>
    }

    /// Decodes a whole cache file; nil when it is not a cache of the file `status` describes or
    /// any check fails.
    static func decode(_ raw: UnsafeRawBufferPointer, status: FileStatus) -> Loaded? {
        guard raw.count >= 16 else { return nil }
        guard UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
                == bodyHash(UnsafeRawBufferPointer(rebasing: raw[8..<(raw.count - 8)])) else { return nil }
        var r = Cursor(raw: UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)]))
        let limit = raw.count
        guard r.word() == magic, let size = r.word(), let mtime = r.word(), let inode = r.word(), let ctime = r.word(),
              let contentHash = r.word() else { return nil }
        guard Int64(bitPattern: size) == status.size, Int64(bitPattern: mtime) == status.modifiedNanoseconds,
              inode == status.inode, Int64(bitPattern: ctime) == status.changedNanoseconds,
              let headerLength = r.count(limit), let headerBytes = r.bytes(headerLength),
              case .object(let headerExtra)? = try? JSONParser.parse(Array(headerBytes)),
              let n = r.count(limit / 4), let s = r.count(limit / 4), let b = r.count(limit),
              r.count(Int(UInt16.max)) == Criterion.rated.count, let v = r.count(limit / 2),
              let t = r.count(limit / 4), let u = r.count(limit), let h = r.count(limit / 4),
              let m = r.count(n), let d = r.count(limit),
              let firstString = r.column(n + 1, UInt32.self), let stringEnd = r.column(s, UInt32.self),
              let strings = r.bytes(b), let codes = r.column(3 * n, UInt32.self),
              let dictionaryEnd = r.column(t, UInt32.self), let dictionaryBytes = r.bytes(u),
              let known = r.column(n, UInt16.self), let thousandths = r.column(v, UInt16.self),
              let cost = r.column(n, Int64.self), let slots = r.column(h, Int32.self),
              let detailPositions = r.column(m, UInt32.self), let detailStarts = r.column(m + 1, UInt64.self),
              let details = r.bytes(d), r.at == r.raw.count,
              firstString[0] == 0, Int(firstString[n]) == s, s == 0 || Int(stringEnd[s - 1]) == b,
              let dictionary = dictionaryStrings(dictionaryEnd, dictionaryBytes) else { return nil }
        let columns = Columns(firstString: firstString, stringEnd: stringEnd, strings: strings.bindMemory(to: UInt8.self),
                              codes: codes, dictionary: dictionary, known: known, thousandths: thousandths, cost: cost)
        guard let records = Details(bytes: details, positions: detailPositions, starts: detailStarts, count: n),
              let built = materialise(columns, details: records),
              let index = CustomerIndex(ids: built.ids, slots: Array(slots)) else { return nil }
        return Loaded(customers: built.customers, index: index, headerExtra: headerExtra, contentHash: contentHash, idsHash: built.idsHash)
    }

    /// The dictionary's strings; nil when an offset is out of order or range.
    static func dictionaryStrings(_ ends: UnsafeBufferPointer<UInt32>, _ bytes: UnsafeRawBufferPointer) -> [String]? {
        var out: [String] = []
        out.reserveCapacity(ends.count)
        var start = 0
        for e in ends {
            let end = Int(e)
            guard end >= start, end <= bytes.count else { return nil }
            out.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            start = end
        }
        return start == bytes.count ? out : nil
    }

    /// The detail records of a cache, checked: positions ascending and in range, starts ordered.
    struct Details {
        let bytes: UnsafeRawBufferPointer
        let positions: UnsafeBufferPointer<UInt32>
        let starts: UnsafeBufferPointer<UInt64>

        init?(bytes: UnsafeRawBufferPointer, positions: UnsafeBufferPointer<UInt32>, starts: UnsafeBufferPointer<UInt64>, count n: Int) {
            let m = positions.count
            guard starts.count == m + 1, starts[0] == 0, starts[m] == UInt64(bytes.count) else { return nil }
            for k in 0..<m {
                guard Int(positions[k]) < n, k == 0 || positions[k] > positions[k - 1], starts[k] <= starts[k + 1] else { return nil }
            }
            self.bytes = bytes; self.positions = positions; self.starts = starts
        }

        /// The first record at a position ≥ `p` (binary search).
        func first(atOrAfter p: Int) -> Int {
            var lo = 0, hi = positions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(positions[mid]) < p { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        func record(_ k: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: bytes[Int(starts[k])..<Int(starts[k + 1])])
        }
    }

    /// Builds the customers (and their ids, for the index) from the columns and the detail
    /// records, chunk by chunk of the ``CustomerList`` on all cores, each customer initialised
    /// in place in its chunk (its strings made once and moved in); nil when an offset, code,
    /// mask, rating, cost or record is out of range (string offsets ordered, masks within the
    /// rated criteria, ratings 0–10 in thousandths, costs ≥ 0 and adding up to at most
    /// ``MoneyBounds/workspaceLimitMinor``). A chunk that meets a bad value fills the rest of
    /// its range with placeholders and reports it, so every slot is always initialised.
    static func materialise(_ col: Columns, details: Details) -> (customers: CustomerList, ids: [String], idsHash: UInt64)? {
        let n = col.known.count
        let size = CustomerList.chunkSize
        let chunks = (n + size - 1) / size
        // Where each chunk's ratings start in `thousandths`.
        var valueStart = [0]
        valueStart.reserveCapacity(chunks + 1)
        for ch in 0..<chunks {
            var total = valueStart[ch]
            for k in (ch * size)..<min(n, (ch + 1) * size) { total += col.known[k].nonzeroBitCount }
            valueStart.append(total)
        }
        guard valueStart[chunks] == col.thousandths.count else { return nil }
        // Per chunk: the sum of its costs, or UInt64.max when a value was out of range.
        var costs = [UInt64](repeating: 0, count: chunks)
        // Per chunk: the fingerprint of its ids (``TransactionCache/idsHash(_:)``).
        var idHashes = [UInt64](repeating: 0, count: chunks)
        var customers = CustomerList()
        let ids = [String](unsafeUninitializedCapacity: n) { idSlots, idsInitialized in
            costs.withUnsafeMutableBufferPointer { costSlots in
                idHashes.withUnsafeMutableBufferPointer { hashSlots in
                    customers = CustomerList(count: n) { range, out in
                        var builder = ChunkBuilder(col: col, details: details, next: valueStart[range.lowerBound / size],
                                                   record: details.first(atOrAfter: range.lowerBound))
                        var failed = false
                        for k in range {
                            let slot = out + (k - range.lowerBound)
                            if failed || !builder.build(k, into: slot) {
                                failed = true
                                slot.initialize(to: Customer(id: "", name: ""))
                            }
                            (idSlots.baseAddress.unsafelyUnwrapped + k).initialize(to: slot.pointee.id)
                        }
                        costSlots[range.lowerBound / size] = failed ? UInt64.max : builder.costs
                        hashSlots[range.lowerBound / size] = builder.idsFingerprint
                    }
                }
            }
            idsInitialized = n
        }
        var total: UInt64 = 0
        for c in costs {
            guard c != UInt64.max else { return nil }
            total += c  // each ≤ 10^18 and the total checked after each: no overflow
            guard total <= UInt64(MoneyBounds.workspaceLimitMinor) else { return nil }
        }
        return (customers, ids, idHashes.withUnsafeBytes { Checksum.fingerprint($0) })
    }
}
