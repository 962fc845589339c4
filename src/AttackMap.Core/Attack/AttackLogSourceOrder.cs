namespace AttackMap.Attack;

/// <summary>The one order (and de-duplication) of log source references, shared by every reader and the generator.</summary>
internal static class AttackLogSourceOrder
{
    public static IReadOnlyList<AttackLogSourceReference> Sort(IEnumerable<AttackLogSourceReference> references)
    {
        var list = new List<AttackLogSourceReference>();
        foreach (var reference in references)
        {
            if (!list.Contains(reference))
            {
                list.Add(reference);
            }
        }

        if (list.Count == 0)
        {
            return Array.Empty<AttackLogSourceReference>();
        }

        list.Sort(Compare);
        return list.ToArray();
    }

    private static int Compare(AttackLogSourceReference a, AttackLogSourceReference b)
    {
        var order = string.CompareOrdinal(a.AnalyticId, b.AnalyticId);
        order = order != 0 ? order : string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        order = order != 0 ? order : string.CompareOrdinal(a.Name, b.Name);
        order = order != 0 ? order : string.CompareOrdinal(a.Channel, b.Channel);
        order = order != 0 ? order : string.CompareOrdinal(a.DetectionStrategyId, b.DetectionStrategyId);
        return order != 0 ? order : string.CompareOrdinal(a.SourceTechniqueId ?? string.Empty, b.SourceTechniqueId ?? string.Empty);
    }
}
