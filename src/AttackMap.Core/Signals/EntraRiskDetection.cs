namespace AttackMap.Signals;

/// <summary>An Entra ID Protection risk detection (user or workload identity) or a risky-user record.</summary>
public sealed class EntraRiskDetection : Signal
{
    /// <summary>Creates a risk detection read from <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the record was read.</param>
    /// <param name="riskEventType">The risk event type (for example <c>unfamiliarFeatures</c>); for a risky-user record, <c>riskyUser</c>.</param>
    public EntraRiskDetection(SignalOrigin origin, string riskEventType)
        : base(origin)
    {
        RiskEventType = riskEventType ?? string.Empty;
    }

    /// <inheritdoc />
    public override LogFamily Family => LogFamily.EntraRiskDetection;

    /// <inheritdoc />
    public override SignalSource Source => SignalSource.EntraRiskDetection;

    /// <inheritdoc />
    public override string MatchKey => RiskEventType;

    /// <summary>Gets the risk event type.</summary>
    public string RiskEventType { get; }

    /// <summary>Gets the detection id.</summary>
    public string? Id { get; init; }

    /// <summary>Gets a value indicating whether the detection is about a workload identity (service principal) rather than a user.</summary>
    public bool IsWorkloadIdentity { get; init; }

    /// <summary>Gets the risk level (<c>low</c>, <c>medium</c>, <c>high</c>, <c>hidden</c>, <c>none</c>).</summary>
    public string? RiskLevel { get; init; }

    /// <summary>Gets the risk state (<c>atRisk</c>, <c>confirmedCompromised</c>, <c>remediated</c>, <c>dismissed</c>, ...).</summary>
    public string? RiskState { get; init; }

    /// <summary>Gets the risk detail (<c>none</c>, <c>adminConfirmedSigninCompromised</c>, ...).</summary>
    public string? RiskDetail { get; init; }

    /// <summary>Gets the detection timing (<c>realtime</c>, <c>offline</c>, <c>nearRealtime</c>).</summary>
    public string? DetectionTimingType { get; init; }

    /// <summary>Gets the source of the detection (<c>IdentityProtection</c>, <c>MicrosoftCloudAppSecurity</c>, ...).</summary>
    public string? DetectionSource { get; init; }

    /// <summary>Gets the sign-in request id the detection is tied to, when any.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets the country or region code of the detection, when published.</summary>
    public string? Location { get; init; }

    /// <summary>Gets the additional information as JSON text (a key/value list), when published.</summary>
    public string? AdditionalInfo { get; init; }

    /// <summary>
    /// Gets a field for rule conditions: <c>riskEventType</c>, <c>riskLevel</c>, <c>riskState</c>, <c>riskDetail</c>,
    /// <c>detectionTimingType</c>, <c>source</c>, <c>location</c>, <c>isWorkloadIdentity</c>.
    /// </summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public override string? GetFieldValue(string field) => field.ToLowerInvariant() switch
    {
        "riskeventtype" => RiskEventType,
        "risklevel" => RiskLevel,
        "riskstate" => RiskState,
        "riskdetail" => RiskDetail,
        "detectiontimingtype" => DetectionTimingType,
        "source" => DetectionSource,
        "location" => Location,
        "ipaddress" => IpAddress,
        "isworkloadidentity" => IsWorkloadIdentity ? "true" : "false",
        _ => null,
    };
}
