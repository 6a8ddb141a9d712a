import AcumenCore
/// How a maximum-likelihood fit went: enough to judge whether to trust it.
public struct CLVFitDiagnostics: Hashable, Sendable {
    /// True when the final point met the gradient tolerance (see ``CLVOptions``).
    public var converged: Bool
    /// Optimiser iterations and likelihood evaluations of the winning search.
    public var iterations: Int
    public var evaluations: Int
    /// Largest |∂(mean log-likelihood)/∂ ln parameter| at the optimum.
    public var gradientNorm: Double
    /// Which start won (0-based) and how many were tried.
    public var winningStart: Int
    public var starts: Int
    /// The method sequence that produced the optimum, e.g. `bfgs` or `bfgs → nelder-mead → bfgs`.
    public var method: String
    /// True when a parameter ended at the log-space bound: the data cannot identify the model.
    public var atBound: Bool
    /// Customers and unique (x, t_x, T) triples (BG/NBD) or repeat buyers (Gamma-Gamma) used.
    public var customers: Int
    public var uniqueRecords: Int

    /// The diagnostics as a JSON object.
    public var json: JSONValue {
        .object([
            "converged": .bool(converged), "iterations": .int(iterations), "evaluations": .int(evaluations),
            "gradientNorm": .double(gradientNorm), "winningStart": .int(winningStart), "starts": .int(starts),
            "method": .string(method), "atBound": .bool(atBound), "customers": .int(customers),
            "uniqueRecords": .int(uniqueRecords),
        ])
    }
}
