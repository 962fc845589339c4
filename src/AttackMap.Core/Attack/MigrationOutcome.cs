namespace AttackMap.Attack;

/// <summary>What became of a technique id between two ATT&amp;CK releases.</summary>
public enum MigrationOutcome
{
    /// <summary>Same id, name and tactics.</summary>
    Unchanged,

    /// <summary>Same id and tactics, new name.</summary>
    Renamed,

    /// <summary>Same id and name, different tactics.</summary>
    TacticMoved,

    /// <summary>Same id, new name and different tactics.</summary>
    RenamedAndTacticMoved,

    /// <summary>Revoked; the replacement is the end of the whole revoked-by chain.</summary>
    Revoked,

    /// <summary>Revoked and broken up into several techniques; pick among the candidates by hand.</summary>
    Split,

    /// <summary>Withdrawn with no replacement; map by hand or drop.</summary>
    Deprecated,

    /// <summary>The id is not in the source release.</summary>
    Unknown,
}
