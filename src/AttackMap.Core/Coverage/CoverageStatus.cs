namespace AttackMap.Coverage;

/// <summary>How well a technique is covered by the rules and the enabled log sources, strongest first.</summary>
public enum CoverageStatus
{
    /// <summary>At least one direct-detection rule reads an enabled log source.</summary>
    Direct = 0,

    /// <summary>Only correlation-context or precondition rules read enabled log sources; a finding needs correlation.</summary>
    CorrelationOnly = 1,

    /// <summary>Only needs-review rules read enabled log sources; an analyst must confirm each hit.</summary>
    NeedsReview = 2,

    /// <summary>
    /// Rules map the technique, but none of their log sources is enabled; or no rule maps it and none of the tables that
    /// would show the log sources ATT&amp;CK's analytics name for it is enabled (the reason names the table to enable).
    /// </summary>
    NeedsLogging = 3,

    /// <summary>
    /// No rule maps the technique, and either a table that would show a log source ATT&amp;CK's analytics name for it is
    /// enabled (the reason names the table and the analytic), or ATT&amp;CK names no log source AttackMap reads.
    /// </summary>
    NeedsRule = 4,

    /// <summary>The technique is outside the platform scope of the report (only returned when asked for it explicitly).</summary>
    OutOfScope = 5,
}
