using AttackMap.Attack;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>
/// What a correlation rule concluded about a group of records: the techniques, kind and rationale, the key that grouped
/// them, the time span, and every contributing record with the family and table that proved it. Immutable.
/// </summary>
public sealed class Finding
{
    internal Finding(
        string id,
        CorrelationRule rule,
        IReadOnlyList<Technique> techniques,
        IReadOnlyList<string> tactics,
        string key,
        IReadOnlyList<FindingRecord> records,
        int truncatedRecordCount)
    {
        Id = id;
        Rule = rule;
        Techniques = techniques;
        Tactics = tactics;
        Key = key;
        Records = records;
        TruncatedRecordCount = truncatedRecordCount;
        var first = records[0].Time;
        var last = first;
        var families = new SortedSet<LogFamily>();
        var tables = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            first = record.Time < first ? record.Time : first;
            last = record.Time > last ? record.Time : last;
            families.Add(record.Family);
            if (record.Table.Length > 0)
            {
                tables.Add(record.Table);
            }
        }

        First = first;
        Last = last;
        DependsOnFamilies = families.ToArray();
        Tables = tables.ToArray();
    }

    /// <summary>Gets a deterministic id: a hash of the rule id, the key and the contributing origins.</summary>
    public string Id { get; }

    /// <summary>Gets the rule that produced the finding.</summary>
    public CorrelationRule Rule { get; }

    /// <summary>Gets the rule id.</summary>
    public string RuleId => Rule.Id;

    /// <summary>Gets the techniques, resolved against the catalog the rule set was built with.</summary>
    public IReadOnlyList<Technique> Techniques { get; }

    /// <summary>Gets the tactic shortnames the finding supports, in matrix order.</summary>
    public IReadOnlyList<string> Tactics { get; }

    /// <summary>Gets the evidence kind.</summary>
    public EvidenceKind Kind => Rule.Kind;

    /// <summary>Gets why the pattern supports the techniques.</summary>
    public string Rationale => Rule.Rationale;

    /// <summary>Gets what the records were grouped by (the rule's group-by key).</summary>
    public CorrelationKey GroupBy => Rule.GroupBy;

    /// <summary>Gets the key value that grouped the records (lower case).</summary>
    public string Key { get; }

    /// <summary>Gets the time of the earliest contributing record.</summary>
    public DateTimeOffset First { get; }

    /// <summary>Gets the time of the latest contributing record.</summary>
    public DateTimeOffset Last { get; }

    /// <summary>Gets the contributing records in event-time order.</summary>
    public IReadOnlyList<FindingRecord> Records { get; }

    /// <summary>Gets how many further matching records were left out because the finding reached its record limit.</summary>
    public int TruncatedRecordCount { get; }

    /// <summary>Gets every log family that contributed; the finding depends on all of them being collected.</summary>
    public IReadOnlyList<LogFamily> DependsOnFamilies { get; }

    /// <summary>Gets every table or diagnostic category that contributed ("which log proved it"), sorted.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>Gets a value indicating whether more than one log family contributed.</summary>
    public bool IsCrossFamily => DependsOnFamilies.Count > 1;

    /// <inheritdoc />
    public override string ToString() => $"{RuleId} on {Key} [{First:O} .. {Last:O}] {Records.Count} record(s) from {string.Join("+", DependsOnFamilies)}";
}
