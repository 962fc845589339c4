namespace AttackMap.Coverage;

/// <summary>One technique of a <see cref="CoverageSnapshot"/>: its id, name, status and reason.</summary>
public sealed class CoverageSnapshotTechnique
{
    /// <summary>Creates a snapshot entry.</summary>
    /// <param name="id">The technique id.</param>
    /// <param name="name">The technique name.</param>
    /// <param name="status">The status.</param>
    /// <param name="reason">The one-line reason.</param>
    public CoverageSnapshotTechnique(string id, string name, CoverageStatus status, string reason)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Name = name ?? string.Empty;
        Status = status;
        Reason = reason ?? string.Empty;
    }

    /// <summary>Gets the technique id.</summary>
    public string Id { get; }

    /// <summary>Gets the technique name.</summary>
    public string Name { get; }

    /// <summary>Gets the status.</summary>
    public CoverageStatus Status { get; }

    /// <summary>Gets the one-line reason.</summary>
    public string Reason { get; }

    /// <summary>
    /// Gets a value indicating whether any rule maps the technique (default <see langword="true"/>). A
    /// <see cref="CoverageStatus.NeedsLogging"/> technique that no rule maps (its log, per ATT&amp;CK's analytics, is not
    /// enabled) ranks below <see cref="CoverageStatus.NeedsRule"/> in a diff: enabling that log is an upgrade.
    /// </summary>
    public bool IsMapped { get; init; } = true;

    /// <summary>The strength for a diff, strongest lowest: twice the status, with an unmapped NeedsLogging just below NeedsRule.</summary>
    internal int Rank => IsUnmappedNeedsLogging ? (2 * (int)CoverageStatus.NeedsRule) + 1 : 2 * (int)Status;

    /// <summary>The status as a diff or gate names it: an unmapped NeedsLogging reads <c>NeedsLogging (no rule maps it)</c>.</summary>
    internal string StatusText => IsUnmappedNeedsLogging ? UnmappedNeedsLoggingText : Status.ToString();

    /// <summary>How a diff or gate names a NeedsLogging technique that no rule maps.</summary>
    internal const string UnmappedNeedsLoggingText = "NeedsLogging (no rule maps it)";

    private bool IsUnmappedNeedsLogging => Status == CoverageStatus.NeedsLogging && !IsMapped;

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}: {Reason}";
}
