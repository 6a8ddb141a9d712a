import AcumenAnalytics
import AcumenCore
import AcumenStore
import Foundation

/// The background save (issue 16 item 4): what the input path pays — the conflict checks and
/// the snapshot — against the encoding and writing that run off it, and the first edit
/// recorded while the files are being written.
extension BenchSteps {
    func backgroundSaveSteps(_ store: WorkspaceStore) throws -> [Measurement] {
        let ids = store.workspace.customers.prefix(64).map(\.id)
        let t0 = Timestamp(seconds: 1_764_234_650)
        var accepted: [Double] = [], written: [Double] = [], during: [Double] = []
        for k in 0..<max(1, runs / 2) {
            try store.record(.setOwner(customer: ids[k % ids.count], owner: "bg \(k)"), author: "bench", at: t0)
            var t = DispatchTime.now()
            let plan = try store.prepareSave()
            accepted.append(elapsedMilliseconds(since: t))
            // An edit while the snapshot is still held (before the encoding ends) pays one copy
            // of the customer array; the workbench's worst case for a key during a save.
            t = DispatchTime.now()
            try store.record(.setOwner(customer: ids[(k + 1) % ids.count], owner: "during \(k)"), author: "bench", at: t0)
            during.append(elapsedMilliseconds(since: t))
            t = DispatchTime.now()
            let result = plan.write()
            written.append(elapsedMilliseconds(since: t))
            try store.finishSave(result)
        }
        try store.save()
        return [
            Measurement(name: "save (time until input is accepted again)", size: label, samples: accepted),
            Measurement(name: "save: encode + write in the background", size: label, samples: written),
            Measurement(name: "save: first edit while the snapshot is held", size: label, samples: during),
        ]
    }
}
