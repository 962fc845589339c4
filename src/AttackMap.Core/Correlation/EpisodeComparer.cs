namespace AttackMap.Correlation;

/// <summary>Close order of open episodes: deadline, then rule, then key, then opening order.</summary>
internal sealed class EpisodeComparer : IComparer<Episode>
{
    public static readonly EpisodeComparer Instance = new();

    public int Compare(Episode? x, Episode? y)
    {
        var c = x!.DeadlineTicks.CompareTo(y!.DeadlineTicks);
        if (c != 0)
        {
            return c;
        }

        c = x.Owner.Rule.Index.CompareTo(y.Owner.Rule.Index);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Owner.Key, y.Owner.Key);
        return c != 0 ? c : x.Number.CompareTo(y.Number);
    }
}
