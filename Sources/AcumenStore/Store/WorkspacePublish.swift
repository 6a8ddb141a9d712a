import AcumenCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Publishes several workspace files as one change — all of them or none — for imports and
/// new workspaces, where no journal can fill in a file that was not replaced.
///
/// Protocol (docs/reliability.md, "Imports"):
/// 1. **Stage**: each new file is written beside its target as `.acumen-tmp-publish-NAME`
///    (`O_CREAT|O_EXCL|O_NOFOLLOW`, 0600), every byte, `fsync`; then the folder is `fsync`ed.
/// 2. **Commit**: the marker `.acumen-publish` (names and sizes) is written crash-safely with
///    ``AtomicFile`` (temporary file, `fsync`, `rename`, `fsync` of the folder). Its rename is
///    the commit point: before it the old workspace stands, after it the new one does.
/// 3. **Apply**: each staged file is renamed over its target, the folder `fsync`ed, the marker
///    removed and the folder `fsync`ed again.
///
/// A failure before the commit removes the staged files (and a marker that may have landed)
/// and leaves the old files byte-identical. A crash before the commit leaves staged files that
/// the next writable open removes as stale temporaries. After the commit, the next open
/// (``recover(folder:fs:readOnly:)``, called by the loader) finishes step 3 when it can take
/// the lock, or — read-only, or while the publisher still holds the lock — reads each file
/// from its staged copy while one exists, so every reader sees the old or the new workspace.
public enum WorkspacePublish {
    /// Name of the commit marker in the workspace folder.
    public static let markerName = ".acumen-publish"
    /// Prefix of staged files: a temporary-file prefix, so an uncommitted leftover is removed
    /// on open like any stale temporary file.
    public static let stagePrefix = AtomicFile.tempPrefix + "publish-"

    /// The staged name of a workspace file.
    public static func stagedName(_ file: String) -> String { stagePrefix + file }

    /// The files a commit publishes, with their sizes, as written in the marker:
    /// `acumen-publish 1`, one `NAME SIZE` line per file, `end`.
    struct Marker: Equatable {
        var files: [(name: String, size: Int64)]

        static func == (a: Marker, b: Marker) -> Bool { a.files.elementsEqual(b.files) { $0 == $1 } }

        func encode() -> [UInt8] {
            Array((["acumen-publish 1"] + files.map { "\($0.name) \($0.size)" } + ["end"]).joined(separator: "\n").appending("\n").utf8)
        }

        /// The marker in `bytes`, or nil when it is not a whole, valid marker.
        static func decode(_ bytes: [UInt8]) -> Marker? {
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count >= 3, lines[0] == "acumen-publish 1", lines[lines.count - 2] == "end", lines.last == "" else { return nil }
            var files: [(name: String, size: Int64)] = []
            for line in lines[1..<(lines.count - 2)] {
                let parts = line.split(separator: " ")
                guard parts.count == 2, let size = Int64(parts[1]), size >= 0,
                      [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions].contains(String(parts[0])) else { return nil }
                files.append((String(parts[0]), size))
            }
            return files.isEmpty ? nil : Marker(files: files)
        }
    }

    /// Stages, commits and applies `files` (name in the folder, new content). The caller holds
    /// the workspace lock. Errors name the target file, never a staged one.
    /// - Throws: before the commit, with every old file untouched and nothing left behind;
    ///   after it (a failed rename), with the marker kept so the next open finishes the publish.
    public static func publish(_ files: [(name: String, bytes: [UInt8])], in folder: String, fs: any FileSystem) throws(IOFailure) {
        guard !files.isEmpty else { return }
        let writer = AtomicFile(fs: fs)
        for f in files {
            let target = folder + "/" + f.name
            guard let st = try fs.status(target), !st.isRegular else { continue }
            if st.isSymlink { throw IOFailure(operation: "write through the symlink", path: target, code: ELOOP) }
            throw AtomicFile.notRegular(target, isDirectory: st.isDirectory)
        }
        var staged: [String] = []
        var committing = false
        do throws(IOFailure) {
            for f in files {
                let target = folder + "/" + f.name
                let stage = folder + "/" + stagedName(f.name)
                fs.unlink(stage)  // left by a publish that never committed; we hold the lock
                let fd: Int32
                do { fd = try fs.open(stage, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600) } catch {
                    throw IOFailure(operation: "write", path: target, code: error.code, reason: error.reason)
                }
                staged.append(stage)
                do {
                    try writer.writeAll(fd, f.bytes, path: target)
                    try fs.fsync(fd, path: target)
                } catch {
                    fs.close(fd)
                    throw error
                }
                fs.close(fd)
            }
            try writer.syncFolder(folder)
            committing = true
            try writer.replace(folder + "/" + markerName, with: Marker(files: files.map { ($0.name, Int64($0.bytes.count)) }).encode())
        } catch {
            // Not committed (or not known to be): take the marker back first, then the staged
            // files, so a crash in between never leaves a marker naming missing files.
            if committing {
                fs.unlink(folder + "/" + markerName)
                try? writer.syncFolder(folder)
            }
            for s in staged { fs.unlink(s) }
            throw error
        }
        try apply(Marker(files: files.map { ($0.name, Int64($0.bytes.count)) }), in: folder, fs: fs)
    }

    /// Step 3: renames every staged file still present over its target, then removes the marker.
    static func apply(_ marker: Marker, in folder: String, fs: any FileSystem) throws(IOFailure) {
        let writer = AtomicFile(fs: fs)
        for f in marker.files {
            let stage = folder + "/" + stagedName(f.name)
            guard let st = try fs.status(stage) else { continue }  // already in place
            guard st.isRegular, st.size == f.size else {
                throw IOFailure(operation: "finish the interrupted import into", path: folder, code: EIO,
                                reason: "\(stagedName(f.name)) is \(st.size) bytes, the commit marker says \(f.size)")
            }
            try fs.rename(stage, to: folder + "/" + f.name)
        }
        try writer.syncFolder(folder)
        fs.unlink(folder + "/" + markerName)
        try writer.syncFolder(folder)
    }

    /// What the loader calls first: finishes a committed publish (taking the lock for it), or,
    /// when it cannot write, tells which files to read from their staged copies.
    /// - Returns: workspace file name → path to read instead (empty when nothing is pending).
    /// - Throws: when the marker is damaged or finishing the publish fails.
    public static func recover(folder: String, fs: any FileSystem, readOnly: Bool) throws(WorkspaceError) -> [String: String] {
        let markerPath = folder + "/" + markerName
        let marker: Marker
        do throws(IOFailure) {
            guard try fs.status(markerPath) != nil else { return [:] }
            guard let m = Marker.decode(try fs.read(markerPath, limit: 1 << 16)) else {
                throw IOFailure(operation: "read the import commit marker", path: markerPath, code: EINVAL,
                                reason: "it is damaged; remove it and the \(stagePrefix)* files to keep the files as they are")
            }
            marker = m
        } catch { throw .io(error) }
        if !readOnly, case .acquired(let lock) = WorkspaceLock.take(folder: folder) {
            defer { lock.release() }
            do { try apply(marker, in: folder, fs: fs) } catch { throw .io(error) }
            return [:]
        }
        var overlay: [String: String] = [:]
        for f in marker.files {
            let stage = folder + "/" + stagedName(f.name)
            if let st = try? fs.status(stage), st.isRegular { overlay[f.name] = stage }
        }
        return overlay
    }
}
