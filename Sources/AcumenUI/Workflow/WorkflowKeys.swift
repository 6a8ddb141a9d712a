/// The key-map rows of the edit workflows: bulk edits on the accounts list, edits from the
/// profile, the triage and the weights screens. Appended to ``KeyMap/table``.
enum WorkflowKeys {
    static let bindings: [KeyBinding] = [
        // Accounts: bulk actions on the marked rows (the cursor row when none is marked).
        KeyBinding([.char("T")], .triageSelection, .accounts, "Triage the marked rows (else the filtered rows)"),
        KeyBinding([.char("o")], .setOwner, .accounts, "Set the owner of the marked rows"),
        KeyBinding([.char("e")], .addNote, .accounts, "Add a note to the marked rows"),
        KeyBinding([.char("t")], .setTags, .accounts, "Set the tags of the marked rows (comma separated)"),
        KeyBinding([.char("O")], .overrideStrategy, .accounts, "Override the strategy of the marked rows (with a reason)"),
        KeyBinding([.char("b")], .toggleBaselineDeltas, .accounts, "Show/hide Δscore and Δrank against the what-if baseline"),
        KeyBinding([.char("b")], .toggleBaselineDeltas, .portfolio, "Show/hide tier-share Δ against the what-if baseline"),
        // Profile: edits of the account shown.
        KeyBinding([.char("r")], .rate, .profile, "Rate a criterion 0–10 (`risk 4`; `risk ?` makes it unknown)"),
        KeyBinding([.char("o")], .setOwner, .profile, "Set the owner"),
        KeyBinding([.char("t")], .setTags, .profile, "Set the tags (comma separated)"),
        KeyBinding([.char("e")], .addNote, .profile, "Add a note"),
        KeyBinding([.char("O")], .overrideStrategy, .profile, "Override the strategy (`grow: reason`; `none` clears)"),
        KeyBinding([.char("T")], .overrideTier, .profile, "Override the tier (`Key: reason`; `none` clears)"),
        // Triage.
        KeyBinding([.char("a")], .accept, .triage, "Accept the recommendation", hint: "accept"),
        // w, not g: g is "first row" on every screen (KeyCollisions).
        KeyBinding([.char("w")], .decideGrow, .triage, "Decide grow (asks a reason when not recommended)", hint: "grow"),
        KeyBinding([.char("m")], .decideMaintain, .triage, "Decide maintain (asks a reason when not recommended)", hint: "maint."),
        KeyBinding([.char("n")], .decideNurture, .triage, "Decide nurture (asks a reason when not recommended)", hint: "nurture"),
        KeyBinding([.char("c")], .decideCutCost, .triage, "Decide cut cost (asks a reason when not recommended)", hint: "cut"),
        KeyBinding([.char("s")], .skip, .triage, "Skip: next account, no decision", hint: "skip"),
        KeyBinding([.char("e")], .addNote, .triage, "Add a note to the account", hint: "note"),
        KeyBinding([.char("p"), .backspace], .jumpBack, .triage, "Jump back to the previous account", hint: "back"),
        KeyBinding([.char("o")], .triageOrder, .triage, "Order the queue by score, name, tier, recommendation or as given"),
        // Weights.
        KeyBinding([.char("+"), .char("=")], .increaseWeight, .weights, "Increase the weight by 1", hint: "+1"),
        KeyBinding([.char("-")], .decreaseWeight, .weights, "Decrease the weight by 1", hint: "-1"),
        KeyBinding([.enter], .typeWeight, .weights, "Type the weight in digits", hint: "type"),
        KeyBinding([.char("0")], .resetWeight, .weights, "Reset the weight to the baseline's", hint: "reset"),
        KeyBinding([.char("x")], .revertWeights, .weights, "Revert every weight to the baseline"),
        KeyBinding([.char("p")], .pinBaseline, .weights, "Pin the current weights as the baseline", hint: "pin"),
        KeyBinding([.char("S")], .saveScenario, .weights, "Save the weights as a named scenario", hint: "save as"),
        KeyBinding([.char("]")], .nextScenario, .weights, "Try the next weight set: default, then each saved scenario"),
        KeyBinding([.char("[")], .previousScenario, .weights, "Try the previous weight set (default or a saved scenario)"),
        KeyBinding([.char("R")], .renameScenario, .weights, "Rename the saved scenario being tried (undoable)"),
        KeyBinding([.char("D")], .deleteScenario, .weights, "Delete the saved scenario being tried (u undoes it)"),
        KeyBinding([.tab, .backTab], .nextSection, .weights, "Narrow: keys to the results below (j/k scroll), and back"),
        KeyBinding([.char("A")], .applyScenario, .weights, "Apply the weights as the workspace default (undoable)"),
        KeyBinding([.char("c")], .compareScenarios, .weights, "Compare two weight sets side by side (default, scenarios, trial)", hint: "compare"),
        KeyBinding([.char("]")], .nextScenario, .scenarios, "Compare with the next weight set (right side)", hint: "right"),
        KeyBinding([.char("[")], .previousScenario, .scenarios, "Compare with the previous weight set (right side)"),
        KeyBinding([.char(">")], .nextBaseScenario, .scenarios, "Compare from the next weight set (left side)", hint: "left"),
        KeyBinding([.char("<")], .previousBaseScenario, .scenarios, "Compare from the previous weight set (left side)"),
        KeyBinding([.char("R")], .renameScenario, .scenarios, "Rename the saved scenario on the right, else left"),
        KeyBinding([.char("D")], .deleteScenario, .scenarios, "Delete the saved scenario on the right, else left (u undoes)"),
    ]
}
