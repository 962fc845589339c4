using System.Text.Json;

namespace AttackMap.Attack;

/// <summary>
/// The detection objects of a STIX bundle (ATT&amp;CK v18 and later): detection strategies, their analytics and the
/// <c>detects</c> relationships, reduced to the Azure and Entra ID log source references a catalog keeps.
/// </summary>
internal sealed class StixDetectionData
{
    private readonly Dictionary<string, (string Id, string Platform, List<(string Name, string Channel)> Sources, bool OtherSources)> _analytics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Id, IReadOnlyList<string> AnalyticRefs)> _strategies = new(StringComparer.Ordinal);
    private readonly List<(string Strategy, string Pattern)> _detects = new();

    public void AddAnalytic(JsonElement obj, string? stixId, string? attackId)
    {
        if (stixId is null || attackId is null || StixJson.IsWithdrawn(obj)
            || !obj.TryGetProperty("x_mitre_log_source_references", out var references) || references.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var sources = new List<(string, string)>();
        var otherSources = false;
        foreach (var reference in references.EnumerateArray())
        {
            if (reference.ValueKind != JsonValueKind.Object || StixJson.GetString(reference, "name") is not { } name)
            {
                continue;
            }

            if (AttackLogSourceReference.IsAzureSourceName(name))
            {
                sources.Add((name.Trim(), StixJson.GetString(reference, "channel")?.Trim() ?? string.Empty));
            }
            else
            {
                otherSources = true;
            }
        }

        if (sources.Count > 0)
        {
            _analytics[stixId] = (attackId, string.Join(", ", StixJson.GetStrings(obj, "x_mitre_platforms")), sources, otherSources);
        }
    }

    public void AddStrategy(JsonElement obj, string? stixId, string? attackId)
    {
        if (stixId is not null && attackId is not null && !StixJson.IsWithdrawn(obj))
        {
            _strategies[stixId] = (attackId, StixJson.GetStrings(obj, "x_mitre_analytic_refs"));
        }
    }

    public void AddDetects(string source, string target)
    {
        if (source.StartsWith("x-mitre-detection-strategy--", StringComparison.Ordinal) && target.StartsWith("attack-pattern--", StringComparison.Ordinal))
        {
            _detects.Add((source, target));
        }
    }

    /// <summary>The references per attack-pattern STIX id, in the catalog order.</summary>
    public Dictionary<string, IReadOnlyList<AttackLogSourceReference>> Build(string version)
    {
        var byPattern = new Dictionary<string, List<AttackLogSourceReference>>(StringComparer.Ordinal);
        foreach (var (strategyRef, pattern) in _detects)
        {
            if (!_strategies.TryGetValue(strategyRef, out var strategy))
            {
                continue;
            }

            foreach (var analyticRef in strategy.AnalyticRefs)
            {
                if (!_analytics.TryGetValue(analyticRef, out var analytic))
                {
                    continue;
                }

                if (!byPattern.TryGetValue(pattern, out var list))
                {
                    byPattern[pattern] = list = new List<AttackLogSourceReference>();
                }

                foreach (var (name, channel) in analytic.Sources)
                {
                    list.Add(new AttackLogSourceReference
                    {
                        Name = name,
                        Channel = channel,
                        AnalyticId = analytic.Id,
                        DetectionStrategyId = strategy.Id,
                        Platform = analytic.Platform,
                        AttackVersion = version,
                        AlsoListsNonAzureSources = analytic.OtherSources,
                    });
                }
            }
        }

        var result = new Dictionary<string, IReadOnlyList<AttackLogSourceReference>>(byPattern.Count, StringComparer.Ordinal);
        foreach (var pair in byPattern)
        {
            result[pair.Key] = AttackLogSourceOrder.Sort(pair.Value);
        }

        return result;
    }
}
