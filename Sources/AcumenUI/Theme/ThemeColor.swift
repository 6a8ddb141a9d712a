/// A colour as written in a theme file: the terminal default, one of the 16 named ANSI
/// colours, a 256-colour index, or 24-bit RGB (`#rrggbb`). The terminal layer reduces it to
/// what the terminal supports with ``index(forColorCount:)``.
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    /// ANSI names, index = colour number.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                                   "brightBlack", "brightRed", "brightGreen", "brightYellow", "brightBlue",
                                   "brightMagenta", "brightCyan", "brightWhite"]

    /// Parses `default`, an ANSI name, `0`–`255` or `#rrggbb`.
    public init?(parsing text: String) {
        if text == "default" { self = .terminalDefault; return }
        if let i = ThemeColor.ansiNames.firstIndex(of: text) { self = .indexed(i); return }
        if let n = Int(text), (0...255).contains(n) { self = .indexed(n); return }
        let hex = Array(text.utf8)
        guard hex.count == 7, hex[0] == UInt8(ascii: "#"), let v = UInt32(String(text.dropFirst()), radix: 16) else { return nil }
        self = .rgb(UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
    }

    /// The RGB value of a 256-colour palette index (xterm's palette).
    static func rgbOfIndex(_ i: Int) -> (Int, Int, Int) {
        let base: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
                                       (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
                                       (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        if i < 16 { return base[max(0, i)] }
        if i < 232 {
            let n = i - 16
            let level = [0, 95, 135, 175, 215, 255]
            return (level[n / 36], level[(n / 6) % 6], level[n % 6])
        }
        let g = 8 + (i - 232) * 10
        return (g, g, g)
    }

    /// The palette index to use on a terminal with `colors` colours (8, 16, 256 or more), or -1
    /// for the terminal default. RGB and high indices map to the nearest available colour.
    public func index(forColorCount colors: Int) -> Int {
        switch self {
        case .terminalDefault: return -1
        case .indexed(let i):
            if i < colors { return i }
            let (r, g, b) = ThemeColor.rgbOfIndex(i)
            return ThemeColor.nearest(r, g, b, among: min(colors, 256))
        case .rgb(let r, let g, let b):
            return ThemeColor.nearest(Int(r), Int(g), Int(b), among: min(colors, 256))
        }
    }

    /// The palette index below `count` closest to an RGB value (squared distance).
    static func nearest(_ r: Int, _ g: Int, _ b: Int, among count: Int) -> Int {
        guard count > 0 else { return -1 }
        var best = 0, bestD = Int.max
        // On 8/16-colour terminals compare with the basic palette; on 256 skip 0–15 (user-themed).
        let range = count > 16 ? 16..<count : 0..<count
        for i in range {
            let (pr, pg, pb) = rgbOfIndex(i)
            let d = (pr - r) * (pr - r) + (pg - g) * (pg - g) + (pb - b) * (pb - b)
            if d < bestD { bestD = d; best = i }
        }
        return best
    }
}
