using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;
using Xunit.Abstractions;

namespace AttackMap.Tests.Mapping;

/// <summary>Every key of the shared reference tables is handled by the built-in pack: mapped by a rule or listed as not a signal, with a reason.</summary>
public sealed class ReferenceCoverageTests
{
    private readonly ITestOutputHelper _output;

    public ReferenceCoverageTests(ITestOutputHelper output) => _output = output;

    [SharedDataFact]
    public void BuiltIn_ReferenceTables_EveryKeyMappedOrExplicitlyExcluded()
    {
        Check("defender-for-cloud-alerts.tsv", "alert_type", LogFamily.DefenderForCloud, "alertType").Should().Be(591, "592 spellings, two of which differ only in case (AI. and Ai.AIModelScan_MalwareDetected); keys compare case-insensitively");
        Check("entra-risk-detections.tsv", "riskEventType", LogFamily.EntraRiskDetection, "riskEventType").Should().Be(42);
        Check("entra-audit-activities.tsv", "activityDisplayName", LogFamily.EntraAudit, "activityDisplayName").Should().Be(83);
        Check("azure-activity-operations.tsv", "operationName", LogFamily.AzureActivity, "operationName").Should().Be(58);
        Check("entra-signin-error-codes.tsv", "code", LogFamily.EntraSignIn, "resultType").Should().Be(81);
    }

    private int Check(string table, string column, LogFamily family, string field)
    {
        var keys = ReadColumn(SharedData.PathOf(Path.Combine("reference", table)), column);
        var rules = RulePack.BuiltIn.Rules.Where(r => r.Family == family && string.Equals(r.MatchField ?? field, field, StringComparison.OrdinalIgnoreCase)).ToArray();
        var mapped = new Dictionary<string, List<MappingRule>>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            foreach (var key in rule.Keys)
            {
                if (!mapped.TryGetValue(key.TrimEnd(), out var list))
                {
                    mapped[key.TrimEnd()] = list = new List<MappingRule>();
                }

                list.Add(rule);
            }
        }

        var excluded = NotSignals().Where(n => n.Family == family).ToDictionary(n => n.Key, n => n.Reason, StringComparer.OrdinalIgnoreCase);
        var missing = keys.Where(k => !mapped.ContainsKey(k) && !excluded.ContainsKey(k)).ToArray();
        var withTechnique = keys.Count(k => mapped.TryGetValue(k, out var list) && list.Any(r => r.Kind != EvidenceKind.NeedsReview));
        var reviewOnly = keys.Count(k => mapped.TryGetValue(k, out var list) && list.All(r => r.Kind == EvidenceKind.NeedsReview));
        var notSignal = keys.Count(k => !mapped.ContainsKey(k) && excluded.ContainsKey(k));

        _output.WriteLine($"{table}: {keys.Count - missing.Length}/{keys.Count} handled ({withTechnique} mapped with a technique kind, {reviewOnly} NeedsReview only, {notSignal} listed as not a signal)");
        missing.Should().BeEmpty($"every {column} in {table} needs a rule or an entry in not-signals.tsv");
        foreach (var rule in mapped.Values.SelectMany(l => l).Where(r => r.Kind == EvidenceKind.NeedsReview))
        {
            (rule.KindReason ?? rule.Rationale).Trim().Length.Should().BeGreaterThan(20, $"{rule.Id} is NeedsReview and must say why");
        }

        return keys.Count;
    }

    [Fact]
    public void NotSignals_EveryEntryHasAReasonAndIsNotAlsoMapped()
    {
        var entries = NotSignals();

        entries.Should().NotBeEmpty();
        entries.Should().Contain(e => e.Family == LogFamily.EntraSignIn && e.Key == "50074");
        foreach (var entry in entries)
        {
            entry.Reason.Length.Should().BeGreaterThan(30, entry.Key);
            RulePack.BuiltIn.Rules.Where(r => r.Family == entry.Family).SelectMany(r => r.Keys)
                .Should().NotContain(entry.Key, "a key is either mapped or excluded, not both");
        }
    }

    internal static IReadOnlyList<(LogFamily Family, string Key, string Reason)> NotSignals()
    {
        var root = SharedData.RepositoryRoot() ?? throw new InvalidOperationException("AttackMap.Core.sln not found");
        return File.ReadAllLines(Path.Combine(root, "src", "AttackMap.Core", "Mapping", "BuiltIn", "not-signals.tsv"))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => (Enum.Parse<LogFamily>(c[0]), c[1], c[2]))
            .ToArray();
    }

    private static IReadOnlyList<string> ReadColumn(string path, string column)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split('\t'), column);
        index.Should().BeGreaterThanOrEqualTo(0, column);
        return lines.Skip(1)
            .Select(l => l.Split('\t'))
            .Where(c => c.Length > index)
            .Select(c => c[index].TrimEnd())
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }
}
