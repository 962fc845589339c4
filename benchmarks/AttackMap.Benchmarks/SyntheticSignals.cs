using System.Globalization;
using AttackMap.Signals;

namespace AttackMap.Benchmarks;

/// <summary>
/// Deterministic synthetic parsed signals in the mix of <see cref="SignalMix"/> (about 13% mapped by the built-in pack), with
/// 10,000 principals, 50,000 resources and 5,000 IP addresses, every string a fresh instance as a parser would produce.
/// </summary>
internal static class SyntheticSignals
{
    /// <summary>Builds <paramref name="count"/> signals.</summary>
    public static Signal[] Create(int count, int seed = 20261203)
    {
        var random = new Random(seed);
        var signals = new Signal[count];
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var origin = new SignalOrigin("synthetic", i);
            var time = start.AddMilliseconds(i * 37);
            var user = new Principal(PrincipalKind.User, "00000000-0000-4000-8000-" + random.Next(10_000).ToString("D12", CultureInfo.InvariantCulture), null);
            var resourceIndex = random.Next(50_000);
            var resource = "/subscriptions/00000000-0000-4000-8000-00000000c0de/resourcegroups/rg" + (resourceIndex % 250).ToString(CultureInfo.InvariantCulture)
                + "/providers/microsoft.compute/virtualmachines/vm" + resourceIndex.ToString(CultureInfo.InvariantCulture);
            var ipIndex = random.Next(5_000);
            var ip = "198.51." + (ipIndex % 20).ToString(CultureInfo.InvariantCulture) + "." + (ipIndex / 20).ToString(CultureInfo.InvariantCulture);
            var roll = random.Next(1000);
            var mapped = random.Next(1000);
            if ((roll -= SignalMix.SignIns) < 0)
            {
                var failed = mapped < SignalMix.FailedSignIns;
                signals[i] = new EntraSignIn(origin, SignInKind.UserInteractive, failed ? Pick(random, SignalMix.FailureCodes) : Pick(random, SignalMix.RoutineCodes))
                {
                    Time = time, Principal = user, IpAddress = ip, ClientAppUsed = "Browser", AppDisplayName = Pick(random, SignalMix.Apps),
                    RiskLevelDuringSignIn = "none", RiskLevelAggregated = "none", Table = "SigninLogs",
                    RiskEventTypes = failed && random.Next(3) == 0 ? new[] { Pick(random, SignalMix.RiskTypes) } : Array.Empty<string>(),
                };
            }
            else if ((roll -= SignalMix.Activity) < 0)
            {
                signals[i] = new AzureActivityEvent(origin, mapped < SignalMix.SensitiveActivity ? Pick(random, SignalMix.MappedOperations) : Pick(random, SignalMix.RoutineOperations))
                {
                    Time = time, Principal = user, IpAddress = ip, ResourceId = resource, Category = "Administrative", Status = "Succeeded", Table = "AzureActivity",
                };
            }
            else if ((roll -= SignalMix.Audit) < 0)
            {
                signals[i] = new EntraAuditEvent(origin, mapped < 100 ? Pick(random, SignalMix.MappedActivities) : Pick(random, SignalMix.RoutineActivities))
                {
                    Time = time, Principal = user, IpAddress = ip, Category = "UserManagement", Result = "success", Table = "AuditLogs",
                };
            }
            else if ((roll -= SignalMix.Risk) < 0)
            {
                signals[i] = new EntraRiskDetection(origin, Pick(random, SignalMix.RiskTypes))
                {
                    Time = time, Principal = user, IpAddress = ip, RiskLevel = "medium", Table = "AADUserRiskEvents",
                };
            }
            else
            {
                signals[i] = new DefenderAlert(origin, mapped < SignalMix.MappedAlerts ? Pick(random, SignalMix.MappedAlertTypes) : Pick(random, SignalMix.UnmappedAlertTypes))
                {
                    Time = time, ResourceId = resource, Severity = "Medium", Table = "SecurityAlert",
                };
            }
        }

        return signals;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
