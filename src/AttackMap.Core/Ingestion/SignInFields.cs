using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// The field values one sign-in is built from (fallback chains already resolved), gathered either from a <see cref="RecordView"/> (general path) or
/// in one forward pass over a JSON Lines line (<see cref="SignInLineParser"/>). <see cref="Build"/> holds the one
/// rule set that turns them into an <see cref="EntraSignIn"/>, so both paths produce equal models.
/// </summary>
internal sealed class SignInFields
{
    public string? ResultTypeRoot;
    public string? StatusErrorCode;
    public string? ResultDescriptionRoot;
    public string? StatusFailureReason;
    public string? UserId;
    public string? UserPrincipalName;
    public string? UserDisplayName;
    public string? ServicePrincipalId;
    public string? ServicePrincipalName;
    public string? AppId;
    public DateTimeOffset? ParsedTime;
    public string? ResourceId; // normalized (FieldNormalizer.ResourceId)
    public string? IpAddress; // normalized (FieldNormalizer.Ip)
    public string? CorrelationId;
    public string? TenantId;
    public string? HomeTenantId;
    public string? Id;
    public string? AppDisplayName;
    public string? ClientAppUsed;
    public string? ResourceDisplayName;
    public string? Location;
    public string? AutonomousSystemNumber;
    public string? UserAgent;
    public string? RiskLevelDuringSignIn;
    public string? RiskLevelAggregated;
    public string? RiskState;
    public string? AuthenticationRequirement;
    public string? ConditionalAccessStatus;
    public IReadOnlyList<string> RiskEventTypes = System.Array.Empty<string>();

    /// <summary>Builds the sign-in of <paramref name="kind"/> read from <paramref name="origin"/>.</summary>
    public LogRecord Build(SignalOrigin origin, SignInKind kind)
    {
        var resultType = ResultTypeRoot ?? StatusErrorCode ?? "0";
        Principal principal = kind switch
        {
            SignInKind.ServicePrincipal => new Principal(PrincipalKind.ServicePrincipal, ServicePrincipalId, ServicePrincipalName, AppId),
            SignInKind.ManagedIdentity => new Principal(PrincipalKind.ManagedIdentity, ServicePrincipalId, ServicePrincipalName, AppId),
            _ => new Principal(PrincipalKind.User, UserId, UserPrincipalName ?? UserDisplayName),
        };

        var signIn = new EntraSignIn(origin, kind, resultType)
        {
            Table = SignInParser.TableOf(kind),
            Time = ParsedTime,
            Principal = principal.IsEmpty ? null : principal,
            ResourceId = ResourceId,
            IpAddress = IpAddress,
            CorrelationId = CorrelationId,
            TenantId = TenantId,
            HomeTenantId = HomeTenantId,
            Id = Id,
            ResultDescription = ResultDescriptionRoot ?? StatusFailureReason,
            UserPrincipalName = UserPrincipalName,
            AppId = AppId,
            AppDisplayName = AppDisplayName,
            ClientAppUsed = ClientAppUsed,
            ResourceDisplayName = ResourceDisplayName,
            Location = Location,
            AutonomousSystemNumber = AutonomousSystemNumber,
            UserAgent = UserAgent,
            RiskLevelDuringSignIn = RiskLevelDuringSignIn,
            RiskLevelAggregated = RiskLevelAggregated,
            RiskState = RiskState,
            RiskEventTypes = RiskEventTypes,
            AuthenticationRequirement = AuthenticationRequirement,
            ConditionalAccessStatus = ConditionalAccessStatus,
        };
        return LogRecord.FromSignal(signIn);
    }
}
