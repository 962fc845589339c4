namespace AttackMap.Sentinel;

/// <summary>What a technique id written in a rule is in the catalog it was validated against.</summary>
public enum TechniqueStatus
{
    /// <summary>A current technique of the catalog.</summary>
    Current = 0,

    /// <summary>Revoked (or from an older release): replaced by the current technique in <see cref="RuleTechnique.Id"/>.</summary>
    Migrated = 1,

    /// <summary>Deprecated in the catalog, with no replacement; kept as written.</summary>
    Deprecated = 2,

    /// <summary>Not in the catalog (a typo or an id from another matrix); kept as written.</summary>
    Unknown = 3,

    /// <summary>
    /// Revoked and split into several techniques (<see cref="RuleTechnique.Candidates"/>): no single successor is right, so
    /// coverage counts it as <see cref="AttackMap.Mapping.EvidenceKind.NeedsReview"/> for each candidate the rule does not tag
    /// itself, until the rule is retagged with the successor(s) it detects.
    /// </summary>
    Split = 4,
}
