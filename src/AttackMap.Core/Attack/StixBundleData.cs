using System.Text.Json;

namespace AttackMap.Attack;

/// <summary>The parts of a STIX bundle a catalog needs, collected in one pass over its objects.</summary>
internal sealed class StixBundleData
{
    private readonly Dictionary<string, Tactic> _tacticsByStixId = new(StringComparer.Ordinal);
    private readonly List<string> _tacticOrder = new();

    public List<Tactic> Tactics { get; } = new();

    public List<StixPattern> Patterns { get; } = new();

    public Dictionary<string, string> RevokedBy { get; } = new(StringComparer.Ordinal);

    public string? CollectionVersion { get; private set; }

    public string? Domain { get; private set; }

    public string? Copyright { get; private set; }

    public StixDetectionData Detection { get; } = new();

    public void Add(JsonElement obj)
    {
        switch (GetString(obj, "type"))
        {
            case "x-mitre-collection":
                CollectionVersion ??= GetString(obj, "x_mitre_version");
                break;
            case "x-mitre-matrix":
                AddMatrix(obj);
                break;
            case "x-mitre-tactic":
                AddTactic(obj);
                break;
            case "attack-pattern":
                AddPattern(obj);
                break;
            case "x-mitre-analytic":
                Detection.AddAnalytic(obj, GetString(obj, "id"), GetAttackId(obj));
                break;
            case "x-mitre-detection-strategy":
                Detection.AddStrategy(obj, GetString(obj, "id"), GetAttackId(obj));
                break;
            case "relationship":
                AddRelationship(obj);
                break;
            case "marking-definition":
                if (obj.TryGetProperty("definition", out var definition) && definition.ValueKind == JsonValueKind.Object)
                {
                    Copyright ??= GetString(definition, "statement");
                }

                break;
        }
    }

    /// <summary>Returns the tactics in matrix order (0-based), tactics missing from the matrix last, by id.</summary>
    public IReadOnlyList<Tactic> BuildTactics()
    {
        var ordered = _tacticOrder.Where(_tacticsByStixId.ContainsKey).Select(id => _tacticsByStixId[id]).ToList();
        ordered.AddRange(Tactics.Where(t => !ordered.Contains(t)).OrderBy(t => t.Id, StringComparer.Ordinal));
        return ordered.Select((t, i) => new Tactic(t.Id, t.ShortName, t.Name, i)).ToArray();
    }

    public string BundleId(JsonElement root) => GetString(root, "id") ?? "(no id)";

    private static string? GetString(JsonElement obj, string name) => StixJson.GetString(obj, name);

    private static bool GetBool(JsonElement obj, string name) => StixJson.GetBool(obj, name);

    private static string? GetAttackId(JsonElement obj) => StixJson.GetAttackId(obj);

    private static IReadOnlyList<string> GetStrings(JsonElement obj, string name) => StixJson.GetStrings(obj, name);

    private void AddRelationship(JsonElement obj)
    {
        if (GetString(obj, "source_ref") is not { } source || GetString(obj, "target_ref") is not { } target)
        {
            return;
        }

        switch (GetString(obj, "relationship_type"))
        {
            case "revoked-by" when source.StartsWith("attack-pattern--", StringComparison.Ordinal):
                RevokedBy[source] = target;
                break;
            case "detects" when !StixJson.IsWithdrawn(obj):
                Detection.AddDetects(source, target);
                break;
        }
    }

    private void AddMatrix(JsonElement obj)
    {
        if (_tacticOrder.Count > 0 || GetBool(obj, "revoked") || GetBool(obj, "x_mitre_deprecated"))
        {
            return;
        }

        Domain = GetAttackId(obj);
        _tacticOrder.AddRange(GetStrings(obj, "tactic_refs"));
    }

    private void AddTactic(JsonElement obj)
    {
        if (GetBool(obj, "revoked") || GetBool(obj, "x_mitre_deprecated")
            || GetString(obj, "id") is not { } stixId || GetAttackId(obj) is not { } attackId
            || GetString(obj, "x_mitre_shortname") is not { } shortName)
        {
            return;
        }

        var tactic = new Tactic(attackId, shortName, GetString(obj, "name") ?? shortName, Tactics.Count);
        Tactics.Add(tactic);
        _tacticsByStixId[stixId] = tactic;
    }

    private void AddPattern(JsonElement obj)
    {
        if (GetString(obj, "id") is not { } stixId || GetAttackId(obj) is not { } attackId)
        {
            return;
        }

        var phases = new List<string>();
        if (obj.TryGetProperty("kill_chain_phases", out var chain) && chain.ValueKind == JsonValueKind.Array)
        {
            foreach (var phase in chain.EnumerateArray())
            {
                if (phase.ValueKind == JsonValueKind.Object && GetString(phase, "kill_chain_name") == "mitre-attack"
                    && GetString(phase, "phase_name") is { Length: > 0 } name && !phases.Contains(name))
                {
                    phases.Add(name);
                }
            }
        }

        Patterns.Add(new StixPattern(
            stixId,
            attackId,
            GetString(obj, "name") ?? attackId,
            phases.ToArray(),
            GetStrings(obj, "x_mitre_platforms"),
            GetBool(obj, "revoked"),
            GetBool(obj, "x_mitre_deprecated"),
            GetString(obj, "x_mitre_version"),
            AttackTimestamp.Parse(GetString(obj, "modified"))));
    }
}
