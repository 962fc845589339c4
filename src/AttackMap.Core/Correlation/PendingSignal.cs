using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>A signal waiting in the reorder buffer, with its UTC ticks and arrival number.</summary>
internal readonly struct PendingSignal
{
    public PendingSignal(Signal signal, long ticks, long arrival)
    {
        Signal = signal;
        Ticks = ticks;
        Arrival = arrival;
    }

    public Signal Signal { get; }

    public long Ticks { get; }

    public long Arrival { get; }
}
