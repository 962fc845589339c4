using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Sentinel;

/// <summary>
/// An imported Sentinel analytics rule as a coverage input for <see cref="AttackMap.Coverage.CoverageCalculator"/>: it
/// states which techniques the rule detects over which log family; it never matches signals itself (the KQL runs in Sentinel).
/// </summary>
public sealed class SentinelMappingRule : MappingRule
{
    internal SentinelMappingRule(SentinelRule rule, string id, LogFamily family, IReadOnlyList<string> techniques, EvidenceKind kind, string rationale)
        : base(id, family, techniques, kind, rationale)
    {
        SentinelRule = rule;
    }

    /// <summary>Gets the imported rule this coverage input comes from.</summary>
    public SentinelRule SentinelRule { get; }

    /// <summary>Always <see langword="false"/>: a Sentinel rule is evaluated by Sentinel, not by the library.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns><see langword="false"/>.</returns>
    public override bool Matches(Signal signal) => false;
}
