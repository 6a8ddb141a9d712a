import Foundation
import Testing
import AcumenCore

/// The bar, through the built binary: a CDNOW-layout file (generated here, ending in
/// the past) imported with `acumen import`, then `acumen report --as-of 1998-01-01
/// --compare-as-of 1997-07-01 --format json`: every migration's row sums are the earlier
/// date's tier and ABC counts, and its column sums the later date's, as plain `acumen report
/// --format json` gives them at each date — with the lifetime-value fit at both dates.
@Suite struct CompareCDNOWTests {
    /// CDNOW layout (`id yyyyMMdd quantity amount`): 80 customers, each starting in a month of
    /// 1997 (so some are new between the dates), buying every few months until one stops.
    static func cdnow() -> String {
        var lines: [String] = []
        for c in 1...80 {
            let first = c % 12, last = c % 5 == 0 ? 9 + c % 4 : 17
            for m in stride(from: first, through: last, by: 1 + c % 3) {
                let year = 1997 + m / 12, month = m % 12 + 1
                lines.append(String(format: "%05d %04d%02d%02d %d %.2f", c, year, month, 1 + (c * 5 + m) % 28, 1 + c % 4, Double(c * 7 % 90 + m * 3) + 0.49))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func json(_ args: [String]) throws -> JSONValue {
        let r = try ChildProcess.run(acumenBinary(), args, timeout: 120)
        #expect(r.status == 0, "\(args): \(r.error)")
        return try JSONParser.parse(Array(r.output.utf8))
    }

    @Test func migrationSumsEqualEachDatesReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-cdnow-compare-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.cdnow().write(toFile: dir + "/CDNOW_master.txt", atomically: false, encoding: .utf8)
        let ws = dir + "/ws"
        let imported = try ChildProcess.run(acumenBinary(), ["import", ws, "--transactions", dir + "/CDNOW_master.txt"], timeout: 120)
        try #require(imported.status == 0, "\(imported.error)")
        let v = try json(["report", ws, "--as-of", "1998-01-01", "--compare-as-of", "1997-07-01", "--format", "json"])
        #expect(v["kind"]?.stringValue == "acumen.comparison")
        #expect(v["earlier"]?["asOf"]?.stringValue == "1997-07-01" && v["later"]?["asOf"]?.stringValue == "1998-01-01")
        #expect(v["customerCount"]?.intValue == 80)
        #expect((v["newCustomers"]?["count"]?.intValue ?? 0) > 0, "the data has customers new between the dates")
        for (date, sums) in [("1997-07-01", "rowSums"), ("1998-01-01", "columnSums")] {
            let plain = try json(["report", ws, "--as-of", date, "--format", "json"])
            for (name, key) in [("tiers", "tiers"), ("abc", "abc")] {
                let want = plain["summary"]?[key]?.arrayValue?.compactMap { $0["customers"]?.intValue }
                let got = v["migration"]?[name]?[sums]?.arrayValue?.compactMap(\.intValue)
                #expect(want != nil && got == want, "\(name) \(sums) at \(date)")
                #expect(got?.reduce(0, +) == 80)
            }
        }
    }
}
