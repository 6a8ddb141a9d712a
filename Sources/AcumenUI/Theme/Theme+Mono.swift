extension Theme {
    /// The built-in monochrome theme (attributes only), used when colour is off (`NO_COLOR`,
    /// a monochrome terminal) and `themes/mono.json` cannot be read; the file holds the same
    /// values (a test checks it). Meaning is carried by reverse/bold/underline and glyphs.
    public static let mono = Theme(name: "mono", usesColor: false, styles: [
        .normal: RoleStyle(),
        .header: RoleStyle(bold: true, reverse: true),
        .title: RoleStyle(bold: true, underline: true),
        .breadcrumb: RoleStyle(reverse: true),
        .selection: RoleStyle(reverse: true),
        .marked: RoleStyle(bold: true),
        .markedSelection: RoleStyle(bold: true, reverse: true),
        .muted: RoleStyle(dim: true),
        .accent: RoleStyle(bold: true, underline: true),
        .warning: RoleStyle(bold: true),
        .error: RoleStyle(bold: true, reverse: true),
        .positive: RoleStyle(),
        .negative: RoleStyle(bold: true),
        .tierKey: RoleStyle(bold: true),
        .tierGrowth: RoleStyle(bold: true),
        .tierCore: RoleStyle(),
        .tierTail: RoleStyle(dim: true),
        .bar: RoleStyle(),
        .chart: RoleStyle(),
        .heat0: RoleStyle(dim: true),
        .heat1: RoleStyle(),
        .heat2: RoleStyle(underline: true),
        .heat3: RoleStyle(bold: true),
        .heat4: RoleStyle(bold: true, reverse: true),
        .statusBar: RoleStyle(reverse: true),
        .footer: RoleStyle(reverse: true),
        .footerKey: RoleStyle(bold: true, reverse: true),
        .overlay: RoleStyle(),
        .overlayTitle: RoleStyle(bold: true, reverse: true),
        .overlaySelection: RoleStyle(reverse: true),
        .input: RoleStyle(underline: true),
    ], glyphOverrides: ["mark": "*"], tierMarkers: ["◆", "▲", "●", "·"])

    /// Folders searched for `NAME.json`, first match wins: `$ACUMEN_THEMES`, the user's
    /// `~/.config/acumen/themes`, `share/acumen/themes` beside the binary's folder, and a
    /// `themes` folder in the binary's folder or up to four folders above (a source checkout).
    public static func searchPath(executable: String, environment env: [String: String]) -> [String] {
        var path: [String] = []
        if let d = env["ACUMEN_THEMES"], !d.isEmpty { path.append(d) }
        if let x = env["XDG_CONFIG_HOME"], !x.isEmpty { path.append(x + "/acumen/themes") } else if let h = env["HOME"], !h.isEmpty {
            path.append(h + "/.config/acumen/themes")
        }
        var dir = String(executable.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))
        if dir.isEmpty { dir = "." }
        path.append(dir + "/../share/acumen/themes")
        var up = dir
        for _ in 0...4 {
            path.append(up + "/themes")
            up += "/.."
        }
        return path
    }
}
