import AcumenCore
import AcumenAnalytics
/// Reads a customers file: id, name, industry, region, owner, cost to serve, tags and ratings.
///
/// An empty cell means "not given" (it never blanks a value in the workspace). Tags are split
/// on `|`, `;` or `,` (inside a quoted cell when `,` is the delimiter). Ids must be unique.
struct CustomerReader {
    let text: SourceText
    let plan: ImportPlan

    /// One customer row; nil fields were not given.
    struct Record: Hashable, Sendable {
        var id: String
        var name: String?
        var industry: String?
        var region: String?
        var owner: String?
        var costToServe: Money?
        var tags: [String]?
        /// Rated criteria given in the file (0–10).
        var ratings = Ratings()
    }

    /// Reads every row; returns the records, or every problem found.
    func read(maxProblems: Int, progress: ((Int, Int) -> Void)?) -> Result<[Record], ImportError> {
        var problems = ProblemList(file: text.file, cap: maxProblems)
        // Row problems are kept apart from the scanner's, which holds `problems` during the scan.
        var rows = ProblemList(file: text.file, cap: maxProblems)
        var out: [Record] = []
        var seen: [String: Int] = [:]
        guard let ki = plan.mapping[.id] else {
            problems.add(line: 1, column: 1, "an id column is required")
            return .failure(problems.error)
        }
        let money = AmountParser(decimal: plan.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: "."))
        let width = plan.columns.count
        var skipHeader = plan.hasHeader
        var costs = MoneyBounds.Total()
        RecordSource(text: text, delimiter: plan.delimiter).forEachRecord(problems: &problems, progress: progress) { r in
            if skipHeader { skipHeader = false; return true }
            func fail(_ k: Int, _ message: String) {
                let at = k < r.count ? r.fields[k].sourceOffset : r.start
                let (l, c) = text.locate(at, recordStart: r.start, line: r.line)
                rows.add(line: l, column: c, field: k < plan.columns.count ? plan.columns[k] : nil, message)
            }
            if plan.delimiter != .jsonLines, r.count != width {
                fail(max(0, min(r.count, width) - 1), "the row has \(r.count) field\(r.count == 1 ? "" : "s") but the \(plan.hasHeader ? "header has" : "first row has") \(width)")
                return true
            }
            func value(_ f: ImportField) -> String? {
                guard let k = plan.mapping[f], k < r.count else { return nil }
                let s = r.text(k).trimmingSpaces
                return s.isEmpty ? nil : s
            }
            guard let id = value(.id) else { fail(ki, "the customer id is empty"); return true }
            if let why = CustomerIDRule.problem(id) { fail(ki, why); return true }
            if let first = seen[id] { fail(ki, "customer id \"\(id)\" appears again (first on line \(first))"); return true }
            seen[id] = r.line
            var rec = Record(id: id, name: value(.name), industry: value(.industry), region: value(.region), owner: value(.owner))
            if let t = value(.tags) {
                rec.tags = t.split(whereSeparator: { $0 == "|" || $0 == ";" || $0 == "," }).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            }
            if let k = plan.mapping[.costToServe], k < r.count, !r.field(k).isEmpty {
                switch money.parse(r.field(k)) {
                case .value(let v) where v >= 0:
                    rec.costToServe = Money(minor: v)
                    if costs.add(v) { fail(k, MoneyBounds.beyond("costs to serve")) }
                case .value: fail(k, "cost to serve must not be negative")
                case .invalid(let why): fail(k, "cost to serve: " + why)
                }
            }
            for field in ImportField.ratingFields {
                guard let k = plan.mapping[field], k < r.count, let criterion = field.criterion else { continue }
                let cell = r.text(k).trimmingSpaces
                if cell.isEmpty { continue }
                let normal = plan.decimalComma ? String(cell.map { $0 == "," ? "." : $0 }) : cell
                guard let v = Double(normal), v.isFinite, (0...10).contains(v) else {
                    fail(k, "\(criterion.title): \"\(cell)\" is not a rating from 0 to 10 (leave the cell empty for unknown)")
                    continue
                }
                rec.ratings[criterion] = v
            }
            out.append(rec)
            return true
        }
        problems.merge(rows)
        if !problems.isEmpty { return .failure(problems.error) }
        return .success(out)
    }
}
