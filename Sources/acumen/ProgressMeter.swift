import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI

/// Prints import progress to standard error: a percentage updated in place on a terminal (or
/// one line per 10% with `--progress` when stderr is not a terminal), shown only once the
/// work has taken more than a second.
final class ProgressMeter {
    private let isTerminal: Bool
    private let enabled: Bool
    private let start = ContinuousClock.now
    private var lastShown = -1
    private var shownAnything = false

    init(force: Bool) {
        isTerminal = isatty(2) == 1
        enabled = force || isTerminal
    }

    /// Receives a progress report from the importer.
    func report(_ p: ImportProgress) {
        guard enabled, ContinuousClock.now - start > .seconds(1) || shownAnything else { return }
        let percent = Int(p.fraction * 100)
        let label: String
        switch p.phase {
        case .reading(let file): label = "reading " + TextSanitizer.sanitize(file)
        case .writing: label = "writing the workspace"
        }
        if isTerminal {
            guard percent != lastShown else { return }
            printErrorRaw("\r\u{1B}[K\(label): \(percent)%")
        } else {
            guard percent / 10 != lastShown / 10 || percent == 100 && lastShown != 100 else { return }
            printErrorRaw("\(label): \(percent)%\n")
        }
        lastShown = percent
        shownAnything = true
    }

    /// Clears the progress line.
    func finish() {
        if shownAnything, isTerminal { printErrorRaw("\r\u{1B}[K") }
        lastShown = -1
    }
}

