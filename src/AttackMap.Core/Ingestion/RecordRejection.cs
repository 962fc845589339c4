using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>A record (or a whole file) the reader could not turn into a signal: where, why, and the family when known.</summary>
public sealed class RecordRejection
{
    internal RecordRejection(SignalOrigin origin, RejectionKind kind, string reason, LogFamily? family = null)
    {
        Origin = origin;
        Kind = kind;
        Reason = reason;
        Family = family;
    }

    /// <summary>
    /// Gets where the record starts: file, 0-based record index, 1-based line and byte offset (in the file's bytes, a BOM
    /// included; see <see cref="SignalOrigin.ByteOffset"/>). JSON and CSV records have both; a whole-file rejection has
    /// offset 0, or none when the file could not be opened.
    /// </summary>
    public SignalOrigin Origin { get; }

    /// <summary>Gets the kind of rejection.</summary>
    public RejectionKind Kind { get; }

    /// <summary>Gets the reason, in words.</summary>
    public string Reason { get; }

    /// <summary>Gets the log family the record was recognised as, when it got that far.</summary>
    public LogFamily? Family { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Origin}: {Kind}: {Reason}";
}
