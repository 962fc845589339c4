using AttackMap.Signals;

namespace AttackMap.Tests.Support;

/// <summary>Builds typed signals directly, with made-up identities, for mapping tests.</summary>
internal static class TestSignals
{
    public static SignalOrigin Origin(long index = 0) => new("mapping-test.jsonl", index, index + 1);

    public static AzureActivityEvent Activity(string operationName, string? requestBody = null) =>
        new(Origin(), operationName)
        {
            Category = "Administrative",
            Status = "Succeeded",
            Caller = "avery.quinn@contoso-lab.example",
            IpAddress = "203.0.113.10",
            RequestBody = requestBody,
        };

    public static EntraAuditEvent Audit(string activity, params ModifiedProperty[] properties) =>
        new(Origin(), activity)
        {
            Category = "Policy",
            Result = "success",
            Targets = new[] { new AuditTarget { Id = "00000000-0000-4000-8000-0000000000a1", DisplayName = "Lab policy", ModifiedProperties = properties } },
        };

    public static EntraSignIn SignIn(string resultType, string? clientApp = null, string? riskLevel = null, params string[] riskTypes) =>
        new(Origin(), SignInKind.UserInteractive, resultType)
        {
            UserPrincipalName = "avery.quinn@contoso-lab.example",
            IpAddress = "198.51.100.7",
            ClientAppUsed = clientApp,
            RiskLevelDuringSignIn = riskLevel,
            RiskEventTypes = riskTypes,
        };

    public static EntraRiskDetection Risk(string riskEventType, bool workloadIdentity = false) =>
        new(Origin(), riskEventType) { IsWorkloadIdentity = workloadIdentity, RiskLevel = "high", RiskState = "atRisk" };

    public static DefenderAlert Alert(string alertType) =>
        new(Origin(), alertType) { Severity = "High", DisplayName = "Test alert " + alertType };
}
