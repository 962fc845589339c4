using AttackMap.Signals;

namespace AttackMap.Tests.Support;

/// <summary>
/// Builds typed signals for correlation tests with made-up identities. Every signal gets the next record index of
/// <see cref="File"/>, so origins are unique and predictable.
/// </summary>
internal sealed class CorrelationSignals
{
    public const string Subscription = "/subscriptions/00000000-0000-4000-8000-00000000c0de";
    public const string Avery = "00000000-0000-4000-8000-0000000000a1";
    public const string Blake = "00000000-0000-4000-8000-0000000000b2";

    public static readonly DateTimeOffset Day = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private long _index;

    public CorrelationSignals(string file = "stream.jsonl")
    {
        File = file;
    }

    public string File { get; }

    public static DateTimeOffset At(int hour, int minute, int second = 0) => Day.AddHours(hour).AddMinutes(minute).AddSeconds(second);

    public static Principal User(string objectId, string? upn = null) => new(PrincipalKind.User, objectId, upn ?? $"user-{objectId.Substring(objectId.Length - 4)}@contoso-lab.example");

    public static string Vm(string name) => $"{Subscription}/resourcegroups/rg-prod/providers/microsoft.compute/virtualmachines/{name}";

    public SignalOrigin NextOrigin() => new(File, _index++);

    public EntraSignIn SignIn(DateTimeOffset time, string userId, string resultType = "0", string ip = "198.51.100.10", string location = "GB", string? risk = null, string? asn = null) =>
        new(NextOrigin(), SignInKind.UserInteractive, resultType)
        {
            Table = "SigninLogs",
            Time = time,
            Principal = User(userId),
            IpAddress = ip,
            Location = location,
            AutonomousSystemNumber = asn,
            RiskLevelDuringSignIn = risk ?? "none",
            RiskEventTypes = risk is null || risk == "none" ? Array.Empty<string>() : new[] { "unfamiliarFeatures" },
        };

    public EntraRiskDetection RiskDetection(DateTimeOffset time, string userId, string level = "high", string type = "anonymizedIPAddress") =>
        new(NextOrigin(), type) { Table = "AADUserRiskEvents", Time = time, Principal = User(userId), RiskLevel = level, IpAddress = "203.0.113.66" };

    public AzureActivityEvent Activity(DateTimeOffset? time, string callerId, string operation, string resourceId, string status = "Succeeded", string? requestBody = null) =>
        new(NextOrigin(), operation)
        {
            Table = "AzureActivity",
            Time = time,
            Principal = User(callerId),
            Caller = callerId,
            Category = "Administrative",
            Status = status,
            ResourceId = resourceId.ToLowerInvariant(),
            RequestBody = requestBody,
            IpAddress = "203.0.113.66",
        };

    public AzureActivityEvent RoleAssignment(DateTimeOffset time, string callerId, string assigneeId) =>
        Activity(
            time,
            callerId,
            "Microsoft.Authorization/roleAssignments/write",
            $"{Subscription}/providers/Microsoft.Authorization/roleAssignments/11111111-0000-4000-8000-000000000001",
            requestBody: "{\"properties\":{\"roleDefinitionId\":\"/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c\",\"principalId\":\"" + assigneeId.ToUpperInvariant() + "\",\"principalType\":\"User\"}}");

    public EntraAuditEvent Audit(DateTimeOffset time, string actorId, string activity, string? targetId = null) =>
        new(NextOrigin(), activity)
        {
            Table = "AuditLogs",
            Time = time,
            Principal = User(actorId),
            Result = "success",
            Targets = targetId is null ? Array.Empty<AuditTarget>() : new[] { new AuditTarget { Id = targetId, Type = "User" } },
        };

    public DefenderAlert Alert(DateTimeOffset time, string resourceId, string alertType = "VM_SuspiciousCommandLine") =>
        new(NextOrigin(), alertType) { Table = "SecurityAlert", Time = time, ResourceId = resourceId.ToLowerInvariant(), Severity = "High" };
}
