import Foundation
import Testing
@testable import AcumenUI

/// No screen writes another screen's state: read from the sources (as ModuleBoundaryTests reads
/// the model's imports), no file under `Sources/AcumenUI/Screens/<X>/` assigns to, mutates or
/// passes `inout` another screen's sub-state of ``AppState``, or calls another screen's
/// mutating update. Drill-ins and the profile's next account go through the root as ``Intent``s.
@Suite struct ScreenBoundaryTests {
    static let screens = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/AcumenUI/Screens")

    /// Each screen folder and the properties of ``AppState`` that are its state. A new screen
    /// folder must be listed here (the test says so).
    static let owners: [String: [String]] = [
        "Accounts": ["accounts"], "Portfolio": ["portfolio"], "Profile": ["profile", "profileTop"],
        "Triage": ["triage"], "Weights": ["weights"], "Scenarios": ["scenarios"], "Changes": ["changes"],
        "Time": ["time"],
    ]

    /// Methods that change a value in place: the standard collection ones and every `mutating
    /// func` declared in the UI's sources.
    static let standardMutators = ["append", "insert", "remove", "removeAll", "removeLast", "removeFirst", "popLast",
                                   "removeSubrange", "formUnion", "formIntersection", "subtract", "swapAt", "sort",
                                   "reverse", "toggle", "merge", "updateValue", "removeValue"]

    /// The Swift source with comments and string literals blanked (so prose never matches).
    static func code(_ source: String) -> String {
        var out = ""
        var it = Array(source)
        var k = 0
        while k < it.count {
            if it[k] == "/", k + 1 < it.count, it[k + 1] == "/" {
                while k < it.count, it[k] != "\n" { k += 1 }
                continue
            }
            if it[k] == "/", k + 1 < it.count, it[k + 1] == "*" {
                k += 2
                while k + 1 < it.count, !(it[k] == "*" && it[k + 1] == "/") { k += 1 }
                k += 2
                continue
            }
            if it[k] == "\"" {
                out.append("\"")
                k += 1
                while k < it.count, it[k] != "\"", it[k] != "\n" { if it[k] == "\\" { k += 1 }; k += 1 }
                out.append("\"")
                k += 1
                continue
            }
            out.append(it[k])
            k += 1
        }
        it = []
        return out
    }

    /// The names of `mutating func`s declared in a source.
    static func mutatingFunctions(_ source: String) -> Set<String> {
        Set(matches(#"mutating\s+func\s+(\w+)"#, in: code(source)).map { $0[1] })
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    /// The lines of `source` (in screen folder `folder`) that write another screen's state.
    /// - Parameters:
    ///   - foreignFunctions: mutating functions declared in other screens' folders only.
    ///   - mutators: names of methods that change their receiver.
    static func violations(in source: String, folder: String, foreignFunctions: Set<String>, mutators: Set<String>) -> [String] {
        let others = owners.filter { $0.key != folder }.flatMap(\.value)
        let path = #"(?:\s*\??\s*\.\s*\w+|\s*\[[^\]\n]*\])*"#
        var out: [String] = []
        for (n, line) in code(source).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let l = String(line)
            for p in others {
                let root = #"(?<![\w.$])(?<!let )(?<!var )(?:self\s*\.\s*)?"# + p
                let assigns = !matches(root + path + #"\s*(?:=(?!=)|\+=|-=|\*=|/=|%=|&=|\|=)"#, in: l).isEmpty
                let mutates = matches(root + path + #"\s*\??\s*\.\s*(\w+)\s*\("#, in: l).contains { mutators.contains($0[1]) }
                let passes = !matches(#"&\s*(?:self\s*\.\s*)?"# + p + #"\b"#, in: l).isEmpty
                if assigns || mutates || passes { out.append("\(folder):\(n + 1): writes \(p): \(l.trimmingCharacters(in: .whitespaces))") }
            }
            for m in matches(#"(?<![\w.$])(\w+)\s*\("#, in: l) where foreignFunctions.contains(m[1]) {
                out.append("\(folder):\(n + 1): calls another screen's \(m[1]): \(l.trimmingCharacters(in: .whitespaces))")
            }
        }
        return out
    }

    /// Every Swift file of every screen folder: folder → [(file, text)].
    static func sources() throws -> [String: [(String, String)]] {
        let folders = try FileManager.default.contentsOfDirectory(atPath: screens.path).filter {
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: screens.appendingPathComponent($0).path, isDirectory: &dir) && dir.boolValue
        }
        var out: [String: [(String, String)]] = [:]
        for f in folders {
            let dir = screens.appendingPathComponent(f)
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".swift") {
                out[f, default: []].append((file, try String(contentsOfFile: dir.appendingPathComponent(file).path, encoding: .utf8)))
            }
        }
        return out
    }

    @Test func everyScreenFolderNamesItsState() throws {
        let folders = try Self.sources().keys
        #expect(!folders.isEmpty)
        for f in folders { #expect(Self.owners[f] != nil, "Screens/\(f) is not in ScreenBoundaryTests.owners: list the AppState properties it owns") }
    }

    @Test func noScreenWritesAnotherScreensState() throws {
        let all = try Self.sources()
        let declared = all.mapValues { $0.reduce(into: Set<String>()) { $0.formUnion(Self.mutatingFunctions($1.1)) } }
        // Every mutating func of the UI (outside the screens too), for `x.f(…)` on a foreign state.
        var mutators = Set(Self.standardMutators)
        let ui = Self.screens.deletingLastPathComponent()
        let files = FileManager.default.enumerator(atPath: ui.path)?.compactMap { $0 as? String } ?? []
        #expect(!files.isEmpty, "no sources under \(ui.path)")
        for f in files where f.hasSuffix(".swift") {
            mutators.formUnion(Self.mutatingFunctions(try String(contentsOfFile: ui.appendingPathComponent(f).path, encoding: .utf8)))
        }
        var problems: [String] = []
        for (folder, files) in all {
            let own = declared[folder] ?? []
            let foreign = declared.filter { $0.key != folder }.values.reduce(into: Set<String>()) { $0.formUnion($1) }.subtracting(own)
            for (file, text) in files {
                problems += Self.violations(in: text, folder: folder, foreignFunctions: foreign, mutators: mutators).map { file + " " + $0 }
            }
        }
        #expect(problems.isEmpty, "\(problems.sorted().joined(separator: "\n"))")
    }

    /// The rule catches what the drill-ins used to do, and leaves reads, comments and strings alone.
    @Test func theCheckSeesWritesButNotReads() {
        let old = """
            mutating func drill() -> [Effect] {
                accounts.filter = q  // accounts.view = x
                self.accounts.filterHistory = []
                accounts.rebuild(table, resort: false)
                accounts.marks.insert(3)
                swap(&profileTop, &x)
                prepareWeights()
                let n = accounts.view.count; if accounts.cursor == 0 { say("accounts.cursor = 1") }
                let accounts = 3
                if case .profile(let row) = screen { portfolio.row = row }
            }
            """
        let v = Self.violations(in: old, folder: "Portfolio", foreignFunctions: ["prepareWeights"], mutators: ["rebuild", "insert"])
        #expect(v.map { String($0.split(separator: ":")[1]) } == ["2", "3", "4", "5", "6", "7"])
        #expect(v.allSatisfy { !$0.contains("writes portfolio") })
    }
}
