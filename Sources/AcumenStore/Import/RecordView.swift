import AcumenCore
import AcumenAnalytics
/// Where one field's bytes are: in the input file, or in a scratch buffer when they had to be
/// rewritten (doubled quotes, JSON string escapes).
struct FieldSpan {
    var start: Int
    var end: Int
    var inScratch: Bool
    /// Offset in the input file the field is reported at (its first byte or opening quote).
    var sourceOffset: Int
}

/// One record of an input file as field byte ranges, valid only during the callback that
/// receives it. Reading a field creates no `String`.
struct RecordView {
    let file: UnsafeBufferPointer<UInt8>
    let scratch: UnsafeBufferPointer<UInt8>
    let fields: [FieldSpan]
    /// 1-based line the record starts on.
    let line: Int
    /// Offset of the record's first byte in the file.
    let start: Int

    /// Number of fields.
    @inline(__always) var count: Int { fields.count }

    /// The bytes of field `k` (0-based).
    @inline(__always)
    func field(_ k: Int) -> UnsafeBufferPointer<UInt8> {
        let f = fields[k]
        let base = f.inScratch ? scratch : file
        return UnsafeBufferPointer(rebasing: base[f.start..<f.end])
    }

    /// Field `k` as text (for messages, headers and customer master data).
    func text(_ k: Int) -> String { String(decoding: field(k), as: UTF8.self) }

    /// Every field as text.
    var texts: [String] { (0..<count).map(text) }
}
