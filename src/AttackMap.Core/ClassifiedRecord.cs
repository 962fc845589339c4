using System.Diagnostics.CodeAnalysis;
using AttackMap.Ingestion;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap;

/// <summary>One record read from a log and what the rules concluded about it.</summary>
public sealed class ClassifiedRecord
{
    internal ClassifiedRecord(LogRecord record, IReadOnlyList<Evidence> evidence)
    {
        Record = record;
        Evidence = evidence;
    }

    /// <summary>Gets the record as read: a signal, an ignored record, or a rejection.</summary>
    public LogRecord Record { get; }

    /// <summary>Gets the signal, when the record became one.</summary>
    public Signal? Signal => Record.Signal;

    /// <summary>Gets the rejection, when the record was rejected (<see cref="IsRejected"/>).</summary>
    public RecordRejection? Rejection => Record.Rejection;

    /// <summary>Gets where the record was read.</summary>
    public SignalOrigin Origin => Record.Origin;

    /// <summary>Gets the evidence the rules produced; empty for unmapped, ignored and rejected records.</summary>
    public IReadOnlyList<Evidence> Evidence { get; }

    /// <summary>Gets a value indicating whether at least one rule mapped the record (then <see cref="Signal"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Signal))]
    public bool IsMapped => Evidence.Count > 0;

    /// <summary>Gets a value indicating whether the record was read but no rule mapped it (ignored records included).</summary>
    public bool IsUnmapped => Evidence.Count == 0 && Record.Outcome != LogRecordOutcome.Rejected;

    /// <summary>Gets a value indicating whether the record was rejected (then <see cref="Rejection"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Rejection))]
    public bool IsRejected => Record.Outcome == LogRecordOutcome.Rejected;

    /// <inheritdoc />
    public override string ToString() => IsMapped ? $"{Record} -> {string.Join(", ", Evidence.Select(e => e.Technique.Id))}" : Record.ToString();
}
