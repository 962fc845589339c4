namespace AttackMap.Mapping;

/// <summary>What is wrong with a rule or a rule pack.</summary>
public enum RuleProblemCode
{
    /// <summary>The pack is not valid JSON or a value has the wrong type or an unknown name.</summary>
    Format = 0,

    /// <summary>A technique id is not in the catalog.</summary>
    UnknownTechnique = 1,

    /// <summary>A technique id is revoked; the message names its replacement.</summary>
    RevokedTechnique = 2,

    /// <summary>A technique id is deprecated (withdrawn with no replacement).</summary>
    DeprecatedTechnique = 3,

    /// <summary>A technique belongs to none of the tactics the rule states.</summary>
    TechniqueNotInTactic = 4,

    /// <summary>A stated tactic is not in the catalog.</summary>
    UnknownTactic = 5,

    /// <summary>The rationale is missing or blank.</summary>
    MissingRationale = 6,

    /// <summary>Two rules share an id.</summary>
    DuplicateRuleId = 7,

    /// <summary>The rule states a kind other than the default without saying why.</summary>
    MissingKindReason = 8,

    /// <summary>The match field is not one the family is dispatched on.</summary>
    UnknownMatchField = 9,

    /// <summary>A condition's operator compares with values but none are given.</summary>
    MissingConditionValues = 10,

    /// <summary>The rule lists no technique.</summary>
    MissingTechniques = 11,

    /// <summary>The rule id is missing or blank.</summary>
    MissingRuleId = 12,

    /// <summary>Two rules map the same key to different techniques with nothing to tell them apart (a warning).</summary>
    ConflictingRules = 13,

    /// <summary>A condition names a field the rule's family does not have, so it can never match.</summary>
    UnknownConditionField = 14,
}
