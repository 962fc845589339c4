using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>A record held for one step of one key: the signal, its processing number and its distinct value.</summary>
internal readonly struct StepEntry
{
    public StepEntry(Signal signal, long ticks, long sequence, int step, string? distinctValue)
    {
        Signal = signal;
        Ticks = ticks;
        Sequence = sequence;
        Step = step;
        DistinctValue = distinctValue;
    }

    public Signal Signal { get; }

    public long Ticks { get; }

    public long Sequence { get; }

    public int Step { get; }

    public string? DistinctValue { get; }
}
