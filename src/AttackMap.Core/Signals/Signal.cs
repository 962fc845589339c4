namespace AttackMap.Signals;

/// <summary>
/// One log record, normalized: the envelope every family shares (family, source, table, time, principal,
/// resource, IP, correlation id, origin) on top of the family's typed fields in the derived type.
/// </summary>
/// <remarks>
/// The derived types are <see cref="DefenderAlert"/>, <see cref="EntraSignIn"/>, <see cref="EntraRiskDetection"/>,
/// <see cref="EntraAuditEvent"/> and <see cref="AzureActivityEvent"/>. Signals are immutable once read.
/// </remarks>
public abstract class Signal
{
    /// <summary>Initializes the envelope.</summary>
    /// <param name="origin">Where the record was read.</param>
    protected Signal(SignalOrigin origin)
    {
        Origin = origin ?? throw new ArgumentNullException(nameof(origin));
    }

    /// <summary>Gets the log family.</summary>
    public abstract LogFamily Family { get; }

    /// <summary>Gets the finer evidence source inside the family.</summary>
    public abstract SignalSource Source { get; }

    /// <summary>Gets the value rules dispatch on first: the alert type, operation name, audit activity, risk event type or sign-in result code.</summary>
    public abstract string MatchKey { get; }

    /// <summary>Gets the Log Analytics table or diagnostic category the record came from (for example <c>SigninLogs</c> or <c>AzureActivity</c>).</summary>
    public string Table { get; init; } = string.Empty;

    /// <summary>Gets the event time (UTC), when the record carries one.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Gets the identity that acted or was affected, when the record names one.</summary>
    public Principal? Principal { get; init; }

    /// <summary>Gets the ARM resource id the record is about, normalized to lower case, when known.</summary>
    public string? ResourceId { get; init; }

    /// <summary>Gets the caller or client IP address, when the record carries a parsable one.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Gets the correlation id that ties related records together, when known.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Gets the Entra tenant id, when known.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets where the record was read.</summary>
    public SignalOrigin Origin { get; }

    /// <summary>
    /// Gets the value of a named field for rule conditions. Names are case-insensitive; the derived types
    /// document which names they know. Nested JSON (request bodies, modified properties) is reached with dotted paths.
    /// </summary>
    /// <param name="field">The field name or dotted path.</param>
    /// <returns>The value as text, or <see langword="null"/> when the record has no such field.</returns>
    public abstract string? GetFieldValue(string field);

    /// <inheritdoc />
    public override string ToString() => $"{Family} {MatchKey} at {Origin}";
}
