using System.CommandLine;
using AttackMap.Coverage;

namespace AttackMap.Cli.Commands;

/// <summary>The <c>--fail-on</c> option of <c>coverage</c> and <c>coverage diff</c>.</summary>
internal static class CoverageGates
{
    public static Option<string[]> CreateOption() => new("--fail-on")
    {
        Description = "Exit 1 when a gate fails: 'downgrade' (any technique's status got weaker; needs a baseline) or "
            + "'<technique>:<status>' (that technique must be at least that status); repeatable. Ranking, strongest first: Direct, "
            + "CorrelationOnly, NeedsReview, NeedsLogging, NeedsRule, then NeedsLogging with no rule mapping the technique "
            + "(its ATT&CK log is off), which fails ':NeedsRule' and ':NeedsLogging'.",
    };

    public static IReadOnlyList<CoverageGate> Parse(IEnumerable<string>? texts)
    {
        try
        {
            return (texts ?? Array.Empty<string>()).Select(CoverageGate.Parse).ToArray();
        }
        catch (FormatException ex)
        {
            throw new CliException("--fail-on " + ex.Message, ExitCodes.Usage);
        }
    }

    /// <summary>Checks every gate; throws a <see cref="CliException"/> (exit 1) listing the offending techniques when any fails.</summary>
    public static void Enforce(IReadOnlyList<CoverageGate> gates, CoverageSnapshot current, CoverageDiffResult? diff)
    {
        var failures = new List<string>();
        foreach (var gate in gates)
        {
            var offending = gate.Check(current, diff);
            if (offending.Count > 0)
            {
                failures.Add($"--fail-on {gate}: {offending.Count} technique(s)");
                failures.AddRange(offending.Select(o => "  " + o));
            }
        }

        if (failures.Count > 0)
        {
            throw new CliException("coverage gate failed:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
        }
    }
}
