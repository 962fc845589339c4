namespace AttackMap.Correlation;

/// <summary>
/// A record held for one step of one key: what the finding will list (not the whole signal, so large payloads are not kept
/// alive for the window), its processing number and its distinct value.
/// </summary>
internal readonly struct StepEntry
{
    public StepEntry(FindingRecord record, long ticks, long sequence, int step, string? distinctValue)
    {
        Record = record;
        Ticks = ticks;
        Sequence = sequence;
        Step = step;
        DistinctValue = distinctValue;
    }

    public FindingRecord Record { get; }

    public long Ticks { get; }

    public long Sequence { get; }

    public int Step { get; }

    public string? DistinctValue { get; }
}
