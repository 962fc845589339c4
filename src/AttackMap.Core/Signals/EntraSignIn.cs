namespace AttackMap.Signals;

/// <summary>An Entra ID sign-in (user interactive, user non-interactive, service principal or managed identity).</summary>
public sealed class EntraSignIn : Signal
{
    /// <summary>Creates a sign-in read from <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the record was read.</param>
    /// <param name="kind">The kind of sign-in.</param>
    /// <param name="resultType">The result code as text: <c>"0"</c> for success, else the AADSTS error code.</param>
    public EntraSignIn(SignalOrigin origin, SignInKind kind, string resultType)
        : base(origin)
    {
        Kind = kind;
        ResultType = string.IsNullOrEmpty(resultType) ? "0" : resultType.Trim();
    }

    /// <inheritdoc />
    public override LogFamily Family => LogFamily.EntraSignIn;

    /// <inheritdoc />
    public override SignalSource Source => IsRisky ? SignalSource.EntraRiskySignIn : SignalSource.EntraSignIn;

    /// <summary>Gets the result code; it is the primary key rules dispatch on.</summary>
    public override string MatchKey => ResultType;

    /// <summary>Gets the kind of sign-in.</summary>
    public SignInKind Kind { get; }

    /// <summary>Gets the result code as text: <c>"0"</c> for success, else the AADSTS error code (for example <c>"50126"</c>).</summary>
    public string ResultType { get; }

    /// <summary>Gets a value indicating whether the sign-in succeeded (result code 0).</summary>
    public bool IsSuccess => ResultType == "0";

    /// <summary>Gets the sign-in request id.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the result description or failure reason.</summary>
    public string? ResultDescription { get; init; }

    /// <summary>Gets the home tenant id of the signing-in identity, when published (differs from the resource tenant for guests and partners).</summary>
    public string? HomeTenantId { get; init; }

    /// <summary>Gets the user principal name (users only).</summary>
    public string? UserPrincipalName { get; init; }

    /// <summary>Gets the application (client) id used to sign in.</summary>
    public string? AppId { get; init; }

    /// <summary>Gets the application display name.</summary>
    public string? AppDisplayName { get; init; }

    /// <summary>Gets the client app used (<c>Browser</c>, <c>Exchange ActiveSync</c>, <c>IMAP4</c>, ...).</summary>
    public string? ClientAppUsed { get; init; }

    /// <summary>Gets the resource (audience) display name.</summary>
    public string? ResourceDisplayName { get; init; }

    /// <summary>Gets the country or region code of the sign-in.</summary>
    public string? Location { get; init; }

    /// <summary>Gets the autonomous system number of the client IP, when published.</summary>
    public string? AutonomousSystemNumber { get; init; }

    /// <summary>Gets the user agent, when published.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Gets the real-time risk level (<c>none</c>, <c>low</c>, <c>medium</c>, <c>high</c>, <c>hidden</c>).</summary>
    public string? RiskLevelDuringSignIn { get; init; }

    /// <summary>Gets the aggregated risk level.</summary>
    public string? RiskLevelAggregated { get; init; }

    /// <summary>Gets the risk state (<c>none</c>, <c>atRisk</c>, <c>confirmedCompromised</c>, <c>remediated</c>, <c>dismissed</c>, ...).</summary>
    public string? RiskState { get; init; }

    /// <summary>Gets the risk event types Entra ID Protection attached to the sign-in.</summary>
    public IReadOnlyList<string> RiskEventTypes { get; init; } = Array.Empty<string>();

    /// <summary>Gets the authentication requirement (<c>singleFactorAuthentication</c>, <c>multiFactorAuthentication</c>).</summary>
    public string? AuthenticationRequirement { get; init; }

    /// <summary>Gets the conditional-access status (<c>success</c>, <c>failure</c>, <c>notApplied</c>).</summary>
    public string? ConditionalAccessStatus { get; init; }

    /// <summary>Gets a value indicating whether Entra ID Protection flagged the sign-in (risk above none, or risk event types present).</summary>
    public bool IsRisky =>
        RiskEventTypes.Count > 0 || IsRiskLevel(RiskLevelDuringSignIn) || IsRiskLevel(RiskLevelAggregated);

    /// <summary>
    /// Gets a field for rule conditions: <c>resultType</c>, <c>resultDescription</c>, <c>clientAppUsed</c>, <c>appId</c>,
    /// <c>appDisplayName</c>, <c>resourceDisplayName</c>, <c>location</c>, <c>userAgent</c>, <c>riskLevelDuringSignIn</c>,
    /// <c>riskLevelAggregated</c>, <c>riskState</c>, <c>riskEventTypes</c> (comma-separated), <c>authenticationRequirement</c>,
    /// <c>conditionalAccessStatus</c>, <c>kind</c>, <c>isRisky</c>.
    /// </summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public override string? GetFieldValue(string field) => field.ToLowerInvariant() switch
    {
        "resulttype" => ResultType,
        "resultdescription" => ResultDescription,
        "clientappused" => ClientAppUsed,
        "appid" => AppId,
        "appdisplayname" => AppDisplayName,
        "resourcedisplayname" => ResourceDisplayName,
        "location" => Location,
        "useragent" => UserAgent,
        "risklevelduringsignin" => RiskLevelDuringSignIn,
        "risklevelaggregated" => RiskLevelAggregated,
        "riskstate" => RiskState,
        "riskeventtypes" => string.Join(",", RiskEventTypes),
        "authenticationrequirement" => AuthenticationRequirement,
        "conditionalaccessstatus" => ConditionalAccessStatus,
        "userprincipalname" => UserPrincipalName,
        "ipaddress" => IpAddress,
        "kind" => Kind.ToString(),
        "isrisky" => IsRisky ? "true" : "false",
        _ => null,
    };

    private static bool IsRiskLevel(string? level) =>
        level is not null && level.Length > 0
        && !level.Equals("none", StringComparison.OrdinalIgnoreCase)
        && !level.Equals("hidden", StringComparison.OrdinalIgnoreCase)
        && !level.Equals("unknownFutureValue", StringComparison.OrdinalIgnoreCase);
}
