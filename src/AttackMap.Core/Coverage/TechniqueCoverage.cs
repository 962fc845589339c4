using AttackMap.Attack;

namespace AttackMap.Coverage;

/// <summary>The coverage of one technique or sub-technique: its status, the one-line reason, and the rules and sources behind it.</summary>
public sealed class TechniqueCoverage
{
    internal TechniqueCoverage(
        Technique technique,
        CoverageStatus status,
        string reason,
        IReadOnlyList<CoverageRule> rules,
        IReadOnlyList<CoverageSource> sources,
        IReadOnlyList<TechniqueTacticCoverage> tactics,
        int? observedEvidenceCount,
        IReadOnlyList<AttackLogSourceCoverage> attackLogSources)
    {
        Technique = technique;
        Status = status;
        Reason = reason;
        Rules = rules;
        RuleIds = rules.Select(r => r.RuleId).ToArray();
        Sources = sources;
        Tactics = tactics;
        ObservedEvidenceCount = observedEvidenceCount;
        AttackLogSources = attackLogSources;
        VisibleIn = attackLogSources.Count == 0
            ? Array.Empty<string>()
            : attackLogSources.Where(s => s.IsEnabled).Select(s => s.EnabledTables[0]).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>Gets the technique.</summary>
    public Technique Technique { get; }

    /// <summary>Gets the technique id.</summary>
    public string Id => Technique.Id;

    /// <summary>Gets the status.</summary>
    public CoverageStatus Status { get; }

    /// <summary>Gets a one-line reason that starts with the status, for example <c>NeedsLogging: mapped by 2 rules but their log source is not enabled: enable SigninLogs</c>.</summary>
    public string Reason { get; }

    /// <summary>Gets the rules behind the status (the technique's own rules, then its sub-techniques' rules), ordered by rule id.</summary>
    public IReadOnlyList<CoverageRule> Rules { get; }

    /// <summary>Gets the ids of <see cref="Rules"/>.</summary>
    public IReadOnlyList<string> RuleIds { get; }

    /// <summary>Gets the log families the rules read, with their enabled and missing tables.</summary>
    public IReadOnlyList<CoverageSource> Sources { get; }

    /// <summary>
    /// Gets the Azure and Entra ID log sources ATT&amp;CK's own analytics name for the technique (then for its
    /// sub-techniques, marked <see cref="AttackLogSourceCoverage.ViaSubTechnique"/>), with the tables that show them and
    /// whether those are enabled. They decide between <see cref="CoverageStatus.NeedsRule"/> and
    /// <see cref="CoverageStatus.NeedsLogging"/> when no rule maps the technique; rules decide otherwise.
    /// </summary>
    public IReadOnlyList<AttackLogSourceCoverage> AttackLogSources { get; }

    /// <summary>Gets the enabled tables that would show the log sources in <see cref="AttackLogSources"/>, each once, in that order.</summary>
    public IReadOnlyList<string> VisibleIn { get; }

    /// <summary>Gets the per-tactic view, in matrix order.</summary>
    public IReadOnlyList<TechniqueTacticCoverage> Tactics { get; }

    /// <summary>Gets the number of observed evidence items for the technique and its sub-techniques, or <see langword="null"/> when no evidence was given.</summary>
    public int? ObservedEvidenceCount { get; }

    /// <summary>Gets a value indicating whether the status differs between the technique's tactics.</summary>
    public bool VariesByTactic => Tactics.Any(t => t.Status != Status);

    /// <inheritdoc />
    public override string ToString() => $"{Technique.Id} {Technique.Name}: {Reason}";
}
