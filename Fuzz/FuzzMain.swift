// libFuzzer entry point; compiled only by Scripts/fuzz.sh (`swiftc -sanitize=fuzzer`).
// The target is chosen with ACUMEN_FUZZ_TARGET (a name from `FuzzTargets.all`).
#if canImport(Glibc)
import Glibc
#endif

/// The target this process fuzzes, read once from the environment.
let selectedTarget: FuzzTarget = {
    let name = getenv("ACUMEN_FUZZ_TARGET").map { String(cString: $0) } ?? "customers"
    return (FuzzTargets.all + FuzzTargets.extra).first { $0.name == name } ?? FuzzTargets.all[0]
}()

/// Runs one input; an invariant broken is reported as a crash so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let broken = selectedTarget.run(bytes)
    if !broken.isEmpty { fatalError("\(selectedTarget.name): " + broken.joined(separator: "; ")) }
    return 0
}
