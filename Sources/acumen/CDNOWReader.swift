import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Reads the CDNOW purchase file format into an in-memory workspace (for `acumen fit --cdnow`).
///
/// Format: an optional header line, then `customer_id yyyymmdd quantity amount` separated by
/// whitespace (the full `CDNOW_master.txt`), or the literature's five-column sample layout
/// `master_id sample_id yyyymmdd quantity amount` (Hardie's `CDNOW_sample.txt`), told apart by
/// the field count of each line; customers are keyed by the master id in both. Amounts become
/// money; margins are unknown (the default margin rate applies).
enum CDNOWReader {
    struct Failure: Error { var message: String }

    static func read(path: String, sampleIdsPath: String?) throws -> Workspace {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw Failure(message: "cannot read \(path)") }
        var keep: Set<String>?
        if let idsPath = sampleIdsPath {
            guard let ids = try? String(contentsOfFile: idsPath, encoding: .utf8) else { throw Failure(message: "cannot read \(idsPath)") }
            keep = Set(ids.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.flatMap { $0.split(whereSeparator: \.isWhitespace) }.map(normalise))
        }
        var workspace = Workspace()
        var table = TransactionTable()
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let f = line.split(whereSeparator: \.isWhitespace)
            if f.isEmpty { continue }
            if number == 0, Int(f[0]) == nil { continue }
            guard f.count == 4 || f.count == 5 else {
                throw Failure(message: "\(path):\(number + 1): expected 4 fields (id date quantity amount) or 5 (master id, sample id, date, quantity, amount), found \(f.count)")
            }
            let id = normalise(f[0])
            if let keep, !keep.contains(id) { continue }
            let o = f.count - 4  // skip the sample id of the five-column layout
            guard let day = Day(compactBytes: Array(f[1 + o].utf8)[...]) else { throw Failure(message: "\(path):\(number + 1): field date: not yyyymmdd: \(f[1 + o])") }
            guard let quantity = Int32(f[2 + o]) else { throw Failure(message: "\(path):\(number + 1): field quantity: not an integer: \(f[2 + o])") }
            guard let amount = Money(decimalText: f[3 + o]) else { throw Failure(message: "\(path):\(number + 1): field amount: not a number: \(f[3 + o])") }
            let index = workspace.addCustomer(Customer(id: id, name: "CDNOW \(id)"))
            table.append(customer: Int32(index), day: day, amount: amount, margin: nil, quantity: quantity)
        }
        workspace.transactions = table
        return workspace
    }

    /// Customer ids without leading zeros, so `00004` and `4` match.
    static func normalise(_ s: some StringProtocol) -> String { Int(s).map(String.init) ?? String(s) }
}
