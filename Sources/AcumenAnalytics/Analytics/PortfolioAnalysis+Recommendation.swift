import AcumenCore
/// The strategy recommendation of one customer, with its reasons and actions.
extension PortfolioAnalysis {
    /// Customer `k`'s strategy: the override if any, the grid's recommendation, the factors that
    /// decided it and the actions listed for the strategy in ``StrategySettings/actions``.
    public func recommendation(for k: Int) -> Recommendation {
        let s = settings.strategy
        let value = Double(strategy.value[k]), potential = Double(strategy.potential[k])
        let below = contribution[k] < 0
        let decision = StrategyAnalysis.decide(value: value, potential: potential, belowBreakEven: below, s)
        var reasons: [String] = []
        let money = Money(minor: contribution[k]).decimalText
        if decision.forced {
            reasons.append("Below break-even: contribution \(money) \(settings.currency) < 0 and potential \(fmt(potential)) < \(fmt(s.breakEvenPotentialCut))")
        } else {
            if below {
                reasons.append("Below break-even (contribution \(money) \(settings.currency)), but potential \(fmt(potential)) ≥ \(fmt(s.breakEvenPotentialCut))")
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
                              forcedByBreakEven: decision.forced, reasons: reasons, actions: s.actions[chosen] ?? [])
    }

    /// `Value 63.5 ≥ 50 (Revenue 80.0, Contribution 47.0, Predicted CLV unknown)`.
    private func axisReason(_ label: String, _ x: Double, _ cut: Double, _ criteria: [Criterion], _ k: Int) -> String {
        let parts = criteria.map { c in matrix.normalised(c, k).map { "\(c.title) \(fmt($0))" } ?? "\(c.title) unknown" }
        let known = criteria.contains { matrix.isKnown($0, k) }
        let head = known ? "\(label) \(fmt(x)) \(x >= cut ? "≥" : "<") \(fmt(cut))" : "\(label) unknown (no criterion known), taken as low"
        return head + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
    }

    private func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
