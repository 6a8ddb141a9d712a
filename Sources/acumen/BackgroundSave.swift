import AcumenCore
import AcumenStore
import ArgumentParser
import Foundation

/// The workbench's save inside `acumen stress-save --background`: the files are written on
/// another thread from a snapshot while the loop goes on recording (and acknowledging) edits;
/// the save is finished between edits once the thread is done, as the workbench's loop does.
struct BackgroundSave {
    /// Carries the written result from the writing thread.
    final class Box: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var result: SavePlan.Result?
    }

    private var running: (plan: SavePlan, box: Box)?

    /// After each acknowledged edit: finishes a save whose thread is done (`last`: waits for
    /// it), then starts one when asked and none is running. Prints `pending FILE HASH` for each
    /// file before its save starts and `saved SEQ` (the snapshot's last edit) once finished.
    mutating func step(_ store: WorkspaceStore, start: Bool, last: Bool, emit: (String) -> Void) throws {
        if let (plan, box) = running, box.done.wait(timeout: last ? .distantFuture : .now()) == .success {
            running = nil
            guard let result = box.result else { throw ExitCode(3) }
            do { try store.finishSave(result) } catch {
                emit("save-failed \(error.description)")
                throw ExitCode(3)
            }
            emit("saved \(plan.seq)")
        }
        guard start || last, running == nil else { return }
        for (file, bytes) in store.encodedFiles() { emit("pending \(file) \(String(Checksum.fingerprint(bytes), radix: 16))") }
        let plan: SavePlan
        do { plan = try store.prepareSave() } catch {
            emit("save-failed \(error.description)")
            throw ExitCode(3)
        }
        let box = Box()
        Thread.detachNewThread {
            box.result = plan.write()
            box.done.signal()
        }
        running = (plan, box)
        if last { try step(store, start: false, last: true, emit: emit) }
    }
}
