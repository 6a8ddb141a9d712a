import AcumenCore
/// The closed lists a filter's code keys take their values from.
extension AccountFilter {
    /// The values of the code keys (`tier`, `segment`, `abc`, `strategy`): a value outside its
    /// list is an error where the filter is parsed, never a silent empty result.
    public struct Vocabulary: Sendable, Hashable {
        /// Tier names (from the settings' tier bands); empty: any tier is accepted.
        public var tiers: [String]
        /// RFM segment names (from the settings' RFM map); empty: any segment is accepted.
        public var segments: [String]

        /// A vocabulary; strategy (`Strategy`) and ABC (`A B C`) are always checked.
        public init(tiers: [String] = [], segments: [String] = []) {
            self.tiers = tiers; self.segments = segments
        }

        /// The tier and segment names of an analysis (its tier bands and RFM map).
        public init(_ analysis: PortfolioAnalysis) {
            self.init(tiers: analysis.tierNames, segments: analysis.rfm.segmentNames)
        }

        /// The names a code key accepts (each strategy by its value and its title); nil when any is accepted.
        public func names(for key: TextKey) -> [String]? {
            switch key {
            case .tier: tiers.isEmpty ? nil : tiers
            case .segment: segments.isEmpty ? nil : segments
            case .abc: ["A", "B", "C"]
            case .strategy: Strategy.allCases.flatMap { [$0.rawValue, $0.title, "\($0)"] }
            default: nil
            }
        }

        /// Whether `value` names a member of the key's list (compared as ``AccountFilter/normalized(_:)``).
        public func accepts(_ value: String, for key: TextKey) -> Bool {
            guard let names = names(for: key) else { return true }
            let v = normalized(value)
            return names.contains { normalized($0) == v }
        }

        /// The list a key's values come from, for an error message (`Key, Growth, Core, Tail`).
        func listing(_ key: TextKey) -> String {
            switch key {
            case .strategy: Strategy.allCases.map(\.rawValue).joined(separator: ", ")
            default: (names(for: key) ?? []).joined(separator: ", ")
            }
        }
    }
}
