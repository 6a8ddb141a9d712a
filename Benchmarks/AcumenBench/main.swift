import AcumenModel
import Foundation

let folder = CommandLine.arguments.dropFirst().first ?? "/tmp/big1"
func ms(_ t0: DispatchTime) -> String { String(format: "%.1f ms", Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e6) }
for _ in 0..<3 {
    let t = DispatchTime.now()
    let store = try WorkspaceStore.open(folder)
    print("open", ms(t), store.workspace.customers.count, store.workspace.transactions.count)
    store.close()
}
