import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore
@testable import AcumenUI

/// The theme loader under hostile input: the seeded mutations of the workspace fuzz test
/// (`ThemeFuzzMutator.swift` is a link to it) applied to the shipped theme files. Every input
/// loads or fails with the file and a line inside it; none crashes or hangs.
@Suite struct ThemeFuzzTests {
    static let themes: [[UInt8]] = ["default", "light", "high-contrast", "mono"].compactMap { name in
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes/\(name).json").path
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    @Test func mutatedThemesLoadOrFailWithAPosition() {
        #expect(Self.themes.count == 4)
        var mutator = Mutator(rng: SeededGenerator(seed: 11))
        let inputs = Int(ProcessInfo.processInfo.environment["ACUMEN_FUZZ_INPUTS"] ?? "") ?? 2000
        for n in 0..<inputs {
            let seed = Self.themes[n % Self.themes.count]
            let (input, kinds) = mutator.mutate(seed, other: Self.themes[(n / 4) % Self.themes.count])
            let lines = input.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            let started = Date()
            do {
                _ = try ThemeLoader.parse(input, file: "fuzz.json")
            } catch {
                #expect(error.file == "fuzz.json" && error.line >= 0 && error.line <= lines && !error.message.isEmpty,
                        "input \(n) (\(kinds)): \(error)")
            }
            #expect(Date().timeIntervalSince(started) < 1, "input \(n) (\(kinds)) was slow")
        }
    }
}
