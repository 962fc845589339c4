using System.Globalization;
using AttackMap.Signals;

namespace AttackMap.Benchmarks;

/// <summary>
/// A lazy, deterministic stream of parsed signals for correlation: nothing is held beyond the signal being yielded, so
/// 10 million signals cost no more memory than one. Fixed key cardinality (10,000 principals, 50,000 resources,
/// 5,000 IP addresses, 200 autonomous systems; a user signs in from a home IP 98% of the time) and a constant event rate (one record every 5 ms, about 17 million a day,
/// a large tenant), so the state a window holds does not depend on how many signals are streamed.
/// Mix: 60% sign-ins (1% of all records failed passwords, 0.1% risky), 25% Azure Activity (0.9% of all records sensitive writes), 14.4% audit,
/// 0.5% risk detections, 0.1% alerts.
/// </summary>
internal sealed class CorrelationSignals
{
    private const string Tenant = "00000000-0000-4000-8000-0000000000f1";
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] SensitiveOperations =
    {
        "Microsoft.Authorization/roleAssignments/write", "Microsoft.Insights/diagnosticSettings/delete",
        "Microsoft.Network/networkSecurityGroups/securityRules/write", "Microsoft.KeyVault/vaults/accessPolicies/write",
        "Microsoft.Storage/storageAccounts/listKeys/action", "Microsoft.Security/pricings/write",
    };

    private static readonly string[] RoutineOperations =
    {
        "Microsoft.Compute/virtualMachines/write", "Microsoft.Compute/virtualMachines/start/action", "Microsoft.Resources/deployments/write",
        "Microsoft.Web/sites/write", "Microsoft.Storage/storageAccounts/write", "Microsoft.Network/virtualNetworks/write",
    };

    private static readonly string[] Activities = { "Update group", "Add member to group", "Update device", "Update user", "Add member to role", "Add service principal credentials" };
    private static readonly string[] FailureCodes = { "50126", "50053", "50126", "50126" };
    private static readonly string[] RiskTypes = { "unfamiliarFeatures", "anonymizedIPAddress", "passwordSpray", "generic" };

    private readonly Principal[] _principals = new Principal[10_000];
    private readonly string[] _resources = new string[50_000];
    private readonly string[] _ips = new string[5_000];
    private readonly string[] _asns = new string[200];
    private readonly AuditTarget[][] _targets = new AuditTarget[1_000][];

    public CorrelationSignals()
    {
        for (var i = 0; i < _principals.Length; i++)
        {
            _principals[i] = new Principal(PrincipalKind.User, "00000000-0000-4000-8000-" + i.ToString("D12", CultureInfo.InvariantCulture), "user" + i.ToString(CultureInfo.InvariantCulture) + "@contoso-lab.example");
        }

        for (var i = 0; i < _resources.Length; i++)
        {
            _resources[i] = "/subscriptions/00000000-0000-4000-8000-00000000c0d" + (i % 8).ToString(CultureInfo.InvariantCulture) + "/resourcegroups/rg-" + (i % 250).ToString(CultureInfo.InvariantCulture)
                + "/providers/microsoft.compute/virtualmachines/vm-" + i.ToString(CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < _ips.Length; i++)
        {
            _ips[i] = (i < 2500 ? "198.51." : "203.0.") + (i % 10).ToString(CultureInfo.InvariantCulture) + "." + (i / 10 % 250).ToString(CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < _asns.Length; i++)
        {
            _asns[i] = (64500 + i).ToString(CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < _targets.Length; i++)
        {
            _targets[i] = new[] { new AuditTarget { Id = _principals[i * 7].ObjectId, Type = "User", UserPrincipalName = _principals[i * 7].Name } };
        }
    }

    /// <summary>Yields <paramref name="count"/> signals in event-time order (seeded; the same count gives the same stream).</summary>
    public IEnumerable<Signal> Stream(long count, int seed = 20261203)
    {
        var random = new Random(seed);
        for (long i = 0; i < count; i++)
        {
            var origin = new SignalOrigin("synthetic", i);
            var time = Start.AddTicks(i * 50_000);
            var user = random.Next(_principals.Length);
            var principal = _principals[user];
            var ipIndex = random.Next(50) == 0 ? random.Next(_ips.Length) : user % _ips.Length;
            var ip = _ips[ipIndex];
            var roll = random.Next(10_000);
            if (roll < 6_000)
            {
                var failed = roll < 100;
                var risky = roll >= 100 && roll < 110;
                yield return new EntraSignIn(origin, SignInKind.UserInteractive, failed ? FailureCodes[random.Next(FailureCodes.Length)] : "0")
                {
                    Time = time, Principal = principal, IpAddress = ip, AutonomousSystemNumber = _asns[ipIndex % _asns.Length], ClientAppUsed = "Browser",
                    RiskLevelDuringSignIn = risky ? "medium" : "none", RiskLevelAggregated = "none", Table = "SigninLogs", TenantId = Tenant,
                };
            }
            else if (roll < 8_500)
            {
                var sensitive = roll < 6_090;
                yield return new AzureActivityEvent(origin, sensitive ? SensitiveOperations[random.Next(SensitiveOperations.Length)] : RoutineOperations[random.Next(RoutineOperations.Length)])
                {
                    Time = time, Principal = principal, IpAddress = ip, ResourceId = _resources[random.Next(_resources.Length)], Category = "Administrative", Status = "Succeeded",
                    Table = "AzureActivity", TenantId = Tenant,
                };
            }
            else if (roll < 9_940)
            {
                yield return new EntraAuditEvent(origin, Activities[random.Next(Activities.Length)])
                {
                    Time = time, Principal = principal, IpAddress = ip, Category = "UserManagement", Result = "success", Targets = _targets[random.Next(_targets.Length)],
                    Table = "AuditLogs", TenantId = Tenant,
                };
            }
            else if (roll < 9_990)
            {
                yield return new EntraRiskDetection(origin, RiskTypes[random.Next(RiskTypes.Length)])
                {
                    Time = time, Principal = principal, IpAddress = ip, RiskLevel = random.Next(4) == 0 ? "high" : "low", Table = "AADUserRiskEvents", TenantId = Tenant,
                };
            }
            else
            {
                yield return new DefenderAlert(origin, "VM_EICAR")
                {
                    Time = time, ResourceId = _resources[random.Next(_resources.Length)], Severity = "Medium", Table = "SecurityAlert", TenantId = Tenant,
                };
            }
        }
    }
}
