/// Output bytes written in chunks: numbers formatted straight into bytes, and a buffer handed
/// to a sink whenever it passes ``chunkSize``, so a report of any length streams with
/// constant memory.
///
/// The number forms equal the text forms used elsewhere, byte for byte: ``appendInt(_:)`` is
/// `String(v)`, ``appendMoney(minor:)`` is ``Money/decimalText``, ``appendJSONNumber(_:)`` is
/// ``JSONValue/double(_:)``'s text, and ``appendDouble(_:)`` is `String(v)` (Swift's
/// shortest round-trip form, no Foundation formatter on the way).
public struct ByteOutput {
    /// Bytes not yet handed to the sink.
    public var bytes: [UInt8] = []
    /// The buffer is handed to the sink once it holds at least this many bytes.
    public let chunkSize: Int
    let sink: ([UInt8]) throws -> Void

    /// A buffer over a sink that receives each chunk once (and must not keep it).
    public init(chunkSize: Int = 1 << 20, sink: @escaping ([UInt8]) throws -> Void) {
        self.chunkSize = chunkSize
        self.sink = sink
        bytes.reserveCapacity(chunkSize + (chunkSize >> 2))
    }

    /// Hands the buffer to the sink when it is full.
    @inline(__always)
    public mutating func flushIfFull() throws {
        if bytes.count >= chunkSize { try flush() }
    }

    /// Hands whatever is buffered to the sink.
    public mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        try sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends UTF-8 text.
    @inline(__always)
    public mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes as they are.
    @inline(__always)
    public mutating func append(bytes more: [UInt8]) { bytes += more }

    /// Appends a string's UTF-8 bytes as they are (no escaping).
    @inline(__always)
    public mutating func appendUTF8(_ s: String) { bytes += s.utf8 }

    /// Appends an integer in decimal, as `String(v)`.
    public mutating func appendInt(_ v: Int) { Self.appendInt(v, to: &bytes) }

    /// Appends money as ``Money/decimalText`` (`-12.05`).
    public mutating func appendMoney(minor: Int64) {
        if minor < 0 { bytes.append(UInt8(ascii: "-")) }
        let mag = minor.magnitude
        Self.appendUnsigned(UInt64(mag / 100), to: &bytes)
        let cents = Int(mag % 100)
        bytes.append(UInt8(ascii: "."))
        bytes.append(48 + UInt8(cents / 10))
        bytes.append(48 + UInt8(cents % 10))
    }

    /// Appends a JSON number as ``JSONValue/double(_:)`` writes it (`null` when not finite).
    public mutating func appendJSONNumber(_ v: Double) {
        guard v.isFinite else { append("null"); return }
        if v == v.rounded(), abs(v) < 1e15 { Self.appendInt(Int(Int64(v)), to: &bytes); return }
        appendDouble(v)
    }

    /// Appends `String(v)`: Swift's shortest text that reads back as `v` (`100.0`, `0.1234`).
    public mutating func appendDouble(_ v: Double) {
        // Short descriptions are small strings: no allocation.
        var s = v.description
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a quoted, escaped JSON string (``JSONWriter/writeString(_:into:)``).
    public mutating func appendJSONString(_ s: String) { JSONWriter.writeString(s, into: &bytes) }

    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        appendUnsigned(UInt64(v.magnitude), to: &out)
    }

    static func appendUnsigned(_ v: UInt64, to out: inout [UInt8]) {
        if v < 10 { out.append(48 + UInt8(v)); return }
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // 32 bytes, enough for 20 digits
        var n = v, count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while n > 0 {
                buf[31 - count] = 48 + UInt8(n % 10)
                n /= 10
                count += 1
            }
            out.append(contentsOf: buf[(32 - count)...])
        }
    }
}
