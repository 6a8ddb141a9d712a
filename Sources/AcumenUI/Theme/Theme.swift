/// How one style role looks: colours and attributes.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: ThemeColor = .terminalDefault
    public var background: ThemeColor = .terminalDefault
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    public init(_ fg: ThemeColor = .terminalDefault, _ bg: ThemeColor = .terminalDefault,
                bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        foreground = fg; background = bg
        self.bold = bold; self.dim = dim; self.reverse = reverse; self.underline = underline
    }
}

/// A theme: a style per semantic role and glyph overrides, loaded from `themes/NAME.json`
/// by ``ThemeLoader``. Roles a theme leaves out look as in ``fallback``.
public struct Theme: Hashable, Sendable {
    public var name: String
    /// Whether the theme uses colour at all (`mono` does not: meaning is carried by
    /// attributes and glyphs).
    public var usesColor: Bool
    public var styles: [StyleRole: RoleStyle]
    /// Glyph overrides applied over the Unicode glyph set (ignored in ASCII mode).
    public var glyphOverrides: [String: String]
    /// Tier markers overriding the glyph set's, if any.
    public var tierMarkers: [String]?

    public init(name: String, usesColor: Bool = true, styles: [StyleRole: RoleStyle] = [:],
                glyphOverrides: [String: String] = [:], tierMarkers: [String]? = nil) {
        self.name = name; self.usesColor = usesColor; self.styles = styles
        self.glyphOverrides = glyphOverrides; self.tierMarkers = tierMarkers
    }

    /// The style of a role (the fallback theme's if this theme leaves it out).
    public func style(_ role: StyleRole) -> RoleStyle {
        styles[role] ?? Theme.fallback.styles[role] ?? RoleStyle()
    }

    /// The glyph set for this theme: ASCII as is, or Unicode with this theme's overrides.
    public func glyphs(ascii: Bool) -> GlyphSet {
        if ascii { return .ascii }
        var g = GlyphSet.unicode
        for (k, v) in glyphOverrides where DisplayWidth.of(v) == 1 || k == "breadcrumbSeparator" { _ = g.set(k, v) }
        if let t = tierMarkers, !t.isEmpty, t.allSatisfy({ DisplayWidth.of($0) == 1 }) { g.tierMarkers = t }
        return g
    }

    /// The built-in default theme, used when no theme file can be read; `themes/default.json`
    /// holds the same values (a test checks it).
    public static let fallback = Theme(name: "default", usesColor: true, styles: [
        .normal: RoleStyle(),
        .header: RoleStyle(.indexed(15), .indexed(24), bold: true),
        .title: RoleStyle(.indexed(15), bold: true),
        .breadcrumb: RoleStyle(.indexed(15), .indexed(236)),
        .selection: RoleStyle(.indexed(16), .indexed(117)),
        .marked: RoleStyle(.indexed(220), bold: true),
        .markedSelection: RoleStyle(.indexed(16), .indexed(220), bold: true),
        .muted: RoleStyle(.indexed(244)),
        .accent: RoleStyle(.indexed(81), bold: true),
        .warning: RoleStyle(.indexed(214), bold: true),
        .error: RoleStyle(.indexed(15), .indexed(124), bold: true),
        .positive: RoleStyle(.indexed(78)),
        .negative: RoleStyle(.indexed(203)),
        .tierKey: RoleStyle(.indexed(220), bold: true),
        .tierGrowth: RoleStyle(.indexed(78)),
        .tierCore: RoleStyle(.indexed(75)),
        .tierTail: RoleStyle(.indexed(244)),
        .bar: RoleStyle(.indexed(75)),
        .chart: RoleStyle(.indexed(117)),
        .heat0: RoleStyle(.indexed(250), .indexed(235)),
        .heat1: RoleStyle(.indexed(16), .indexed(24)),
        .heat2: RoleStyle(.indexed(16), .indexed(31)),
        .heat3: RoleStyle(.indexed(16), .indexed(38)),
        .heat4: RoleStyle(.indexed(16), .indexed(87), bold: true),
        .statusBar: RoleStyle(.indexed(15), .indexed(238)),
        .footer: RoleStyle(.indexed(250), .indexed(235)),
        .footerKey: RoleStyle(.indexed(220), .indexed(235), bold: true),
        .overlay: RoleStyle(.indexed(252), .indexed(237)),
        .overlayTitle: RoleStyle(.indexed(15), .indexed(24), bold: true),
        .overlaySelection: RoleStyle(.indexed(16), .indexed(117)),
        .input: RoleStyle(.indexed(15), .indexed(236), underline: true),
    ])
}
