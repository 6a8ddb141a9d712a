import AcumenCore
import AcumenAnalytics
/// Works out how to read a file: delimiter, header, column mapping, date format and decimal
/// separator, from the user's options where given and from the first records otherwise.
enum FormatSniffer {
    /// Records looked at for guesses.
    static let sampleSize = 2000

    /// The plan for reading `text`.
    /// - Parameters:
    ///   - fields: the fields this kind of file can map; `required` must all be found.
    /// - Throws: problems at line 1 when a required column is missing or ambiguous, or the dates
    ///   cannot be told apart.
    static func plan(_ text: SourceText, options: ImportOptions, fields: [ImportField], required: [ImportField]) throws(ImportError) -> ImportPlan {
        var problems = ProblemList(file: text.file, cap: options.maxProblems)
        let delimiter = options.delimiter ?? detectDelimiter(text)
        let source = RecordSource(text: text, delimiter: delimiter)
        var samples: [[String]] = []
        var firstLine = 1
        source.forEachRecord(problems: &problems) { r in
            if samples.isEmpty { firstLine = r.line }
            samples.append(r.texts)
            return samples.count < sampleSize
        }
        if !problems.isEmpty { throw problems.error }
        guard !samples.isEmpty || delimiter == .jsonLines else {
            throw ImportError.invalid([WorkspaceProblem(file: text.file, line: 1, column: 1, message: "the file is empty; nothing to import")], total: 1)
        }
        var plan = ImportPlan(file: text.file, delimiter: delimiter, delimiterSource: options.delimiter == nil ? .detected : .given,
                              hasHeader: false, headerSource: options.hasHeader == nil ? .detected : .given, columns: [],
                              mapping: [:], mappingSource: [:], dateFormat: nil, dateFormatSource: .detected,
                              decimalComma: false, decimalSource: options.decimalComma == nil ? .detected : .given, fields: fields)
        if case .jsonLines(let j) = source {
            plan.columns = j.columns
            plan.hasHeader = false
        } else {
            plan.hasHeader = options.hasHeader ?? looksLikeHeader(samples)
            let width = samples.map(\.count).max() ?? 0
            plan.columns = plan.hasHeader ? samples[0] : (0..<width).map { "column \($0 + 1)" }
            if plan.hasHeader { samples.removeFirst() }
        }
        if samples.isEmpty {
            throw ImportError.invalid([WorkspaceProblem(file: text.file, line: firstLine, column: 1,
                message: "the file has a header but no data rows; nothing to import")], total: 1)
        }
        try map(&plan, options: options, samples: samples, required: required, line: firstLine, file: text.file)
        try chooseDateFormat(&plan, options: options, samples: samples, source: source, file: text.file)
        if let given = options.decimalComma { plan.decimalComma = given } else {
            var evidence = DecimalEvidence()
            for f in [ImportField.amount, .margin, .cost, .costToServe] {
                guard let k = plan.mapping[f] else { continue }
                for row in samples where k < row.count { var s = row[k]; s.withUTF8 { evidence.add($0) } }
            }
            plan.decimalComma = evidence.isDecimalComma
        }
        return plan
    }

    /// The delimiter most consistently present in the first lines (outside quotes): tab, `;`, `,`
    /// or `|`; whitespace runs when none is; JSON Lines when the first line starts with `{`.
    static func detectDelimiter(_ text: SourceText) -> ImportDelimiter {
        let b = text.bytes
        var i = text.start
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "{") { return .jsonLines }
        let candidates: [UInt8] = [0x09, UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "|")]
        var counts: [[Int]] = []
        var line = [Int](repeating: 0, count: candidates.count)
        var quoted = false, any = false, spaces = false
        let end = min(b.count, i + 65536)
        while i < end, counts.count < 6 {
            let c = b[i]
            if c == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted, c == 0x0A || c == 0x0D {
                if any { counts.append(line) }
                line = [Int](repeating: 0, count: candidates.count); any = false
            } else if !quoted {
                if let k = candidates.firstIndex(of: c) { line[k] += 1 }
                if c == 0x20 { spaces = true }
                any = true
            }
            i += 1
        }
        if any { counts.append(line) }
        var best: (score: Int, k: Int)?
        for k in candidates.indices {
            let perLine = counts.map { $0[k] }
            guard let first = perLine.first, let low = perLine.min(), low > 0 else { continue }
            let consistent = perLine.allSatisfy { $0 == first }
            let score = (consistent ? 1_000_000 : 0) + low
            if best == nil || score > (best?.score ?? 0) { best = (score, k) }
        }
        if let best { return .byte(candidates[best.k]) }
        return spaces ? .whitespace : .byte(UInt8(ascii: ","))
    }

    /// A first record with no numbers or dates, followed by one that has some, is a header.
    static func looksLikeHeader(_ samples: [[String]]) -> Bool {
        let parser = AmountParser(decimal: UInt8(ascii: "."))
        func valueLike(_ s: String) -> Bool {
            var copy = s
            return copy.withUTF8 { b in
                if case .value = parser.parse(b) { return true }
                return ImportDateFormat.allCases.contains { $0.parse(b) != nil }
            }
        }
        guard let first = samples.first, !first.contains(where: valueLike) else { return false }
        guard samples.count > 1 else { return true }
        return samples[1].contains(where: valueLike) || first.allSatisfy { !$0.isEmpty }
    }

    /// Fills the mapping from the options and the guesses, and checks it.
    static func map(_ plan: inout ImportPlan, options: ImportOptions, samples: [[String]], required: [ImportField], line: Int, file: String) throws(ImportError) {
        var problems = ProblemList(file: file, cap: options.maxProblems)
        let names = plan.columns.map(ColumnGuesser.normalize)
        let listing = plan.columns.map { "'\($0)'" }.joined(separator: ", ")
        for f in plan.fields {
            guard let ref = options.mapping[f] else { continue }
            switch ref {
            case .position(let p):
                if p <= plan.columns.count { plan.mapping[f] = p - 1 } else {
                    problems.add(line: line, column: 1, "--map \(f.rawValue)=#\(p): the file has only \(plan.columns.count) columns")
                }
            case .name(let n):
                let exact = plan.columns.indices.filter { plan.columns[$0] == n }
                let loose = plan.columns.indices.filter { names[$0] == ColumnGuesser.normalize(n) }
                if let k = (exact.isEmpty ? loose : exact).first {
                    plan.mapping[f] = k
                } else if !plan.hasHeader, let p = Int(n), p >= 1, p <= plan.columns.count {
                    plan.mapping[f] = p - 1
                } else {
                    problems.add(line: line, column: 1, "--map \(f.rawValue)='\(n)': no such column (columns: \(listing))")
                }
            }
            plan.mappingSource[f] = .given
        }
        let taken = Set(plan.mapping.values)
        let wanted = plan.fields.filter { plan.mapping[$0] == nil && options.mapping[$0] == nil }
        let guessed: [ImportField: Int]
        if plan.hasHeader || plan.delimiter == .jsonLines {
            guessed = ColumnGuesser.byName(wanted, columns: plan.columns, taken: taken)
        } else {
            let shapes = ColumnGuesser.shapes(samples, columnCount: plan.columns.count)
            guessed = ColumnGuesser.byContent(wanted, shapes: shapes, taken: taken, given: plan.mapping)
        }
        for (f, k) in guessed { plan.mapping[f] = k; plan.mappingSource[f] = .detected }
        if plan.mapping[.margin] != nil, plan.mapping[.cost] != nil {
            if plan.mappingSource[.cost] == .detected { plan.mapping[.cost] = nil } else if plan.mappingSource[.margin] == .detected { plan.mapping[.margin] = nil } else {
                problems.add(line: line, column: 1, "map either margin or cost, not both")
            }
        }
        for f in required where plan.mapping[f] == nil && options.mapping[f] == nil {
            problems.add(line: line, column: 1, "no column for \(f.rawValue) (columns: \(listing)); name it with --map \(f.rawValue)=COLUMN")
        }
        if plan.hasHeader {
            for (f, k) in plan.mapping.sorted(by: { $0.key < $1.key }) {
                let same = plan.columns.indices.filter { names[$0] == names[k] && !names[k].isEmpty }
                guard same.count > 1, options.mapping[f].map({ if case .position = $0 { false } else { true } }) ?? true else { continue }
                problems.add(line: line, column: 1, field: plan.columns[k],
                             "column name '\(plan.columns[k])' appears \(same.count) times (columns \(same.map { String($0 + 1) }.joined(separator: ", "))); choose one with --map \(f.rawValue)=#\(k + 1)")
            }
        }
        if !problems.isEmpty { throw problems.error }
    }

    /// Sets the date format from the options or the sample, reading the whole column when the
    /// sample cannot tell day-first from month-first.
    static func chooseDateFormat(_ plan: inout ImportPlan, options: ImportOptions, samples: [[String]], source: RecordSource, file: String) throws(ImportError) {
        guard let k = plan.mapping[.date] else { return }
        if let given = options.dateFormat { plan.dateFormat = given; plan.dateFormatSource = .given; return }
        var evidence = DateFormatEvidence()
        for row in samples where k < row.count { var s = row[k]; s.withUTF8 { evidence.add($0) } }
        if evidence.isAmbiguous, samples.count >= sampleSize - 1 {
            evidence = DateFormatEvidence()
            var ignored = ProblemList(file: file, cap: 0)
            var skip = plan.hasHeader
            source.forEachRecord(problems: &ignored) { r in
                if skip { skip = false; return true }
                if k < r.count { evidence.add(r.field(k)) }
                return true
            }
        }
        switch evidence.decision {
        case .success(let f): plan.dateFormat = f
        case .failure(let why):
            let message: String
            switch why {
            case .none: message = "the date column '\(plan.columns[k])' holds no dates in a known format (yyyy-MM-dd, yyyyMMdd, dd/MM/yyyy, MM/dd/yyyy); give --date-format or map another column"
            case .mixed: message = "the date column '\(plan.columns[k])' mixes day-first and month-first dates; give --date-format dd/MM/yyyy or MM/dd/yyyy"
            case .ambiguous(let example):
                message = "dates such as \(example) could be dd/MM/yyyy or MM/dd/yyyy and no date in the file tells them apart; give --date-format dd/MM/yyyy or --date-format MM/dd/yyyy"
            }
            throw ImportError.invalid([WorkspaceProblem(file: file, line: 1, column: 1, field: plan.columns[k], message: message)], total: 1)
        }
    }
}
