import AcumenCore
import AcumenAnalytics
/// Reading back a JSON export (`"kind": "acumen.export"`) so `acumen import` can rebuild the
/// workspace it came from: settings, full customer records (ratings, notes, overrides, history)
/// and transactions. The computed figures in the file are ignored; they are recomputed.
public enum ExportFile {
    /// The `kind` of a JSON export.
    public static let kind = "acumen.export"

    /// True when the file is one pretty-printed JSON document (its first line is a lone `{`),
    /// which is how exports are written; a JSON Lines file never starts that way.
    static func looksLikeExport(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return false }
        i += 1
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
        return i < bytes.count && bytes[i] == 0x0A
    }

    /// Decodes an export into an import batch.
    /// - Throws: ``ImportError/invalid(_:total:)`` with every problem, by field path.
    static func decode(_ bytes: [UInt8], file: String, maxProblems: Int) throws(ImportError) -> ImportBatch {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch {
            throw .invalid([WorkspaceProblem(file: file, line: error.line, column: error.column, message: error.message)], total: 1)
        }
        guard let top = value.objectValue, top["kind"]?.stringValue == kind else {
            throw .invalid([WorkspaceProblem(file: file, line: 1, column: 1, message: "not an Acumen JSON export (\"kind\": \"\(kind)\")")], total: 1)
        }
        var problems: [WorkspaceProblem] = []
        var r = FieldReader(top, file: file, line: 0)
        if let v = r.int("schemaVersion", required: true), v > 1 {
            r.problem("schemaVersion", "export schema version \(v) is newer than this Acumen supports (1)")
        }
        var batch = ImportBatch()
        batch.settings = r.nested("settings", Settings.decode) ?? Settings()
        var ids = IDIndex(capacity: 1024)
        for (k, item) in (r.array("accounts") ?? []).enumerated() {
            guard let account = item.objectValue else { r.problem("accounts[\(k)]", "expected an object"); continue }
            var ar = FieldReader(account, file: file, line: 0, path: "accounts[\(k)].")
            guard let customer = ar.nested("customer", Customer.decode).flatMap({ $0 }) else {
                if !ar.problems.contains(where: { $0.field?.hasPrefix("accounts[\(k)].customer") ?? false }) { ar.problem("customer", "missing required field") }
                problems += ar.problems
                continue
            }
            let (index, isNew) = ids.index(of: customer.id)
            if !isNew { ar.problem("customer.id", "customer id \"\(customer.id)\" appears twice") }
            batch.fullCustomers.append(customer)
            for (j, tx) in (ar.array("transactions") ?? []).enumerated() {
                guard let o = tx.objectValue else { ar.problem("transactions[\(j)]", "expected an object"); continue }
                var tr = FieldReader(o, file: file, line: 0, path: ar.path + "transactions[\(j)].")
                let day = tr.day("date", required: true)
                let amount = tr.money("amount", required: true)
                let margin = tr.money("margin", allowNegative: true)
                let cost = tr.money("cost")
                let quantity = tr.int("quantity", range: 0...1_000_000_000) ?? 1
                ar.problems += tr.problems
                guard tr.problems.isEmpty, let day, let amount else { continue }
                batch.transactions.append(customer: index, day: day, amount: amount, margin: margin ?? cost.map { amount - $0 },
                                          quantity: Int32(quantity), givenAsCost: cost != nil)
            }
            problems += ar.problems
        }
        problems = r.problems + problems
        if !problems.isEmpty { throw .invalid(Array(problems.prefix(maxProblems)), total: problems.count) }
        batch.transactionIDs = ids.strings
        return batch
    }
}
