import AcumenCore
import AcumenAnalytics
#if canImport(Glibc)
import Glibc
#endif

/// What the save review knows of `customers.jsonl` as last loaded or saved, so it can count
/// the lines a save changes from the edit list alone, without reading or rewriting the file.
///
/// A save writes one line per customer, in workspace order, after a header line. The line
/// of customer *k* changes when (a) an unsaved edit touched *k* — every customer edit appends
/// to the customer's history, which is written on its line, and a line decodes to exactly
/// one customer, so the bytes cannot stay equal — or (b) the line on disk is not the
/// canonical encoding of *k* (a file written by hand or by another program): ``differing``.
/// The index holds the header line and (b), for one version of the file (its status and
/// hash); a file Acumen wrote itself has no differing lines by construction.
///
/// - Complexity: built from a written file in O(header); from a file on disk in
///   O(file size + customers) — one encoding per customer, run off the input path.
public struct CustomerLineIndex: Sendable {
    /// The status of the file this index describes (nil: the version loaded, not restatted).
    var status: FileStatus?
    /// The content hash of that file.
    var hash: UInt64
    /// Its first line, with the line end.
    var headerLine: [UInt8]
    /// Customers (workspace indices) whose line differs from their canonical encoding as they
    /// stood when the index was built, ascending.
    var differing: [Int]
    /// Customers the file holds (lines after the header).
    var customers: Int

    /// The index of a file Acumen just wrote: canonical, so no line differs.
    init(written bytes: [UInt8], status: FileStatus?, hash: UInt64) {
        let starts = Self.lineStarts(bytes)
        self.status = status
        self.hash = hash
        headerLine = Array(bytes[0..<(starts.count > 1 ? starts[1] : bytes.count)])
        differing = []
        customers = max(0, starts.count - 2)
    }

    /// The index of a file Acumen just wrote from its header line and customer count (the
    /// same as ``init(written:status:hash:)`` on its bytes, without scanning them).
    init(header: [UInt8], customers: Int, status: FileStatus?, hash: UInt64, differing: [Int] = []) {
        self.status = status
        self.hash = hash
        headerLine = header
        self.differing = differing
        self.customers = customers
    }

    /// The index of a file on disk, comparing each line with the encoding of its customer.
    /// - Returns: nil when the file does not hold exactly one line per customer after the
    ///   header (the review then diffs the whole file).
    init?(disk bytes: [UInt8], status: FileStatus?, hash: UInt64, customers list: CustomerList) {
        let starts = Self.lineStarts(bytes)
        guard starts.count - 1 == list.count + 1 else { return nil }
        self.status = status
        self.hash = hash
        headerLine = Array(bytes[0..<starts[1]])
        customers = list.count
        let chunk = 20_000
        let parts = Parallel.map((list.count + chunk - 1) / chunk) { c -> [Int] in
            var out: [Int] = []
            var line: [UInt8] = []
            bytes.withUnsafeBufferPointer { disk in
                for k in (c * chunk)..<min(list.count, (c + 1) * chunk) {
                    line.removeAll(keepingCapacity: true)
                    CustomerLineWriter.append(list[k], to: &line)
                    let old = UnsafeBufferPointer(rebasing: disk[starts[k + 1]..<starts[k + 2]])
                    if !line.elementsEqual(old) { out.append(k) }
                }
            }
            return out
        }
        differing = parts.flatMap { $0 }
    }

    /// Offsets where each line starts, plus the end offset (a missing final line end is
    /// treated as present, as `diff` reports the line either way).
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var at = 0
            while at < raw.count, let hit = memchr(base + at, 0x0A, raw.count - at) {
                at = base.distance(to: UnsafeRawPointer(hit)) + 1
                starts.append(at)
            }
        }
        if starts.last != bytes.count { starts.append(bytes.count) }
        return starts
    }
}
