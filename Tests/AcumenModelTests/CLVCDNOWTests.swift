import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Reproduces the published fits on the CDNOW 2,357-customer sample (39-week calibration
/// ending 1997-09-30) from the committed summary fixture.
@Suite struct CLVCDNOWTests {
    struct Row { var x: Int; var tx: Double; var T: Double; var spendCents: Int; var holdout: Int }

    static let rows: [Row] = CLVCDNOWFixture.text.split(whereSeparator: { $0 == ";" || $0 == "\n" }).compactMap { entry in
        let v = entry.split(separator: " ").compactMap { Int($0) }
        guard v.count == 5 else { return nil }
        return Row(x: v[0], tx: Double(v[1]), T: Double(v[2]), spendCents: v[3], holdout: v[4])
    }

    @Test func fixtureHasTheSample() {
        #expect(Self.rows.count == 2357)
        #expect(Self.rows.reduce(0) { $0 + $1.x } == 2457)
        #expect(Self.rows.filter { $0.x == 0 }.count == 1411)
    }

    /// FHL 2005: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 (weeks).
    @Test func bgnbdMatchesFaderHardieLee2005() throws {
        let fit = try BGNBDFitter.fit(x: Self.rows.map(\.x), tx: Self.rows.map { $0.tx / 7 }, T: Self.rows.map { $0.T / 7 }, unit: .weeks)
        let p = fit.parameters
        #expect(abs(p.r - 0.243) < 0.0015)
        #expect(abs(p.alpha - 4.414) < 0.01)
        #expect(abs(p.a - 0.793) < 0.005)
        #expect(abs(p.b - 2.426) < 0.02)
        #expect(abs(fit.logLikelihood - -9582.4) < 0.1)
        #expect(fit.diagnostics.converged)
        print("CDNOW BG/NBD", p, fit.logLikelihood, fit.diagnostics)
    }

    /// Fader & Hardie 2013 / CLVTools: p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat buyers.
    @Test func gammaGammaMatchesFaderHardie2013() throws {
        let repeaters = Self.rows.filter { $0.x > 0 }
        let fit = try GammaGammaFitter.fit(x: repeaters.map(\.x), meanSpend: repeaters.map { Double($0.spendCents) / 100 / Double($0.x) })
        let p = fit.parameters
        #expect(abs(p.p - 6.25) < 0.01)
        #expect(abs(p.q - 3.74) < 0.01)
        #expect(abs(p.gamma - 15.44) < 0.05)
        print("CDNOW GG", p, fit.logLikelihood, fit.frequencySpendCorrelation, fit.diagnostics)
    }
}
