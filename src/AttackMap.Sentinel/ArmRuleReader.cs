using System.Text.Json;

namespace AttackMap.Sentinel;

/// <summary>
/// Reads analytics rules from an ARM template (<c>resources[]</c> of type
/// <c>Microsoft.OperationalInsights/workspaces/providers/alertRules</c> or <c>Microsoft.SecurityInsights/alertRules</c>),
/// a REST list (<c>value[]</c>), a JSON array of rules, or a single rule object.
/// </summary>
internal static class ArmRuleReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static List<(RuleFields? Rule, SentinelImportError? Error)> Read(Stream stream, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, Options);
        }
        catch (JsonException ex)
        {
            throw new SentinelFormatException($"invalid JSON: {ex.Message}", ex.LineNumber is { } line ? (int)line + 1 : null);
        }

        using (document)
        {
            var candidates = Candidates(document.RootElement).ToList();
            if (candidates.Count == 0)
            {
                throw new SentinelFormatException("no analytics rules found (expected objects of type .../alertRules or .../AlertRuleTemplates, or a rule object)")
                {
                    HoldsNoRule = true,
                };
            }

            var results = new List<(RuleFields?, SentinelImportError?)>();
            foreach (var (element, location) in candidates)
            {
                try
                {
                    results.Add((ReadRule(element, file, location), null));
                }
                catch (SentinelFormatException ex)
                {
                    results.Add((null, new SentinelImportError { File = file, Location = location, Message = ex.Message }));
                }
            }

            return results;
        }
    }

    private static IEnumerable<(JsonElement Element, string Location)> Candidates(JsonElement root)
    {
        var found = new List<(JsonElement, string)>();
        Walk(root, string.Empty, found);
        if (found.Count == 0 && root.ValueKind == JsonValueKind.Array)
        {
            found.AddRange(Untyped(root, string.Empty));
        }

        if (found.Count == 0 && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
        {
            found.AddRange(Untyped(value, "value"));
        }

        if (found.Count == 0 && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("properties", out _) && !root.TryGetProperty("resources", out _))
        {
            found.Add((root, "rule"));
        }

        return found;
    }

    /// <summary>
    /// Collects every object typed <c>…/alertRules</c> or <c>…/AlertRuleTemplates</c>, at any depth: top-level
    /// <c>resources[]</c>, REST <c>value[]</c>, and the <c>mainTemplate.resources[]</c> nested in Solution packages.
    /// </summary>
    private static void Walk(JsonElement element, string path, List<(JsonElement, string)> found)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (IsAlertRule(element) && element.TryGetProperty("properties", out _))
            {
                found.Add((element, path.Length == 0 ? "rule" : path));
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, found);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, $"{path}[{i++}]", found);
            }
        }
    }

    private static IEnumerable<(JsonElement, string)> Untyped(JsonElement array, string name) =>
        array.EnumerateArray().Select((e, i) => (e, $"{name}[{i}]")).Where(c => c.e.ValueKind == JsonValueKind.Object && c.e.TryGetProperty("properties", out _));

    private static bool IsAlertRule(JsonElement resource) =>
        String(resource, "type") is { } type
        && (type.EndsWith("/alertRules", StringComparison.OrdinalIgnoreCase) || type.EndsWith("/AlertRuleTemplates", StringComparison.OrdinalIgnoreCase));

    private static RuleFields ReadRule(JsonElement rule, string file, string location)
    {
        if (!rule.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
        {
            throw new SentinelFormatException("the rule has no 'properties' object");
        }

        var fields = new RuleFields { Format = SentinelRuleFormat.ArmTemplate, SourceFile = file, Location = location };
        fields.Id = RuleGuid(String(rule, "name"));
        fields.Kind = String(rule, "kind");
        fields.Name = String(p, "displayName");
        fields.Description = String(p, "description")?.Trim();
        fields.Severity = String(p, "severity");
        fields.Enabled = !p.TryGetProperty("enabled", out var enabled) || enabled.ValueKind != JsonValueKind.False;
        fields.Query = String(p, "query");
        fields.QueryFrequency = String(p, "queryFrequency");
        fields.QueryPeriod = String(p, "queryPeriod");
        fields.TriggerOperator = String(p, "triggerOperator");
        fields.TriggerThreshold = p.TryGetProperty("triggerThreshold", out var threshold) && threshold.ValueKind == JsonValueKind.Number ? threshold.GetRawText() : String(p, "triggerThreshold");
        fields.TemplateId = String(p, "alertRuleTemplateName");
        fields.Tactics.AddRange(Strings(p, "tactics"));
        fields.Techniques.AddRange(Strings(p, "techniques"));
        fields.Techniques.AddRange(Strings(p, "subTechniques"));
        if (fields.Name is null && fields.Id is null)
        {
            throw new SentinelFormatException("not an analytics rule: it has neither 'name' nor 'properties.displayName'");
        }

        var kind = fields.Kind ?? "Scheduled";
        if (fields.Query is null && (kind.Equals("Scheduled", StringComparison.OrdinalIgnoreCase) || kind.Equals("NRT", StringComparison.OrdinalIgnoreCase)))
        {
            throw new SentinelFormatException($"the {kind} rule has no 'properties.query'");
        }

        return fields;
    }

    /// <summary>The rule GUID from <c>[concat(parameters('workspace'),'/Microsoft.SecurityInsights/&lt;guid&gt;')]</c> or a plain name.</summary>
    private static string? RuleGuid(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var last = name!.Substring(name.LastIndexOf('/') + 1).TrimEnd(')', ']', '\'', ' ').Trim();
        return last.Length == 0 || last.IndexOf('[') >= 0 || last.IndexOf('(') >= 0 ? null : last;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0)
            : Enumerable.Empty<string>();
}
