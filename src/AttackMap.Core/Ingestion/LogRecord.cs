using System.Diagnostics.CodeAnalysis;
using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// The outcome of one record read from a log: a <see cref="Signals.Signal"/>, an ignored record (a known kind the
/// library does not map, with the reason), or a <see cref="RecordRejection"/>.
/// </summary>
public sealed class LogRecord
{
    private LogRecord(LogRecordOutcome outcome, SignalOrigin origin, Signal? signal, string? ignoredReason, RecordRejection? rejection)
    {
        Outcome = outcome;
        Origin = origin;
        Signal = signal;
        IgnoredReason = ignoredReason;
        Rejection = rejection;
    }

    /// <summary>Gets what became of the record.</summary>
    public LogRecordOutcome Outcome { get; }

    /// <summary>Gets where the record was read.</summary>
    public SignalOrigin Origin { get; }

    /// <summary>Gets the signal, when <see cref="Outcome"/> is <see cref="LogRecordOutcome.Signal"/>.</summary>
    public Signal? Signal { get; }

    /// <summary>Gets a value indicating whether the record became a signal (then <see cref="Signal"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Signal))]
    public bool IsSignal => Outcome == LogRecordOutcome.Signal;

    /// <summary>Gets a value indicating whether the record was rejected (then <see cref="Rejection"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Rejection))]
    public bool IsRejected => Outcome == LogRecordOutcome.Rejected;

    /// <summary>Gets why the record was ignored, when <see cref="Outcome"/> is <see cref="LogRecordOutcome.Ignored"/>.</summary>
    public string? IgnoredReason { get; }

    /// <summary>Gets the rejection, when <see cref="Outcome"/> is <see cref="LogRecordOutcome.Rejected"/>.</summary>
    public RecordRejection? Rejection { get; }

    // The next-page link of the source the record came from (shared by its records; filled when the source reads it).
    internal PageLink? Page { get; set; }

    /// <inheritdoc />
    public override string ToString() => Outcome switch
    {
        LogRecordOutcome.Signal => Signal!.ToString(),
        LogRecordOutcome.Ignored => $"{Origin}: ignored: {IgnoredReason}",
        _ => Rejection!.ToString(),
    };

    internal static LogRecord FromSignal(Signal signal) => new(LogRecordOutcome.Signal, signal.Origin, signal, null, null);

    internal static LogRecord Ignored(SignalOrigin origin, string reason) => new(LogRecordOutcome.Ignored, origin, null, reason, null);

    internal static LogRecord Rejected(RecordRejection rejection) => new(LogRecordOutcome.Rejected, rejection.Origin, null, null, rejection);

    internal static LogRecord Rejected(SignalOrigin origin, RejectionKind kind, string reason, LogFamily? family = null) =>
        Rejected(new RecordRejection(origin, kind, reason, family));
}
