namespace AttackMap.Ingestion;

/// <summary>How a <see cref="LogReader"/> reacts to a record it cannot read.</summary>
public enum LogReadMode
{
    /// <summary>Reject the record with its location and reason, and continue with the next one (the default).</summary>
    Lenient = 0,

    /// <summary>Throw a <see cref="LogFormatException"/> at the first rejected record.</summary>
    Strict = 1,
}
