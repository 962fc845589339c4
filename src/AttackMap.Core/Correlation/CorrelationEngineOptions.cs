namespace AttackMap.Correlation;

/// <summary>Options of a <see cref="CorrelationEngine"/>.</summary>
public sealed class CorrelationEngineOptions
{
    /// <summary>
    /// Gets or sets how far behind the newest event time a record may arrive and still be correlated as if it had come in
    /// order. Records older than that are dropped and counted in <see cref="CorrelationStatistics.LateRecordsDropped"/>.
    /// </summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the longest rule window the engine accepts (it bounds the memory per key).</summary>
    /// <value>The default value is 24 hours.</value>
    public TimeSpan MaxWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets how many pending records one key of one rule step keeps; the oldest are dropped beyond it.</summary>
    /// <value>The default value is 1000.</value>
    public int MaxRecordsPerKey { get; set; } = 1000;

    /// <summary>Gets or sets how many records one finding lists; further ones are only counted.</summary>
    /// <value>The default value is 1000.</value>
    public int MaxRecordsPerFinding { get; set; } = 1000;

    /// <summary>Gets or sets how long a key's "seen values" history (for <see cref="CorrelationStep.NewValueOf"/>) is kept after its last signal.</summary>
    /// <value>The default value is 30 days.</value>
    public TimeSpan NewValueHistory { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets how many seen values per field and key the history keeps (oldest forgotten first).</summary>
    /// <value>The default value is 64.</value>
    public int MaxSeenValuesPerKey { get; set; } = 64;

    internal void Validate()
    {
        if (AllowedLateness < TimeSpan.Zero)
        {
            throw new ArgumentException("AllowedLateness must not be negative.", nameof(AllowedLateness));
        }

        if (MaxWindow <= TimeSpan.Zero || NewValueHistory < TimeSpan.Zero)
        {
            throw new ArgumentException("MaxWindow must be positive and NewValueHistory must not be negative.", nameof(MaxWindow));
        }

        if (MaxRecordsPerKey < 1 || MaxRecordsPerFinding < 1 || MaxSeenValuesPerKey < 1)
        {
            throw new ArgumentException("MaxRecordsPerKey, MaxRecordsPerFinding and MaxSeenValuesPerKey must be at least 1.", nameof(MaxRecordsPerKey));
        }
    }

    internal CorrelationEngineOptions Clone() => (CorrelationEngineOptions)MemberwiseClone();
}
