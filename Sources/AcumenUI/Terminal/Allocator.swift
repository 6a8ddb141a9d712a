import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How the workbench asks the C library's allocator to give memory back (issue 16 item 5: a
/// million accounts in a gigabyte).
///
/// glibc keeps freed memory for reuse, and by default serves blocks up to 32 MB from its heaps
/// once a block that large has been freed (its "dynamic mmap threshold"): the analysis' and
/// the history's 4–8 MB columns then come and go inside the heaps, whose holes stay resident.
/// ``mapLargeAllocations()`` fixes the threshold at 1 MiB, so every large column is mapped on
/// its own and unmapped when freed; ``returnFreedMemory()`` trims what the heaps hold free.
/// Both are looked up by name (malloc.h is not part of Swift's Glibc module) and do nothing on
/// other C libraries.
public enum Allocator {
    /// Blocks from this size on are mapped on their own and unmapped when freed.
    public static let mappedFrom = 1 << 20

    /// Fixes glibc's mmap threshold at ``mappedFrom``. The workbench calls it after its first
    /// frame: a fresh mapping's pages fault in one by one, which costs the first analysis ~15 %
    /// more CPU, while afterwards the background work and the keys can afford it.
    /// - Returns: false where it cannot be set.
    @discardableResult
    public static func mapLargeAllocations() -> Bool {
        guard let mallopt = function("mallopt", as: (@convention(c) (Int32, Int32) -> Int32).self) else { return false }
        return mallopt(mmapThresholdOption, Int32(mappedFrom)) == 1
    }

    /// Gives the memory the allocator holds but no longer uses back to the system (glibc keeps
    /// freed memory for reuse: without this the workbench stays at its peak after the warm-up).
    public static func returnFreedMemory() {
        _ = mallocTrim?(0)
    }

    /// `M_MMAP_THRESHOLD` in glibc's malloc.h.
    private static let mmapThresholdOption: Int32 = -3

    private static let mallocTrim = function("malloc_trim", as: (@convention(c) (Int) -> Int32).self)

    /// A C library function by name, nil when this C library has none.
    private static func function<F>(_ name: String, as type: F.Type) -> F? {
        #if canImport(Glibc)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
        #else
        return nil
        #endif
    }
}
