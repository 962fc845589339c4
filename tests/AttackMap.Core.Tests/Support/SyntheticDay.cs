using AttackMap.Signals;
using static AttackMap.Tests.Support.CorrelationSignals;

namespace AttackMap.Tests.Support;

/// <summary>
/// A deterministic synthetic day of mixed logs from all five families (seeded <see cref="Random"/>): benign sign-ins,
/// failures, interrupts, low risk, control-plane reads and writes, directory changes and Defender alerts on untouched
/// resources, plus one planted chain by Avery at 14:00: risky sign-in, self role assignment, diagnostic-setting delete, run command.
/// </summary>
internal sealed class SyntheticDay
{
    public const string SignInFile = "signins.jsonl";
    public const string RiskFile = "risk.jsonl";
    public const string AuditFile = "audit.jsonl";
    public const string ActivityFile = "activity.jsonl";
    public const string AlertFile = "alerts.jsonl";
    public const string ServicePrincipal = "00000000-0000-4000-8000-0000000000c1";

    private readonly List<(DateTimeOffset Time, string File, string? Tag, Func<SignalOrigin, Signal> Make)> _specs = new();
    private readonly Random _random;

    private SyntheticDay(int seed)
    {
        _random = new Random(seed);
    }

    public IReadOnlyList<Signal> Signals { get; private set; } = Array.Empty<Signal>();

    /// <summary>Gets the origins of the planted records by tag: <c>risky-sign-in</c>, <c>role-assignment</c>, <c>diagnostic-delete</c>, <c>run-command</c>.</summary>
    public IReadOnlyDictionary<string, SignalOrigin> Planted { get; private set; } = new Dictionary<string, SignalOrigin>();

    public static SyntheticDay Generate(int seed, int users = 60, bool extraAttacks = false)
    {
        var day = new SyntheticDay(seed);
        day.AddBenign(users);
        day.AddPlantedChain();
        if (extraAttacks)
        {
            day.AddExtraAttacks();
        }

        day.Materialize();
        return day;
    }

    public static string UserId(int i) => $"00000000-0000-4000-8000-{0x1000 + i:x12}";

    private static string HomeIp(int i) => $"198.51.100.{20 + i}";

    private void AddBenign(int users)
    {
        for (var u = 0; u < users; u++)
        {
            var id = u == 0 ? Avery : UserId(u);
            var ip = HomeIp(u);
            var country = u % 3 == 0 ? "US" : "GB";
            var lastHour = u == 0 ? 12 : 19;
            foreach (var time in Times(_random.Next(15, 31), 7, lastHour))
            {
                var risk = _random.Next(20) == 0 ? "low" : "none";
                var kind = _random.Next(3) == 0 ? SignInKind.UserNonInteractive : SignInKind.UserInteractive;
                Add(time, SignInFile, o => new EntraSignIn(o, kind, "0")
                {
                    Table = kind == SignInKind.UserInteractive ? "SigninLogs" : "AADNonInteractiveUserSignInLogs",
                    Time = time, Principal = User(id), IpAddress = ip, Location = country, RiskLevelDuringSignIn = risk,
                });
            }

            foreach (var time in Times(_random.Next(0, 3), 7, lastHour))
            {
                var code = new[] { "50126", "500121", "50140", "50074" }[_random.Next(4)];
                Add(time, SignInFile, o => new EntraSignIn(o, SignInKind.UserInteractive, code) { Table = "SigninLogs", Time = time, Principal = User(id), IpAddress = ip, Location = country });
            }

            foreach (var time in Times(_random.Next(10, 26), 7, lastHour))
            {
                var resource = Vm($"vm-{u}-{_random.Next(3)}");
                var operation = new[] { "Microsoft.Resources/tags/write", "Microsoft.Compute/virtualMachines/write", "Microsoft.Compute/virtualMachines/read", "Microsoft.Compute/virtualMachines/start/action" }[_random.Next(4)];
                if (_random.Next(3) == 0)
                {
                    var started = time.AddSeconds(-1);
                    Add(started, ActivityFile, o => Activity(o, started, id, operation, resource, "Started"));
                }

                Add(time, ActivityFile, o => Activity(o, time, id, operation, resource, "Succeeded"));
            }
        }

        foreach (var time in Times(150, 7, 19))
        {
            var actor = UserId(1 + _random.Next(users - 1));
            var target = UserId(1 + _random.Next(users - 1));
            var activity = new[] { "Update user", "Add member to group", "Remove member from group" }[_random.Next(3)];
            Add(time, AuditFile, o => new EntraAuditEvent(o, activity)
            {
                Table = "AuditLogs", Time = time, Principal = User(actor), Result = "success",
                Targets = new[] { new AuditTarget { Id = target, Type = "User" } },
            });
        }

        foreach (var time in Times(10, 7, 19))
        {
            var user = UserId(1 + _random.Next(users - 1));
            Add(time, RiskFile, o => new EntraRiskDetection(o, "unfamiliarFeatures") { Table = "AADUserRiskEvents", Time = time, Principal = User(user), RiskLevel = "low" });
        }

        var k = 0;
        foreach (var time in Times(15, 0, 23))
        {
            var resource = Vm($"vm-quarantine-{k++}");
            Add(time, AlertFile, o => new DefenderAlert(o, "VM_SuspiciousCommandLine") { Table = "SecurityAlert", Time = time, ResourceId = resource, Severity = "Medium" });
        }

        // The administrator: a role for a service principal that never acts, a run command without a new role, a diagnostic-setting update.
        Add(At(9, 0), SignInFile, o => new EntraSignIn(o, SignInKind.UserInteractive, "0") { Table = "SigninLogs", Time = At(9, 0), Principal = User(Blake), IpAddress = "198.51.100.250", Location = "GB" });
        Add(At(9, 10), ActivityFile, o => Activity(o, At(9, 10), Blake, "Microsoft.Authorization/roleAssignments/write", $"{Subscription}/providers/microsoft.authorization/roleassignments/22222222-0000-4000-8000-000000000002", "Succeeded", "{\"properties\":{\"principalId\":\"" + ServicePrincipal + "\"}}"));
        Add(At(10, 0), ActivityFile, o => Activity(o, At(10, 0), Blake, "Microsoft.Insights/diagnosticSettings/write", Vm("vm-admin") + "/providers/microsoft.insights/diagnosticsettings/to-sentinel", "Succeeded"));
        Add(At(11, 0), ActivityFile, o => Activity(o, At(11, 0), Blake, "Microsoft.Compute/virtualMachines/runCommand/action", Vm("vm-admin"), "Succeeded"));
    }

    private void AddPlantedChain()
    {
        Add(At(14, 0), SignInFile, o => new EntraSignIn(o, SignInKind.UserInteractive, "0")
        {
            Table = "SigninLogs", Time = At(14, 0), Principal = User(Avery), IpAddress = "203.0.113.66", Location = "NL",
            RiskLevelDuringSignIn = "medium", RiskEventTypes = new[] { "unfamiliarFeatures" },
        }, "risky-sign-in");
        Add(At(14, 6), ActivityFile, o => Activity(o, At(14, 6), Avery, "Microsoft.Authorization/roleAssignments/write", $"{Subscription}/providers/microsoft.authorization/roleassignments/33333333-0000-4000-8000-000000000003", "Succeeded", "{\"properties\":{\"principalId\":\"" + Avery + "\",\"principalType\":\"User\"}}"), "role-assignment");
        Add(At(14, 15), ActivityFile, o => Activity(o, At(14, 15), Avery, "Microsoft.Insights/diagnosticSettings/delete", $"{Subscription}/resourcegroups/rg-prod/providers/microsoft.keyvault/vaults/kv-prod/providers/microsoft.insights/diagnosticsettings/to-sentinel", "Succeeded"), "diagnostic-delete");
        Add(At(14, 24), ActivityFile, o => Activity(o, At(14, 24), Avery, "Microsoft.Compute/virtualMachines/runCommand/action", Vm("vm-prod-01"), "Succeeded"), "run-command");
    }

    private void AddExtraAttacks()
    {
        for (var i = 0; i < 8; i++)
        {
            var time = At(3, i);
            var user = UserId(10 + i);
            Add(time, SignInFile, o => new EntraSignIn(o, SignInKind.UserInteractive, "50126") { Table = "SigninLogs", Time = time, Principal = User(user), IpAddress = "203.0.113.200" });
        }

        for (var i = 0; i < 12; i++)
        {
            var time = At(5, 0, i * 30);
            Add(time, SignInFile, o => new EntraSignIn(o, SignInKind.UserInteractive, "50126") { Table = "SigninLogs", Time = time, Principal = User(UserId(5)), IpAddress = "203.0.113.201" });
        }

        for (var i = 0; i < 6; i++)
        {
            var time = At(20, i * 2);
            Add(time, SignInFile, o => new EntraSignIn(o, SignInKind.UserInteractive, i < 5 ? "500121" : "0") { Table = "SigninLogs", Time = time, Principal = User(UserId(7)), IpAddress = "203.0.113.202" });
        }

        Add(At(21, 0), AlertFile, o => new DefenderAlert(o, "VM_SuspiciousCommandLine") { Table = "SecurityAlert", Time = At(21, 0), ResourceId = Vm("vm-3-0") });
        Add(At(21, 20), ActivityFile, o => Activity(o, At(21, 20), UserId(3), "Microsoft.Compute/virtualMachines/extensions/write", Vm("vm-3-0") + "/extensions/customscript", "Succeeded"));
    }

    private static AzureActivityEvent Activity(SignalOrigin origin, DateTimeOffset time, string caller, string operation, string resource, string status, string? body = null) =>
        new(origin, operation)
        {
            Table = "AzureActivity", Time = time, Principal = User(caller), Caller = caller, Category = "Administrative",
            Status = status, ResourceId = resource.ToLowerInvariant(), RequestBody = body,
        };

    private IEnumerable<DateTimeOffset> Times(int count, int fromHour, int toHour)
    {
        var list = new List<DateTimeOffset>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(Day.AddHours(fromHour).AddSeconds(_random.Next((toHour - fromHour) * 3600)));
        }

        return list;
    }

    private void Add(DateTimeOffset time, string file, Func<SignalOrigin, Signal> make, string? tag = null) => _specs.Add((time, file, tag, make));

    private void Materialize()
    {
        var ordered = _specs.Select((spec, i) => (spec, i)).OrderBy(x => x.spec.Time).ThenBy(x => x.spec.File, StringComparer.Ordinal).ThenBy(x => x.i).ToList();
        var counters = new Dictionary<string, long>();
        var signals = new List<Signal>(ordered.Count);
        var planted = new Dictionary<string, SignalOrigin>();
        foreach (var (spec, _) in ordered)
        {
            counters.TryGetValue(spec.File, out var index);
            counters[spec.File] = index + 1;
            var signal = spec.Make(new SignalOrigin(spec.File, index));
            signals.Add(signal);
            if (spec.Tag is not null)
            {
                planted[spec.Tag] = signal.Origin;
            }
        }

        Signals = signals;
        Planted = planted;
    }
}
