using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>Runs the classifier so that an unexpected value shape rejects the record instead of failing the read.</summary>
internal static class RecordSafety
{
    public static LogRecord Classify(RecordView view, SignalOrigin origin, string? hint)
    {
        try
        {
            return RecordClassifier.Classify(view, origin, hint);
        }
        catch (Exception e) when (IsRecordError(e))
        {
            return LogRecord.Rejected(origin, RejectionKind.Malformed, "record could not be read: " + e.Message);
        }
    }

    /// <summary>Returns whether <paramref name="e"/> is an unexpected value shape in one record (the record is rejected, the read goes on).</summary>
    public static bool IsRecordError(Exception e) =>
        e is InvalidOperationException or FormatException or ArgumentException or System.Text.Json.JsonException or OverflowException;
}
