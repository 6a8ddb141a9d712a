import AcumenCore

/// Reading a customer cache: every count and offset is checked before it is used, the
/// trailer's fingerprint must match, and the customers are built from the columns on all cores.
extension CustomerCache {
    /// A bounds-checked cursor over the cache's bytes.
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

        mutating func bytes(_ n: Int) -> UnsafeRawBufferPointer? {
            guard n >= 0, raw.count - at >= n else { return nil }
            defer { at += n }
            return UnsafeRawBufferPointer(rebasing: raw[at..<(at + n)])
        }

        mutating func column<T>(_ n: Int, _: T.Type) -> [T]? {
            guard n >= 0, n <= (raw.count - at) / MemoryLayout<T>.stride, let b = bytes(n * MemoryLayout<T>.stride) else { return nil }
            return [T](unsafeUninitializedCapacity: n) { buf, initialized in
                UnsafeMutableRawBufferPointer(buf).copyMemory(from: b)
                initialized = n
            }
        }
    }

    /// Decodes a whole cache file; nil when it is not a cache of the file `status` describes or
    /// any check fails.
    static func decode(_ raw: UnsafeRawBufferPointer, status: FileStatus) -> Loaded? {
        guard raw.count >= 16 else { return nil }
        let bodyHash = Checksum.fingerprint(UnsafeRawBufferPointer(rebasing: raw[8..<(raw.count - 8)]))
        guard UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)) == bodyHash else { return nil }
        var r = Cursor(raw: UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)]))
        let limit = raw.count
        guard r.word() == magic, let size = r.word(), let mtime = r.word(), let inode = r.word(), let ctime = r.word(),
              let contentHash = r.word() else { return nil }
        guard Int64(bitPattern: size) == status.size, Int64(bitPattern: mtime) == status.modifiedNanoseconds,
              inode == status.inode, Int64(bitPattern: ctime) == status.changedNanoseconds,
              let headerLength = r.count(limit), let headerBytes = r.bytes(headerLength),
              case .object(let headerExtra)? = try? JSONParser.parse(Array(headerBytes)),
              let n = r.count(limit / 4), let s = r.count(limit / 4), let b = r.count(limit),
              r.count(Int(UInt16.max)) == Criterion.rated.count, let v = r.count(limit / 8),
              let m = r.count(n), let d = r.count(limit),
              let firstString = r.column(n + 1, UInt32.self), let stringEnd = r.column(s, UInt32.self),
              let strings = r.bytes(b), let known = r.column(n, UInt16.self), let values = r.column(v, Double.self),
              let cost = r.column(n, Int64.self), let detailPositions = r.column(m, UInt32.self), let details = r.bytes(d),
              r.at == r.raw.count else { return nil }
        guard columnsAreConsistent(firstString: firstString, stringEnd: stringEnd, stringBytes: b, known: known,
                                   values: values, cost: cost, detailPositions: detailPositions) else { return nil }
        var customers = materialise(firstString: firstString, stringEnd: stringEnd, strings: strings, known: known,
                                    values: values, cost: cost)
        guard addDetails(details, at: detailPositions, to: &customers) else { return nil }
        let (index, duplicates) = CustomerIndex.build(customers.map(\.id))
        guard duplicates.isEmpty else { return nil }
        return Loaded(customers: customers, index: index, headerExtra: headerExtra, contentHash: contentHash)
    }

    /// Offsets in range and ordered, masks within the rated criteria, values in 0–10, costs ≥ 0.
    static func columnsAreConsistent(firstString: [UInt32], stringEnd: [UInt32], stringBytes: Int, known: [UInt16],
                                     values: [Double], cost: [Int64], detailPositions: [UInt32]) -> Bool {
        guard firstString.first == 0, Int(firstString[firstString.count - 1]) == stringEnd.count else { return false }
        for k in 1..<firstString.count where firstString[k] < firstString[k - 1] + UInt32(fixedStrings) { return false }
        var previous: UInt32 = 0
        for e in stringEnd {
            guard e >= previous else { return false }
            previous = e
        }
        guard Int(previous) == stringBytes else { return false }
        let outside = UInt16.max << UInt16(Criterion.rated.count)
        var total = 0
        for mask in known {
            guard mask & outside == 0 else { return false }
            total += mask.nonzeroBitCount
        }
        guard total == values.count, !values.contains(where: { !($0 >= 0 && $0 <= 10) }), !cost.contains(where: { $0 < 0 }) else { return false }
        for k in detailPositions.indices where Int(detailPositions[k]) >= known.count || (k > 0 && detailPositions[k] <= detailPositions[k - 1]) {
            return false
        }
        return true
    }

    /// Builds the customers from the columns, in chunks on all cores.
    static func materialise(firstString: [UInt32], stringEnd: [UInt32], strings: UnsafeRawBufferPointer, known: [UInt16],
                            values: [Double], cost: [Int64]) -> CustomerList {
        let n = known.count
        let size = CustomerList.chunkSize
        // Where each chunk's ratings start in `values`.
        var valueStart = [0]
        for ch in 0..<((n + size - 1) / size) {
            var t = valueStart[ch]
            for k in (ch * size)..<min(n, (ch + 1) * size) { t += known[k].nonzeroBitCount }
            valueStart.append(t)
        }
        let text = strings.bindMemory(to: UInt8.self)
        let rated = Criterion.rated.count
        return CustomerList(count: n) { range, slots in
            var next = valueStart[range.lowerBound / size]
            func string(_ j: Int) -> String {
                let start = j == 0 ? 0 : Int(stringEnd[j - 1])
                return String(decoding: UnsafeBufferPointer(rebasing: text[start..<Int(stringEnd[j])]), as: UTF8.self)
            }
            for k in range {
                let s0 = Int(firstString[k]), s1 = Int(firstString[k + 1])
                var c = Customer(id: string(s0), name: string(s0 + 1))
                c.industry = string(s0 + 2); c.region = string(s0 + 3); c.owner = string(s0 + 4)
                if s1 > s0 + fixedStrings { c.tags = ((s0 + fixedStrings)..<s1).map(string) }
                let mask = known[k]
                if mask != 0 {
                    var lanes = SIMD16<Double>()
                    for j in 0..<rated where mask & (1 << j) != 0 { lanes[j] = values[next]; next += 1 }
                    c.ratings = Ratings(knownMask: mask, values: lanes)
                }
                c.costToServe = Money(minor: cost[k])
                slots.append(c)
            }
        }
    }

    /// Replaces the customers at `positions` by their strictly decoded lines; false when a
    /// line does not decode cleanly or names another id.
    static func addDetails(_ details: UnsafeRawBufferPointer, at positions: [UInt32], to customers: inout CustomerList) -> Bool {
        let bytes = Array(details)
        var lines: [JSONLines.Line] = []
        JSONLines.forEachLine(bytes) { lines.append($0) }
        guard lines.count == positions.count else { return false }
        for (line, position) in zip(lines, positions) {
            var problems: [WorkspaceProblem] = []
            guard let c = WorkspaceCodec.strictCustomer(bytes, line, problems: &problems), problems.isEmpty,
                  c.id == customers[Int(position)].id else { return false }
            customers[Int(position)] = c
        }
        return true
    }
}
