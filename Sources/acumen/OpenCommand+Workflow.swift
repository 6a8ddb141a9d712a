import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI

/// The edit session and workflow shell for `acumen open`, over the analysis already made for
/// the first screen.
func makeWorkflowShell(_ store: WorkspaceStore, analysis: PortfolioAnalysis) -> WorkflowShell {
    let session = EditSession(store: store, author: currentAuthor())
    return WorkflowShell(session: session, analysis: analysis, clock: now) { w, a in
        WorkspaceView(workspace: w, analysis: a).accountTable()
    }
}
