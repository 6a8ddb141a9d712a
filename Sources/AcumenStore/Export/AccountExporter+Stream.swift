import AcumenCore
import AcumenAnalytics

/// Exports streamed into a ``ByteOutput``: the bytes of ``AccountExporter/render(_:_:workspace:context:)``
/// one account at a time, so the output buffer stays the same size for any number of accounts.
extension AccountExporter {
    /// Writes the export, handing full chunks to `out`'s sink; the tail stays in `out.bytes`
    /// (call ``ByteOutput/flush()``).
    public static func write(_ format: ExportFormat, _ accounts: [ExportedAccount], workspace: Workspace, context: ExportContext,
                             to out: inout ByteOutput) throws {
        switch format {
        case .csv:
            var w = CSVWriter()
            w.row(csvColumns)
            for a in ranked(accounts) {
                w.row(csvCells(a))
                if w.bytes.count >= out.chunkSize {
                    out.bytes += w.takeBytes()
                    try out.flush()
                }
            }
            out.bytes += w.takeBytes()
        case .json: try writeJSON(accounts, workspace: workspace, context: context, to: &out)
        case .markdown: out.bytes += PortfolioNote.markdown(accounts, context: context).utf8
        }
    }

    /// The JSON export with its `accounts` written one by one (same bytes as ``json(_:workspace:context:)``).
    static func writeJSON(_ accounts: [ExportedAccount], workspace: Workspace, context: ExportContext, to out: inout ByteOutput) throws {
        let members = jsonMembers(accountCount: accounts.count, workspace: workspace, context: context)
        let keys = (Array(members.keys) + ["accounts"]).sorted()
        let byCustomer = workspace.transactions.rowsByCustomer(customerCount: workspace.customers.count)
        out.append("{\n")
        for (k, key) in keys.enumerated() {
            out.append("  ")
            out.appendJSONString(key)
            out.append(": ")
            if key == "accounts" {
                if accounts.isEmpty { out.append("[]") } else {
                    out.append("[\n")
                    let ordered = accounts.sorted(by: { $0.index < $1.index })
                    for (n, a) in ordered.enumerated() {
                        out.append("    ")
                        JSONWriter.writePretty(accountJSON(a, workspace: workspace, byCustomer: byCustomer), indent: 2, into: &out.bytes)
                        if n + 1 < ordered.count { out.append(",\n") } else { out.append("\n") }
                        try out.flushIfFull()
                    }
                    out.append("  ]")
                }
            } else if let v = members[key] {
                JSONWriter.writePretty(v, indent: 1, into: &out.bytes)
            }
            if k + 1 < keys.count { out.append(",\n") } else { out.append("\n") }
        }
        out.append("}\n")
    }
}
