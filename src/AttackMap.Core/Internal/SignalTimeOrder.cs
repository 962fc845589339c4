using AttackMap.Signals;

namespace AttackMap.Internal;

/// <summary>Orders signals by event time (untimed last), then file and record index, so sorting is deterministic.</summary>
internal sealed class SignalTimeOrder : IComparer<Signal>
{
    public static readonly SignalTimeOrder Instance = new();

    public int Compare(Signal? x, Signal? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byTime = (x.Time, y.Time) switch
        {
            ({ } a, { } b) => a.UtcTicks.CompareTo(b.UtcTicks),
            (null, null) => 0,
            (null, _) => 1,
            _ => -1,
        };
        if (byTime != 0)
        {
            return byTime;
        }

        var byFile = string.CompareOrdinal(x.Origin.File, y.Origin.File);
        return byFile != 0 ? byFile : x.Origin.RecordIndex.CompareTo(y.Origin.RecordIndex);
    }
}
