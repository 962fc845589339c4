namespace AttackMap.Correlation;

/// <summary>The canonical order of findings: last record time, rule id, key, then the first record's origin.</summary>
public sealed class FindingComparer : IComparer<Finding>
{
    private FindingComparer()
    {
    }

    /// <summary>Gets the comparer.</summary>
    public static FindingComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = x.Last.UtcTicks.CompareTo(y.Last.UtcTicks);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.RuleId, y.RuleId);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Key, y.Key);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Records[0].Origin.File, y.Records[0].Origin.File);
        }

        if (c == 0)
        {
            c = x.Records[0].Origin.RecordIndex.CompareTo(y.Records[0].Origin.RecordIndex);
        }

        return c == 0 ? string.CompareOrdinal(x.Id, y.Id) : c;
    }
}
