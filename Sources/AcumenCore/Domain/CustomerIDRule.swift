/// What a customer id may contain: any text but control characters.
///
/// Ids are shown in every screen, report and error message and used as keys in files; a NUL,
/// a line end, an escape or any other C0/C1 control character (U+0000–U+001F, U+007F–U+009F)
/// would break lines, terminals or other programs reading the files, so import and load refuse
/// them with the position of the id.
public enum CustomerIDRule {
    /// Why these UTF-8 bytes are not an acceptable id, or nil when they are.
    @inline(__always)
    public static func problem<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        var previous: UInt8 = 0
        for b in bytes {
            if b < 0x20 || b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F) {
                // The id is quoted as it is: every output for terminals sanitises it (shows the escape).
                let shown = String(decoding: bytes.prefix(80), as: UTF8.self)
                return "the customer id \"\(shown)\" contains a control character (\(describe(b, after: previous))); ids must be printable text"
            }
            previous = b
        }
        return nil
    }

    /// Why this id is not acceptable, or nil when it is.
    public static func problem(_ id: String) -> String? { problem(id.utf8) }

    private static func describe(_ b: UInt8, after previous: UInt8) -> String {
        switch b {
        case 0x00: "NUL"
        case 0x0A: "a line feed"
        case 0x0D: "a carriage return"
        case 0x09: "a tab"
        case 0x1B: "an escape"
        default: previous == 0xC2 ? "U+00" + hex(b) : "U+00" + hex(b)
        }
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}
