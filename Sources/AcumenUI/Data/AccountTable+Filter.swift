import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The accounts table as rows of the model's filter language (``AccountFilter``): the keys the
/// list shows are read from the table's columns (coded ones decided once per code), the others
/// (industry, region, tag, reason, margin, cost to serve, CLV, review flags) from the analysis
/// the table was built from, exactly as `acumen export --filter` reads them.
extension AccountTable: AccountFilterRows {
    /// The filter vocabulary of this table: its tier and segment names.
    public var filterVocabulary: AccountFilter.Vocabulary { .init(tiers: tierNames, segments: segmentNames) }

    /// Parses a filter against this table's vocabulary (an unknown tier is an error).
    public func parseFilter(_ text: String) -> Result<AccountFilter, AccountFilterError> {
        do { return .success(try AccountFilter.parse(text, vocabulary: filterVocabulary)) } catch { return .failure(error) }
    }

    public func codes(for key: AccountFilter.TextKey) -> AccountFilter.Codes? {
        switch key {
        case .tier: return .init(names: tierNames.map { [$0] }) { Int(self.tier[$0]) }
        case .segment: return .init(names: segmentNames.map { [$0] }) { Int(self.segment[$0]) }
        case .abc: return .init(names: ABCAnalysis.classNames.map { [$0] }) { Int(self.abc[$0]) }
        case .strategy: return .init(names: Strategy.allCases.map { [$0.rawValue, $0.title] }) { Int(self.strategy[$0]) }
        case .owner:
            let c = owners.coded
            return .init(names: c.names.map { [$0] }) { Int(c.codes[$0]) }
        default: return nil
        }
    }

    public func values(for key: AccountFilter.TextKey, row i: Int) -> [String] {
        switch key {
        case .id: return [ids[i]]
        case .name: return [names[i]]
        case .tier: return [tierName(i)]
        case .segment: return [segmentName(i)]
        case .abc: return [abcName(i)]
        case .strategy: return [strategyName(i)]
        case .owner: return [ownerName(i)]
        default:
            if !editedCustomers.isEmpty, key != .reason, let c = editedCustomers[i] { return c.filterValues(for: key) }
            return filterSource?.values(for: key, row: i) ?? []
        }
    }

    public func number(for key: AccountFilter.NumberKey, row i: Int) -> Double? {
        switch key {
        case .score: score[i].isNaN ? nil : score[i]
        case .revenue: Money(minor: revenue[i]).units
        case .contribution: Money(minor: contribution[i]).units
        case .r: recencyScore[i] > 0 ? Double(recencyScore[i]) : nil
        case .f: frequencyScore[i] > 0 ? Double(frequencyScore[i]) : nil
        case .clv: filterSource.map { $0.number(for: .clv, row: i) } ?? (clv[i] == Int64.min ? nil : Money(minor: clv[i]).units)
        default: filterSource?.number(for: key, row: i)
        }
    }

    public func flag(_ flag: AccountFilter.Flag, row i: Int) -> Bool {
        if flag == .belowBreakEven { return isBelowBreakEven(i) }
        if !editedCustomers.isEmpty, let c = editedCustomers[i] { return c.filterFlag(flag, belowBreakEven: isBelowBreakEven(i)) }
        if let filterSource { return filterSource.flag(flag, row: i) }
        switch flag {
        case .reviewed: return triage[i] != .unreviewed
        case .unreviewed: return triage[i] == .unreviewed
        default: return false
        }
    }

    /// Name-or-id search on the folded search bytes (no string work per row).
    public func nameOrIDMatcher(_ needle: String) -> (Int) -> Bool {
        searchKeys.matcher(Array(needle.utf8))
    }
}
