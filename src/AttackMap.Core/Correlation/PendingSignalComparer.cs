namespace AttackMap.Correlation;

/// <summary>Processing order: event time, then origin (file, record index), then arrival; total and deterministic.</summary>
internal sealed class PendingSignalComparer : IComparer<PendingSignal>
{
    public static readonly PendingSignalComparer Instance = new();

    public int Compare(PendingSignal x, PendingSignal y)
    {
        var c = x.Ticks.CompareTo(y.Ticks);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Signal.Origin.File, y.Signal.Origin.File);
        if (c != 0)
        {
            return c;
        }

        c = x.Signal.Origin.RecordIndex.CompareTo(y.Signal.Origin.RecordIndex);
        return c != 0 ? c : x.Arrival.CompareTo(y.Arrival);
    }
}
