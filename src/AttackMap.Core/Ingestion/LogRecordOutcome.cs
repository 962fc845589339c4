namespace AttackMap.Ingestion;

/// <summary>What became of one record read from a log file.</summary>
public enum LogRecordOutcome
{
    /// <summary>The record was read into a typed <see cref="Signals.Signal"/>.</summary>
    Signal = 0,

    /// <summary>The record is well-formed but of a kind the library does not map by design (for example a ResourceHealth event).</summary>
    Ignored = 1,

    /// <summary>The record (or the whole file) could not be read; <see cref="LogRecord.Rejection"/> says where and why.</summary>
    Rejected = 2,
}
