using System.Globalization;

namespace AttackMap.Coverage;

/// <summary>One technique whose coverage changed between two reports, with both reasons.</summary>
public sealed class TechniqueCoverageChange
{
    internal TechniqueCoverageChange(CoverageSnapshotTechnique? before, CoverageSnapshotTechnique? after)
    {
        var either = after ?? before ?? throw new ArgumentNullException(nameof(after));
        TechniqueId = either.Id;
        Name = either.Name;
        Before = before?.Status;
        After = after?.Status;
        BeforeReason = before?.Reason;
        AfterReason = after?.Reason;
        Kind = before is null ? CoverageChangeKind.Added
            : after is null ? CoverageChangeKind.Removed
            : after.Rank < before.Rank ? CoverageChangeKind.Upgraded
            : CoverageChangeKind.Downgraded;
        Reason = Kind switch
        {
            CoverageChangeKind.Added => string.Format(CultureInfo.InvariantCulture, "added to scope as {0}: {1}", after!.StatusText, Detail(after)),
            CoverageChangeKind.Removed => string.Format(CultureInfo.InvariantCulture, "removed from scope (was {0})", before!.StatusText),
            _ => string.Format(CultureInfo.InvariantCulture, "{0} -> {1}: {2}", before!.StatusText, after!.StatusText, Detail(after)),
        };
    }

    /// <summary>Gets the technique id.</summary>
    public string TechniqueId { get; }

    /// <summary>Gets the technique name (from the later report when it has the technique).</summary>
    public string Name { get; }

    /// <summary>Gets the kind of change.</summary>
    public CoverageChangeKind Kind { get; }

    /// <summary>Gets the earlier status, or <see langword="null"/> when the technique was not in scope.</summary>
    public CoverageStatus? Before { get; }

    /// <summary>Gets the later status, or <see langword="null"/> when the technique is no longer in scope.</summary>
    public CoverageStatus? After { get; }

    /// <summary>Gets the earlier reason, or <see langword="null"/>.</summary>
    public string? BeforeReason { get; }

    /// <summary>Gets the later reason, or <see langword="null"/>.</summary>
    public string? AfterReason { get; }

    /// <summary>
    /// Gets a one-line description of the change, for example <c>Direct -&gt; NeedsLogging: mapped by 2 rules ... enable SigninLogs</c>
    /// (the later reason without its leading status, which the arrow already names);
    /// a NeedsLogging technique that no rule maps reads <c>NeedsLogging (no rule maps it)</c>, as in
    /// <c>NeedsLogging -&gt; NeedsLogging (no rule maps it): ...</c> when its last rule is gone.
    /// </summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => $"{TechniqueId} {Name}: {Reason}";

    // A reason starts with its own status ("CorrelationOnly: 2 correlation-context ..."); the change line names the status already.
    private static string Detail(CoverageSnapshotTechnique after)
    {
        var prefix = after.Status.ToString() + ": ";
        var detail = after.Reason.StartsWith(prefix, StringComparison.Ordinal) ? after.Reason.Substring(prefix.Length) : after.Reason;
        const string Unmapped = "no rule maps it, and ";
        return after.StatusText == CoverageSnapshotTechnique.UnmappedNeedsLoggingText && detail.StartsWith(Unmapped, StringComparison.Ordinal) ? detail.Substring(Unmapped.Length) : detail;
    }
}
