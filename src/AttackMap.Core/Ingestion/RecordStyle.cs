namespace AttackMap.Ingestion;

/// <summary>The naming style of a record, which decides a few fields that mean different things per style.</summary>
internal enum RecordStyle
{
    /// <summary>Graph, ARM or diagnostic JSON (camelCase).</summary>
    Json = 0,

    /// <summary>A Log Analytics / Sentinel row (CSV or "Export to JSON"): <c>TenantId</c> is the workspace.</summary>
    LogAnalytics = 1,
}
