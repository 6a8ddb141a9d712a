/// The account strategy recommended or chosen for a customer (value × potential, DESIGN §2).
public enum Strategy: String, CaseIterable, Sendable, Hashable {
    /// High value, high potential: invest.
    case grow
    /// High value, low potential: serve efficiently and keep.
    case maintain
    /// Low value, high potential: educate and develop.
    case nurture
    /// Low value, low potential (or below break-even): reduce cost to serve.
    case cutCost = "cut-cost"

    /// A human title.
    public var title: String {
        switch self {
        case .grow: "Grow"
        case .maintain: "Maintain"
        case .nurture: "Nurture"
        case .cutCost: "Cut cost"
        }
    }
}
