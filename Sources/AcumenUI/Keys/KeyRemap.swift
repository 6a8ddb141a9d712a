import AcumenCore

/// The user's key remapping: `$XDG_CONFIG_HOME/acumen/keys.json`, else
/// `~/.config/acumen/keys.json` — terminals and tmux take some keys for themselves, and muscle
/// memory differs.
///
/// Format: one object, command name → key name or list of key names, e.g.
/// `{"decide-grow": "w", "quit": ["Q", "Ctrl-Q"]}`. Names are those of `acumen keys`
/// (`Ctrl-W`, `Space`, `PgDn`, `F5`). A remapped command's keys replace its default keys in
/// every context it is bound in. The result must pass the same ``KeyCollisions`` rules as the
/// built-in map; otherwise — or on any unknown command, key or JSON error — nothing is remapped
/// and the message says why (the file, and the line where it can tell).
public enum KeyRemap {
    /// Where the file is looked for, given the environment.
    public static func path(environment: [String: String]) -> String? {
        if let x = environment["XDG_CONFIG_HOME"], !x.isEmpty { return x + "/acumen/keys.json" }
        if let h = environment["HOME"], !h.isEmpty { return h + "/.config/acumen/keys.json" }
        return nil
    }

    /// The key map in effect: the defaults remapped by the file, if there is one and it is
    /// sound; else the defaults and the reason (nil reason when there is no file).
    /// - Parameter read: a file's bytes, or nil when it does not exist (the file-system seam).
    public static func load(environment: [String: String], read: (String) -> [UInt8]?) -> (bindings: KeyBindings, problem: String?) {
        guard let file = path(environment: environment), let bytes = read(file) else { return (.defaults, nil) }
        switch apply(bytes, file: file) {
        case .success(let b): return (b, nil)
        case .failure(let f): return (.defaults, f.message + "; using the default keys")
        }
    }

    /// A problem with a remapping file.
    public struct Failure: Error, Hashable, Sendable {
        public var message: String
    }

    /// The default map with the remapping in `bytes` applied, or what is wrong with it.
    public static func apply(_ bytes: [UInt8], file: String, to base: KeyBindings = .defaults) -> Result<KeyBindings, Failure> {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            return .failure(Failure(message: "\(file):\(error.line): \(error.message)"))
        }
        guard let object = root.objectValue else { return .failure(Failure(message: "\(file): expected an object of command name → key")) }
        var table = base.table
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            guard let command = Command(rawValue: name) else {
                return .failure(Failure(message: "\(file): unknown command \"\(TextSanitizer.sanitize(name))\" (acumen keys lists them)"))
            }
            guard let names = value.stringValue.map({ [$0] }) ?? value.arrayValue?.compactMap(\.stringValue),
                  !names.isEmpty, names.count == (value.arrayValue?.count ?? 1) else {
                return .failure(Failure(message: "\(file): \(name): expected a key name or a list of key names"))
            }
            var keys: [Key] = []
            for n in names {
                guard let k = Key(name: n) else {
                    return .failure(Failure(message: "\(file): \(name): unknown key \"\(TextSanitizer.sanitize(n))\" (names as in acumen keys: w, Ctrl-W, Space, PgDn, F5)"))
                }
                if !keys.contains(k) { keys.append(k) }
            }
            for i in table.indices where table[i].command == command { table[i].keys = keys }
        }
        let problems = KeyCollisions.problems(in: table)
        guard problems.isEmpty else { return .failure(Failure(message: "\(file): " + problems.joined(separator: "; "))) }
        return .success(KeyBindings(table))
    }
}
