using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Coverage;

/// <summary>One rule behind a technique's coverage: which rule, over which family, and whether it reaches the technique through a sub-technique.</summary>
public sealed class CoverageRule
{
    internal CoverageRule(MappingRule rule, string techniqueId, string? viaSubTechnique, bool isSourceEnabled, IReadOnlyList<string> claimedTactics)
    {
        Rule = rule;
        TechniqueId = techniqueId;
        ViaSubTechnique = viaSubTechnique;
        IsSourceEnabled = isSourceEnabled;
        ClaimedTactics = claimedTactics;
    }

    /// <summary>Gets the rule.</summary>
    public MappingRule Rule { get; }

    /// <summary>Gets the rule id.</summary>
    public string RuleId => Rule.Id;

    /// <summary>Gets the log family the rule reads.</summary>
    public LogFamily Family => Rule.Family;

    /// <summary>Gets the evidence kind of the rule.</summary>
    public EvidenceKind Kind => Rule.Kind;

    /// <summary>Gets the current technique id the rule maps to (after resolving revoked ids); a sub-technique id when <see cref="ViaSubTechnique"/> is set.</summary>
    public string TechniqueId { get; }

    /// <summary>Gets the sub-technique through which the rule counts toward a parent technique, or <see langword="null"/> when it maps the technique itself.</summary>
    public string? ViaSubTechnique { get; }

    /// <summary>Gets a value indicating whether the rule's log family is enabled.</summary>
    public bool IsSourceEnabled { get; }

    /// <summary>Gets the tactic shortnames (of the covered technique) the rule supports, in matrix order.</summary>
    public IReadOnlyList<string> ClaimedTactics { get; }

    /// <summary>Gets the rule's name for people (<see cref="MappingRule.DisplayName"/>), or <see langword="null"/>.</summary>
    public string? DisplayName => Rule.DisplayName;

    /// <summary>Returns <c>id (kind, family[, via sub-technique][, source not enabled])</c>, with <c>- display name</c> after the id when there is one.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{RuleId}{(DisplayName is null ? string.Empty : " - " + DisplayName)} ({Kind}, {Family}{(ViaSubTechnique is null ? string.Empty : ", via " + ViaSubTechnique)}{(IsSourceEnabled ? string.Empty : ", source not enabled")})";
}
