namespace AttackMap.Attack;

/// <summary>The fields of one STIX attack-pattern that a catalog keeps.</summary>
internal sealed record StixPattern(
    string StixId,
    string AttackId,
    string Name,
    IReadOnlyList<string> Phases,
    IReadOnlyList<string> Platforms,
    bool Revoked,
    bool Deprecated,
    string? Version,
    DateTimeOffset? Modified);
