using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>One record that contributed to a <see cref="Finding"/>: where it was read, which log it came from and which step it satisfied.</summary>
public sealed record FindingRecord
{
    /// <summary>Creates a contributing record.</summary>
    /// <param name="origin">Where the record was read.</param>
    /// <param name="family">The log family.</param>
    /// <param name="table">The table or diagnostic category.</param>
    /// <param name="time">The event time.</param>
    /// <param name="matchKey">The record's match key (alert type, operation name, activity, risk event type or result code).</param>
    /// <param name="step">The name of the step the record satisfied.</param>
    public FindingRecord(SignalOrigin origin, LogFamily family, string table, DateTimeOffset time, string matchKey, string step)
    {
        Origin = origin ?? throw new ArgumentNullException(nameof(origin));
        Family = family;
        Table = table ?? string.Empty;
        Time = time;
        MatchKey = matchKey ?? string.Empty;
        Step = step ?? string.Empty;
    }

    /// <summary>Gets where the record was read (file and index).</summary>
    public SignalOrigin Origin { get; }

    /// <summary>Gets the log family.</summary>
    public LogFamily Family { get; }

    /// <summary>Gets the table or diagnostic category.</summary>
    public string Table { get; }

    /// <summary>Gets the event time.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Gets the record's match key.</summary>
    public string MatchKey { get; }

    /// <summary>Gets the name of the step the record satisfied.</summary>
    public string Step { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Step}: {Family} {MatchKey} at {Origin}";
}
