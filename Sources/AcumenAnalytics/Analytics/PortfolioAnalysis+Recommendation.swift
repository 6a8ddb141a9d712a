import AcumenCore
/// The strategy recommendation of one customer, with its reasons and actions.
extension PortfolioAnalysis {
    /// Customer `k`'s strategy: the override if any, the grid's recommendation, the factors that
    /// decided it and the actions listed for the strategy in ``StrategySettings/actions``.
    public func recommendation(for k: Int) -> Recommendation {
        let s = settings.strategy
        // The decision taken once by `StrategyAnalysis`; the reasons only describe its numbers.
        let decision = strategy.decision(k)
        let value = decision.value, potential = decision.potential, below = decision.isBelowBreakEven
        var reasons: [String] = []
        let money = Money(minor: contribution[k]).decimalText
        let breakEven = StrategyDecision.compared(potential, s.breakEvenPotentialCut)
        if decision.forcedByBreakEven {
            reasons.append("Below break-even: contribution \(money) \(settings.currency) < 0 and potential \(breakEven.x) < \(breakEven.cut)")
        } else {
            if below {
                reasons.append("Below break-even (contribution \(money) \(settings.currency)), but potential \(breakEven.x) ≥ \(breakEven.cut)")
            }
            reasons.append(axisReason("Value", value, s.valueCut, s.valueCriteria, k))
            reasons.append(axisReason("Potential", potential, s.potentialCut, s.potentialCriteria, k))
        }
        let chosen = strategy.effective(k)
        var note: String?
        if strategy.isOverridden(k), let o = customers[k].strategyOverride {
            note = "\(o.reason) (\(o.author), \(o.at.day.iso))"
            reasons.insert("Manual override by \(o.author): \(o.reason.isEmpty ? "no reason given" : o.reason)", at: 0)
        }
        return Recommendation(strategy: chosen, recommended: decision.strategy, isOverride: strategy.isOverridden(k),
                              overrideNote: note, value: value, potential: potential, isBelowBreakEven: below,
                              forcedByBreakEven: decision.forcedByBreakEven, reasons: reasons, actions: s.actions[chosen] ?? [])
    }

    /// `Value 63.5 ≥ 50 (Revenue 80.0, Contribution 47.0, Predicted CLV unknown)`.
    private func axisReason(_ label: String, _ x: Double, _ cut: Double, _ criteria: [Criterion], _ k: Int) -> String {
        let parts = criteria.map { c in matrix.normalised(c, k).map { "\(c.title) \(fmt($0))" } ?? "\(c.title) unknown" }
        let known = criteria.contains { matrix.isKnown($0, k) }
        let shown = StrategyDecision.compared(x, cut)
        let head = known ? "\(label) \(shown.x) \(x >= cut ? "≥" : "<") \(shown.cut)" : "\(label) unknown (no criterion known), taken as low"
        return head + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
    }

    private func fmt(_ x: Double) -> String { StrategyDecision.text(x, 1) }
}
