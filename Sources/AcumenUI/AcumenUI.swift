import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Namespace marker for the UI module (screens are added by the front-end work).
public enum AcumenUIVersion {
    /// The version string shown in the help screen.
    public static let version = "0.1.0"
}
