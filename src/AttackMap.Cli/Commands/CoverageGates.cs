using System.CommandLine;
using AttackMap.Attack;
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

    /// <summary>Rejects (exit 2) a technique gate whose id is not in the ATT&amp;CK catalog at all: it could never pass.</summary>
    public static void Validate(IReadOnlyList<CoverageGate> gates, AttackCatalog catalog)
    {
        foreach (var gate in gates)
        {
            if (gate.TechniqueId is { } id && !catalog.TryGetTechnique(id, out _))
            {
                throw new CliException($"--fail-on '{gate}': {id} is not a technique of ATT&CK v{catalog.Version}; check the id.", ExitCodes.Usage);
            }
        }
    }

    /// <summary>Checks every gate; throws a <see cref="CliException"/> (exit 1) listing the offending techniques when any fails.</summary>
    public static void Enforce(IReadOnlyList<CoverageGate> gates, CoverageSnapshot current, CoverageDiffResult? diff, AttackCatalog catalog, IReadOnlyList<string>? platforms = null)
    {
        var failures = new List<string>();
        foreach (var gate in gates)
        {
            var offending = gate.TechniqueId is { } id && current.Find(id) is null
                ? new[] { NotInScope(id, gate.Minimum, catalog, platforms) }
                : gate.Check(current, diff);
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

    /// <summary>Why a technique the gate names is not in the report: revoked (with its replacement), deprecated, or another platform.</summary>
    internal static string NotInScope(string id, CoverageStatus minimum, AttackCatalog catalog, IReadOnlyList<string>? platforms)
    {
        if (!catalog.TryGetTechnique(id, out var technique))
        {
            return $"{id}: not a technique of ATT&CK v{catalog.Version} (required: {minimum})";
        }

        if (technique.IsRevoked)
        {
            var replacement = catalog.ResolveCurrent(id);
            return replacement is null
                ? $"{id} {technique.Name}: revoked in ATT&CK v{catalog.Version} with no current replacement (required: {minimum})"
                : $"{id} {technique.Name}: revoked in ATT&CK v{catalog.Version}; gate on its replacement {replacement.Id} {replacement.Name} instead (required: {minimum})";
        }

        if (technique.IsDeprecated)
        {
            return $"{id} {technique.Name}: deprecated in ATT&CK v{catalog.Version}, so not in the report (required: {minimum})";
        }

        var its = technique.Platforms.Count == 0 ? "none" : string.Join(", ", technique.Platforms);
        var scope = platforms is null ? string.Empty : "; the report covers " + string.Join(", ", platforms);
        return $"{id} {technique.Name}: outside the report's platform scope (its platforms: {its}{scope}) (required: {minimum})";
    }
}
