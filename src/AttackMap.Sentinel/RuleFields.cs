namespace AttackMap.Sentinel;

/// <summary>The fields of one rule as read from a file, before validation (shared by the YAML and ARM readers).</summary>
internal sealed class RuleFields
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Severity { get; set; }

    public string? Kind { get; set; }

    public bool Enabled { get; set; } = true;

    public string? Status { get; set; }

    public string? QueryFrequency { get; set; }

    public string? QueryPeriod { get; set; }

    public string? TriggerOperator { get; set; }

    public string? TriggerThreshold { get; set; }

    public string? Query { get; set; }

    public string? TemplateId { get; set; }

    public List<string> Tactics { get; } = new();

    public List<string> Techniques { get; } = new();

    public List<string> DataTypes { get; } = new();

    public required SentinelRuleFormat Format { get; init; }

    public required string SourceFile { get; init; }

    public string? Location { get; init; }

    public int? Line { get; init; }
}
