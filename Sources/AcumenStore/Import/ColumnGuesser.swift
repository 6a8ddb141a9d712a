import AcumenCore
import AcumenAnalytics
/// Guesses which column holds which field, from header names (synonyms in English and German)
/// or, without a header, from what the values look like.
enum ColumnGuesser {
    /// Normalised header text: lowercase letters and digits only (`Cust. ID` → `custid`).
    static func normalize(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.map(Character.init))
    }

    /// Names that mean the field exactly, and words that suggest it when contained in a name.
    static func synonyms(_ f: ImportField) -> (exact: [String], contains: [String]) {
        switch f {
        case .customer: (["customer", "customerid", "custid", "customerno", "customernumber", "custno", "customercode", "client", "clientid",
                          "account", "accountid", "accountnumber", "kunde", "kundennummer", "kundenid", "kdnr", "id"],
                         ["customer", "cust", "client", "account", "kunde"])
        case .date: (["date", "orderdate", "invoicedate", "transactiondate", "purchasedate", "saledate", "salesdate", "bookingdate",
                      "datum", "rechnungsdatum", "day"], ["date", "datum"])
        case .amount: (["amount", "total", "revenue", "sales", "value", "net", "netamount", "turnover", "price", "umsatz", "betrag",
                        "dollarvalue", "salesamount", "invoiceamount", "totalamount", "ordertotal", "netsales", "spend"],
                       ["amount", "total", "revenue", "sales", "value", "umsatz", "betrag", "price"])
        case .margin: (["margin", "grossmargin", "profit", "grossprofit", "gm", "marge", "deckungsbeitrag", "db"], ["margin", "profit", "marge"])
        case .cost: (["cost", "costs", "cogs", "costofgoods", "costofgoodssold", "costofsales", "kosten", "einstandspreis"], ["cogs"])
        case .quantity: (["quantity", "qty", "units", "items", "count", "pieces", "menge", "anzahl", "numberofcds", "numberofitems"],
                         ["quantity", "qty", "units", "numberof", "menge", "anzahl"])
        case .id: (["id", "customerid", "customer", "custid", "customerno", "customernumber", "accountid", "account", "clientid",
                    "client", "kundennummer", "kundenid", "kdnr"], ["customerid", "accountid", "clientid"])
        case .name: (["name", "customername", "company", "companyname", "accountname", "clientname", "firma", "kundenname"], ["name", "company"])
        case .industry: (["industry", "sector", "branche", "vertical"], ["industry", "sector"])
        case .region: (["region", "territory", "country", "area", "state", "land", "gebiet"], ["region", "territory", "country"])
        case .owner: (["owner", "accountmanager", "manager", "rep", "salesrep", "kam", "accountowner", "betreuer", "keyaccountmanager"],
                      ["owner", "manager", "betreuer"])
        case .costToServe: (["costtoserve", "servicecost", "servicecosts", "cts", "costserve", "servingcost"], ["costtoserve", "servicecost"])
        case .tags: (["tags", "tag", "labels", "label", "schlagworte"], ["tag", "label"])
        case .satisfaction: (["satisfaction", "csat", "zufriedenheit"], ["satisfaction"])
        case .stickiness: (["stickiness", "loyalty", "switchingcost", "switchingcosts"], ["stickiness"])
        case .marketPotential: (["marketpotential", "potential", "growthpotential", "growth"], ["potential"])
        case .needsFit: (["needsfit", "fit", "strategicfit", "productfit"], ["fit"])
        case .competition: (["competition", "competitivepressure", "wettbewerb"], ["competition", "competitive"])
        case .innovation: (["innovation", "innovativeness"], ["innovation"])
        case .cooperation: (["cooperation", "willingnesstocooperate", "collaboration"], ["cooperat"])
        case .brandInfluence: (["brandinfluence", "influence", "reference", "referencevalue"], ["influence"])
        case .cultureFit: (["culturefit", "culture"], ["culture"])
        case .risk: (["risk", "riskscore", "creditrisk", "risiko"], ["risk"])
        }
    }

    /// Score of a column name for a field: 3 exact, 2 contains an id-like word, 1 contains, 0 none.
    static func score(_ field: ImportField, _ name: String) -> Int {
        let n = normalize(name)
        guard !n.isEmpty else { return 0 }
        let (exact, contains) = synonyms(field)
        if exact.contains(n) { return 3 }
        guard contains.contains(where: { n.contains($0) }) else { return 0 }
        let idLike = field == .customer && ["id", "no", "nr", "number", "code"].contains(where: { n.hasSuffix($0) })
        return idLike ? 2 : 1
    }

    /// Assigns columns to `fields` from header names, best score first; `taken` columns are skipped.
    static func byName(_ fields: [ImportField], columns: [String], taken: Set<Int>) -> [ImportField: Int] {
        var candidates: [(score: Int, field: ImportField, column: Int)] = []
        for f in fields {
            for (k, name) in columns.enumerated() where !taken.contains(k) {
                let s = score(f, name)
                if s > 0 { candidates.append((s, f, k)) }
            }
        }
        candidates.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            let fa = fields.firstIndex(of: a.field) ?? 0, fb = fields.firstIndex(of: b.field) ?? 0
            return fa != fb ? fa < fb : a.column < b.column
        }
        var out: [ImportField: Int] = [:]
        var used = taken
        for c in candidates where out[c.field] == nil && !used.contains(c.column) {
            out[c.field] = c.column
            used.insert(c.column)
        }
        return out
    }

    /// What the sampled values of one column look like.
    struct ColumnShape {
        var values = 0, dates = 0, numbers = 0, integers = 0, withDecimals = 0
        var isDate: Bool { values > 0 && dates == values }
        var isNumber: Bool { values > 0 && numbers == values }
        var isInteger: Bool { values > 0 && integers == values }
    }

    /// Shapes of the columns of sample records.
    static func shapes(_ samples: [[String]], columnCount: Int) -> [ColumnShape] {
        var out = [ColumnShape](repeating: ColumnShape(), count: columnCount)
        let parser = AmountParser(decimal: UInt8(ascii: "."))
        for row in samples {
            for (k, v) in row.enumerated() where k < columnCount && !v.isEmpty {
                var s = v
                s.withUTF8 { b in
                    out[k].values += 1
                    if ImportDateFormat.allCases.contains(where: { $0.parse(b) != nil }) { out[k].dates += 1 }
                    if case .value = parser.parse(b) { out[k].numbers += 1 }
                    if b.allSatisfy({ $0 &- 48 < 10 }), b.count <= 7 { out[k].integers += 1 }
                    if b.contains(UInt8(ascii: ".")) || b.contains(UInt8(ascii: ",")) { out[k].withDecimals += 1 }
                }
            }
        }
        return out
    }

    /// Assigns transaction columns from their content when there is no header: the date column,
    /// the customer (first other column), the amount (the last numeric column with decimals, else
    /// the last numeric one), the quantity (a remaining integer column).
    static func byContent(_ fields: [ImportField], shapes: [ColumnShape], taken: Set<Int>, given: [ImportField: Int]) -> [ImportField: Int] {
        var out: [ImportField: Int] = [:]
        var used = taken
        func take(_ f: ImportField, _ k: Int?) { if let k, given[f] == nil, out[f] == nil, !used.contains(k) { out[f] = k; used.insert(k) } }
        let free = { shapes.indices.filter { !used.contains($0) } }
        if fields.contains(.date) { take(.date, free().first { shapes[$0].isDate }) }
        if fields.contains(.customer) { take(.customer, free().first) }
        if fields.contains(.id) { take(.id, free().first) }
        if fields.contains(.amount) {
            take(.amount, free().last { shapes[$0].isNumber && shapes[$0].withDecimals > 0 } ?? free().last { shapes[$0].isNumber })
        }
        if fields.contains(.quantity) { take(.quantity, free().first { shapes[$0].isInteger }) }
        if fields.contains(.name) { take(.name, free().first) }
        return out
    }
}
