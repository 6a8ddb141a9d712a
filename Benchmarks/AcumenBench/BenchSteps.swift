import AcumenModel
import Foundation

/// The measured steps for one workspace.
struct BenchSteps {
    let folder: String
    let label: String
    let runs: Int

    init(folder: String, label: String, runs: Int) throws {
        self.folder = folder; self.label = label; self.runs = runs
    }

    func runAll() throws -> [Measurement] {
        var out: [Measurement] = []
        var store: WorkspaceStore?
        out.append(try measure("open (load files)", size: label, runs: runs) {
            store?.close()
            store = try WorkspaceStore.open(folder)
        })
        guard let store else { return out }
        defer { store.close() }
        let ids = store.workspace.customers.prefix(64).map(\.id)
        var k = 0
        let t0 = Timestamp(seconds: 1_764_234_650)
        out.append(try measure("journal one edit", size: label, runs: max(runs, 20)) {
            let id = ids[k % ids.count]
            k += 1
            try store.record(.setRating(customer: id, criterion: .satisfaction, value: Double(k % 11)), author: "bench", at: t0)
        })
        out.append(try measure("full save", size: label, runs: max(1, runs / 2)) {
            try store.record(.setOwner(customer: ids[0], owner: "bench \(k)"), author: "bench", at: t0)
            k += 1
            try store.save()
        })
        return out
    }
}
