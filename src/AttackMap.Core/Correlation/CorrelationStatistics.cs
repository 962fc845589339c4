namespace AttackMap.Correlation;

/// <summary>Record accounting of a <see cref="CorrelationSession"/>: every pushed signal is processed, untimed or late.</summary>
public sealed class CorrelationStatistics
{
    /// <summary>Gets the number of signals pushed.</summary>
    public long SignalsReceived { get; internal set; }

    /// <summary>Gets the number of signals processed in event-time order.</summary>
    public long SignalsProcessed { get; internal set; }

    /// <summary>Gets the number of signals without an event time; they cannot be windowed and are skipped.</summary>
    public long UntimedSignals { get; internal set; }

    /// <summary>Gets the number of signals that arrived later than the allowed lateness and were dropped.</summary>
    public long LateRecordsDropped { get; internal set; }

    /// <summary>Gets the number of signals still waiting in the reorder buffer.</summary>
    public long SignalsBuffered { get; internal set; }

    /// <summary>Gets the number of findings emitted so far.</summary>
    public long FindingsEmitted { get; internal set; }

    /// <summary>Gets the number of pending records dropped because a key exceeded <see cref="CorrelationEngineOptions.MaxRecordsPerKey"/>.</summary>
    public long RecordsTrimmed { get; internal set; }

    /// <summary>Gets the number of live (rule, key) states.</summary>
    public int ActiveStateCount { get; internal set; }

    /// <summary>Gets the highest <see cref="ActiveStateCount"/> seen so far.</summary>
    public int PeakActiveStateCount { get; internal set; }

    /// <summary>Gets the number of keys with a "seen values" history.</summary>
    public int SeenValueHistoryCount { get; internal set; }

    /// <summary>Creates a copy of the current values.</summary>
    /// <returns>A snapshot.</returns>
    public CorrelationStatistics Snapshot() => (CorrelationStatistics)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() =>
        $"received {SignalsReceived}, processed {SignalsProcessed}, untimed {UntimedSignals}, late {LateRecordsDropped}, buffered {SignalsBuffered}, findings {FindingsEmitted}";
}
