using System.Globalization;

namespace AttackMap.Coverage;

/// <summary>
/// A condition a pipeline gates on (<c>attackmap coverage --fail-on</c>). Two forms:
/// <c>downgrade</c> fails when any technique's status gets weaker than in a baseline
/// (Direct &gt; CorrelationOnly &gt; NeedsReview &gt; NeedsLogging &gt; NeedsRule &gt; NeedsLogging with no rule);
/// <c>T1098.003:Direct</c> fails unless that technique is in scope with at least that status. Both use that ranking: a
/// NeedsLogging technique that no rule maps (its ATT&amp;CK log is off) is weaker than NeedsRule, as in <see cref="CoverageDiff"/>,
/// so it fails <c>T1538:NeedsRule</c> and <c>T1538:NeedsLogging</c>; the message names it <c>NeedsLogging (no rule maps it)</c>.
/// </summary>
public sealed class CoverageGate
{
    private CoverageGate(string text, string? techniqueId, CoverageStatus minimum)
    {
        Text = text;
        TechniqueId = techniqueId;
        Minimum = minimum;
    }

    /// <summary>Gets the gate as written (normalised), for example <c>downgrade</c> or <c>T1098.003:Direct</c>.</summary>
    public string Text { get; }

    /// <summary>Gets the technique id of a minimum-status gate, or <see langword="null"/> for <c>downgrade</c>.</summary>
    public string? TechniqueId { get; }

    /// <summary>Gets the minimum status of a technique gate.</summary>
    public CoverageStatus Minimum { get; }

    /// <summary>Gets a value indicating whether the gate compares with a baseline (<c>downgrade</c>).</summary>
    public bool RequiresBaseline => TechniqueId is null;

    /// <summary>Parses <c>downgrade</c> or <c>&lt;technique id&gt;:&lt;status&gt;</c> (case-insensitive).</summary>
    /// <param name="text">The gate.</param>
    /// <returns>The gate.</returns>
    /// <exception cref="FormatException">The text is neither form.</exception>
    public static CoverageGate Parse(string text)
    {
        var trimmed = (text ?? throw new ArgumentNullException(nameof(text))).Trim();
        if (string.Equals(trimmed, "downgrade", StringComparison.OrdinalIgnoreCase))
        {
            return new CoverageGate("downgrade", null, CoverageStatus.NeedsRule);
        }

        var colon = trimmed.IndexOf(':');
        var id = colon > 0 ? trimmed.Substring(0, colon).Trim().ToUpperInvariant() : string.Empty;
        var statusText = colon > 0 ? trimmed.Substring(colon + 1).Trim() : string.Empty;
        if (id.Length < 5 || id[0] != 'T'
            || !Enum.TryParse<CoverageStatus>(statusText, ignoreCase: true, out var status)
            || status == CoverageStatus.OutOfScope || !CoverageReport.Statuses.Contains(status) || IsNumber(statusText))
        {
            throw new FormatException(
                $"'{text}' is not a coverage gate: use 'downgrade' or '<technique>:<status>' (for example 'T1098.003:Direct'; statuses {string.Join(", ", CoverageReport.Statuses)}).");
        }

        return new CoverageGate(id + ":" + status, id, status);
    }

    /// <summary>Checks the gate.</summary>
    /// <param name="current">The current coverage.</param>
    /// <param name="diff">The diff against a baseline; required when <see cref="RequiresBaseline"/>.</param>
    /// <returns>One line per offending technique; empty when the gate passes.</returns>
    /// <exception cref="InvalidOperationException">A <c>downgrade</c> gate without a diff.</exception>
    public IReadOnlyList<string> Check(CoverageSnapshot current, CoverageDiffResult? diff = null)
    {
        if (current is null)
        {
            throw new ArgumentNullException(nameof(current));
        }

        if (TechniqueId is null)
        {
            return (diff ?? throw new InvalidOperationException("The 'downgrade' gate needs a baseline to compare with."))
                .Downgrades.Select(c => $"{c.TechniqueId} {c.Name}: {c.Reason}").ToArray();
        }

        var technique = current.Find(TechniqueId);
        if (technique is null)
        {
            return new[] { string.Format(CultureInfo.InvariantCulture, "{0}: not an in-scope technique of the report (required: {1})", TechniqueId, Minimum) };
        }

        // Same ranking as the diff: an unmapped NeedsLogging (needs a log and then a rule) is weaker than NeedsRule.
        return technique.Rank <= 2 * (int)Minimum
            ? Array.Empty<string>()
            : new[] { string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2}, required at least {3}{4} ({5})", technique.Id, technique.Name, technique.StatusText, Minimum, Minimum == CoverageStatus.NeedsLogging ? MappedNeedsLogging : string.Empty, technique.Reason) };
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private const string MappedNeedsLogging = " with a rule mapping it";

    private static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsDigit);
}
