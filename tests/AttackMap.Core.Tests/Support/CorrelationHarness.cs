using AttackMap.Correlation;
using AttackMap.Signals;

namespace AttackMap.Tests.Support;

/// <summary>Runs correlation over test signals with the built-in rules and the hand-made catalog.</summary>
internal static class CorrelationHarness
{
    public static CorrelationRuleSet BuiltIn() => CorrelationRuleSet.BuiltIn(CorrelationTestCatalog.Create());

    /// <summary>Pushes the signals in the given order through one session and returns all findings and the accounting.</summary>
    public static (IReadOnlyList<Finding> Findings, CorrelationStatistics Statistics) Run(IEnumerable<Signal> signals, CorrelationEngineOptions? options = null, CorrelationRuleSet? rules = null)
    {
        var engine = new CorrelationEngine(rules ?? BuiltIn(), options ?? new CorrelationEngineOptions());
        var session = engine.CreateSession();
        var findings = new List<Finding>();
        foreach (var signal in signals)
        {
            session.Push(signal);
            findings.AddRange(session.DrainFindings());
        }

        session.Complete();
        findings.AddRange(session.DrainFindings());
        return (findings, session.Statistics.Snapshot());
    }

    public static IReadOnlyList<Finding> Of(this IEnumerable<Finding> findings, string ruleId) =>
        findings.Where(f => f.RuleId == ruleId).ToList();

    public static IReadOnlyList<long> Indexes(this Finding finding) => finding.Records.Select(r => r.Origin.RecordIndex).ToList();
}
