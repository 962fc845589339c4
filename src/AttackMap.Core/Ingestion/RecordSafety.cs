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
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or System.Text.Json.JsonException or OverflowException)
        {
            return LogRecord.Rejected(origin, RejectionKind.Malformed, "record could not be read: " + e.Message);
        }
    }
}
