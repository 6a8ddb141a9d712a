/// The memory behind a ``Column``: a buffer allocated here (writable, freed with the storage)
/// or a view into read-only memory that another object keeps alive (a memory-mapped cache,
/// unmapped when the last column viewing it goes).
///
/// A column only ever writes into storage it owns alone (`isOwned` and uniquely referenced);
/// anything else is copied into a new owned buffer first (copy on write).
@usableFromInline
final class ColumnStorage: @unchecked Sendable {
    /// First byte.
    @usableFromInline let start: UnsafeMutableRawPointer
    /// Bytes usable from ``start``.
    @usableFromInline let byteCapacity: Int
    /// True when the memory was allocated here (writable, freed in `deinit`).
    @usableFromInline let isOwned: Bool
    /// What keeps viewed memory alive (nil for owned storage).
    private let keeper: AnyObject?

    /// A new writable buffer of at least `byteCapacity` bytes aligned to `alignment`.
    @usableFromInline
    init(byteCapacity: Int, alignment: Int) {
        self.byteCapacity = byteCapacity
        start = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(byteCapacity, 1), alignment: Swift.max(alignment, 16))
        isOwned = true
        keeper = nil
    }

    /// A read-only view of `bytes`, valid as long as `keeper` lives.
    init(viewing bytes: UnsafeRawBufferPointer, keeper: AnyObject) {
        // A view is never written through (``isOwned`` is false): the mutable pointer only
        // gives owned and viewed storage one representation.
        start = UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 16).unsafelyUnwrapped)
        byteCapacity = bytes.count
        isOwned = false
        self.keeper = keeper
    }

    deinit {
        if isOwned { start.deallocate() }
    }

    /// Gives back the resident pages of viewed memory whose keeper maps it from a file
    /// (``MappedPages``): the whole mapping, or only the pages wholly inside `bytes`. Owned
    /// memory is untouched.
    func releaseResidentPages(_ bytes: UnsafeRawBufferPointer? = nil) {
        guard let mapped = keeper as? any MappedPages else { return }
        if let bytes { mapped.releaseResidentPages(in: bytes) } else { mapped.releaseResidentPages() }
    }
}

/// Memory mapped read-only from a file, whose resident pages the process can give back: they
/// stay in the page cache and are mapped again, from there, on the next read.
package protocol MappedPages: AnyObject {
    /// Drops the mapping's pages from this process's resident memory (`madvise(MADV_DONTNEED)`).
    func releaseResidentPages()
    /// Drops the pages wholly inside `bytes` (a part of the mapping).
    func releaseResidentPages(in bytes: UnsafeRawBufferPointer)
}
