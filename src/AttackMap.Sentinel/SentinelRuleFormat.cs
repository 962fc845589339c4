namespace AttackMap.Sentinel;

/// <summary>The file format a Sentinel analytics rule was read from.</summary>
public enum SentinelRuleFormat
{
    /// <summary>The YAML template format of the Azure-Sentinel repository.</summary>
    Yaml = 0,

    /// <summary>An ARM template (<c>resources[]</c> of type <c>…/alertRules</c>) or a REST API export of alert rules.</summary>
    ArmTemplate = 1,
}
