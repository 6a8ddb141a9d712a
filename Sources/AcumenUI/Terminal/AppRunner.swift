/// The main loop: read an event → action → update → run effects → render → draw the diff.
public enum AppRunner {
    /// Runs until the state quits or input ends. `perform` runs the effects that need the
    /// outside world (loading a profile …) and returns the actions that carry their results.
    /// - Parameter background: work running off the input path (a lifetime-value fit on a
    ///   large workspace); while it runs the loop wakes every 100 ms to collect its result,
    ///   so keys are never held up by it.
    public static func run(_ state: inout AppState, terminal: any Terminal, background: BackgroundWork? = nil,
                           perform: (Effect) -> [Action]) {
        let (w, h) = terminal.size
        if w != state.width || h != state.height { dispatch(.resize(width: w, height: h), &state, terminal, perform) }
        terminal.pollMilliseconds = background?.isRunning == true ? 100 : nil
        draw(state, terminal)
        while !state.isQuitting, let event = terminal.nextEvent() {
            if let action = event.action { dispatch(action, &state, terminal, perform) }
            if let background {
                for action in background.collect() { dispatch(action, &state, terminal, perform) }
                terminal.pollMilliseconds = background.isRunning ? 100 : nil
            }
            if state.isQuitting { break }
            draw(state, terminal)
        }
    }

    /// Applies an action and every action its effects produce, in order.
    public static func dispatch(_ action: Action, _ state: inout AppState, _ terminal: any Terminal,
                                _ perform: (Effect) -> [Action]) {
        var queue = [action]
        var k = 0
        while k < queue.count {
            for effect in state.update(queue[k]) {
                switch effect {
                case .quit: state.isQuitting = true
                case .repaint: terminal.invalidate()
                case .suspend: terminal.suspend(); terminal.invalidate()
                case .setMouse(let on): terminal.setMouse(on)
                case .loadProfile, .workflow, .export: queue += perform(effect)
                }
            }
            k += 1
        }
    }

    /// Renders the state and draws it.
    public static func draw(_ state: AppState, _ terminal: any Terminal) {
        var grid = CellGrid(width: state.width, height: state.height)
        state.render(into: &grid)
        terminal.draw(grid)
        terminal.flush()
    }
}
