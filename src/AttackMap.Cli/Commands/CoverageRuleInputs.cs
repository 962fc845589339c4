using System.Text.Json;

namespace AttackMap.Cli.Commands;

/// <summary>
/// Sorts the <c>coverage --rules</c> paths by content: an AttackMap mapping rule pack (a JSON object with a <c>rules</c>
/// array) or Microsoft Sentinel analytics rules (a folder, a YAML template, an ARM template or REST export).
/// </summary>
internal sealed class CoverageRuleInputs
{
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private CoverageRuleInputs(IReadOnlyList<string> packs, IReadOnlyList<string> sentinel)
    {
        Packs = packs;
        Sentinel = sentinel;
    }

    /// <summary>Gets the mapping rule packs, in command-line order.</summary>
    public IReadOnlyList<string> Packs { get; }

    /// <summary>Gets the Sentinel rule folders and files: those of <c>--rules</c>, then those of <c>--sentinel-rules</c>, each path once.</summary>
    public IReadOnlyList<string> Sentinel { get; }

    public static CoverageRuleInputs Sort(IReadOnlyList<string> rules, IReadOnlyList<string> sentinelRules)
    {
        var packs = new List<string>();
        var sentinel = new List<string>();
        foreach (var path in rules)
        {
            if (IsSentinel(path))
            {
                sentinel.Add(path);
            }
            else
            {
                packs.Add(path);
            }
        }

        foreach (var path in sentinelRules)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new CliException($"--sentinel-rules '{path}' is neither a file nor a folder.", ExitCodes.Usage);
            }

            sentinel.Add(path);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return new CoverageRuleInputs(packs, sentinel.Where(p => seen.Add(Path.GetFullPath(p))).ToArray());
    }

    private static bool IsSentinel(string path)
    {
        if (Directory.Exists(path))
        {
            return true;
        }

        if (!File.Exists(path))
        {
            throw new CliException($"--rules '{path}' is neither a file nor a folder.", ExitCodes.Usage);
        }

        var text = File.ReadAllText(path).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!text.StartsWith("{", StringComparison.Ordinal) && !text.StartsWith("[", StringComparison.Ordinal))
        {
            // Not JSON: a Sentinel YAML template (by extension, or by its query key when the extension says nothing).
            var extension = Path.GetExtension(path);
            if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("query:", StringComparison.Ordinal) || text.Contains("\nquery:", StringComparison.Ordinal))
            {
                return true;
            }

            throw Unrecognised(path, "it is neither JSON nor a YAML analytics rule");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, JsonOptions);
        }
        catch (JsonException ex)
        {
            // A broken .json goes to the rule pack reader as before, which reports the syntax error with its line.
            return Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
                ? false
                : throw Unrecognised(path, $"not a single JSON document ({ex.Message.TrimEnd('.')})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (IsRulePack(root))
            {
                return false;
            }

            if (HasAnalyticsRule(root, 0))
            {
                return true;
            }
        }

        throw Unrecognised(path, "no 'rules' array (rule pack) and no analytics rule (ARM 'resources' of type .../alertRules, REST 'value', or 'properties.query')");
    }

    /// <summary>The rule pack shape: a JSON object with <c>rules</c>, <c>attackVersion</c> or the rule-pack <c>$schema</c> (an incomplete pack still goes to the pack reader, which lists what is missing).</summary>
    private static bool IsRulePack(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Any(p =>
            p.Name.Equals("rules", StringComparison.OrdinalIgnoreCase)
            || p.Name.Equals("attackVersion", StringComparison.OrdinalIgnoreCase)
            || (p.Name == "$schema" && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Contains("rule-pack", StringComparison.Ordinal)));

    /// <summary>An object typed <c>…/alertRules</c> or <c>…/AlertRuleTemplates</c>, or with <c>properties.query</c>, anywhere in the document.</summary>
    private static bool HasAnalyticsRule(JsonElement element, int depth)
    {
        if (depth > 16)
        {
            return false;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().Any(e => HasAnalyticsRule(e, depth + 1));
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && (type.GetString()!.EndsWith("/alertRules", StringComparison.OrdinalIgnoreCase)
                || type.GetString()!.EndsWith("/AlertRuleTemplates", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (element.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String)
        {
            return true;
        }

        return element.EnumerateObject().Any(p => HasAnalyticsRule(p.Value, depth + 1));
    }

    private static CliException Unrecognised(string path, string why) =>
        new($"--rules '{path}' is not a rule pack nor Microsoft Sentinel analytics rules: {why}.", ExitCodes.Usage);
}
