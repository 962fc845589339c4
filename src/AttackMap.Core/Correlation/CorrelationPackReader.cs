using System.Globalization;
using System.Text.Json;
using System.Xml;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>
/// Reads a JSON correlation pack (<c>{id, version, attackVersion, correlations:[...]}</c>, see <c>docs/correlation-rules.md</c>).
/// Problems are collected with their JSON path; rules with problems are left out.
/// </summary>
internal static class CorrelationPackReader
{
    public static IReadOnlyList<CorrelationRule> Read(string json, string location, List<string> errors)
    {
        var rules = new List<CorrelationRule>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            errors.Add($"Pack {location}: not valid JSON ({ex.Message}).");
            return rules;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !TryGet(root, "correlations", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"Pack {location}: expected an object with a 'correlations' array.");
                return rules;
            }

            var packAttackVersion = GetString(root, "attackVersion");
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = $"{location}:correlations[{index++}]";
                var before = errors.Count;
                var rule = ReadRule(item, path, packAttackVersion, errors);
                if (rule is not null && errors.Count == before)
                {
                    rules.Add(rule);
                }
            }
        }

        return rules;
    }

    private static CorrelationRule? ReadRule(JsonElement item, string path, string? packAttackVersion, List<string> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: a correlation must be an object.");
            return null;
        }

        var id = GetString(item, "id");
        var where = $"{path} '{id}'";
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add($"{path}: 'id' is required.");
            return null;
        }

        var window = ParseWindow(GetString(item, "window"), where, errors);
        var kind = ParseEnum(GetString(item, "kind") ?? nameof(EvidenceKind.CorrelationContext), EvidenceKind.CorrelationContext, where, "kind", errors);
        var groupBy = ParseEnum(GetString(item, "groupBy") ?? nameof(CorrelationKey.Principal), CorrelationKey.Principal, where, "groupBy", errors);
        var steps = new List<CorrelationStep>();
        if (TryGet(item, "steps", out var stepsElement) && stepsElement.ValueKind == JsonValueKind.Array)
        {
            var s = 0;
            foreach (var stepElement in stepsElement.EnumerateArray())
            {
                var step = ReadStep(stepElement, $"{where}.steps[{s++}]", errors);
                if (step is not null)
                {
                    steps.Add(step);
                }
            }
        }
        else
        {
            errors.Add($"{where}: 'steps' must be an array.");
        }

        return new CorrelationRule(id!, window, steps, GetStrings(item, "techniques"), kind, GetString(item, "rationale") ?? string.Empty)
        {
            Name = GetString(item, "name"),
            Description = GetString(item, "description"),
            GroupBy = groupBy,
            Ordered = TryGet(item, "ordered", out var ordered) && ordered.ValueKind == JsonValueKind.True,
            Tactics = GetStrings(item, "tactics"),
            References = GetStrings(item, "references"),
            AttackVersion = GetString(item, "attackVersion") ?? packAttackVersion,
            Location = path,
        };
    }

    private static CorrelationStep? ReadStep(JsonElement element, string path, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: a step must be an object.");
            return null;
        }

        var matches = new List<SignalMatch>();
        if (TryGet(element, "match", out var matchElement) && matchElement.ValueKind == JsonValueKind.Array)
        {
            var m = 0;
            foreach (var item in matchElement.EnumerateArray())
            {
                var match = ReadMatch(item, $"{path}.match[{m++}]", errors);
                if (match is not null)
                {
                    matches.Add(match);
                }
            }
        }
        else
        {
            errors.Add($"{path}: 'match' must be an array.");
        }

        return new CorrelationStep(GetString(element, "name") ?? "step", matches)
        {
            MinCount = GetInt(element, "minCount", 1, path, errors),
            DistinctField = GetString(element, "distinctField"),
            MinDistinct = GetInt(element, "minDistinct", 0, path, errors),
            NewValueOf = GetStrings(element, "newValueOf"),
        };
    }

    private static SignalMatch? ReadMatch(JsonElement element, string path, List<string> errors)
    {
        var familyText = element.ValueKind == JsonValueKind.Object ? GetString(element, "family") : null;
        if (familyText is null)
        {
            errors.Add($"{path}: 'family' is required.");
            return null;
        }

        var family = ParseEnum(familyText, LogFamily.EntraSignIn, path, "family", errors);
        var sources = new List<SignalSource>();
        foreach (var source in GetStrings(element, "sources"))
        {
            sources.Add(ParseEnum(source, SignalSource.EntraSignIn, path, "sources", errors));
        }

        var conditions = new List<RuleCondition>();
        if (TryGet(element, "conditions", out var conditionsElement) && conditionsElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var condition in conditionsElement.EnumerateArray())
            {
                var field = GetString(condition, "field");
                if (field is null)
                {
                    errors.Add($"{path}: every condition needs a 'field'.");
                    continue;
                }

                var op = ParseEnum(GetString(condition, "operator") ?? nameof(ConditionOperator.Equals), ConditionOperator.Equals, path, "operator", errors);
                conditions.Add(new RuleCondition(field, op, GetStrings(condition, "values")));
            }
        }

        return new SignalMatch(family)
        {
            MatchField = GetString(element, "matchField"),
            Keys = GetStrings(element, "keys"),
            Sources = sources,
            Conditions = conditions,
            KeyField = GetString(element, "keyField"),
        };
    }

    private static TimeSpan ParseWindow(string? text, string where, List<string> errors)
    {
        if (text is not null && text.StartsWith("P", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
            }
        }
        else if (text is not null && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{where}: 'window' must be an ISO 8601 duration (PT10M) or d.hh:mm:ss, not '{text}'.");
        return TimeSpan.Zero;
    }

    private static T ParseEnum<T>(string text, T fallback, string where, string property, List<string> errors)
        where T : struct
    {
        if (text.Length > 0 && !char.IsDigit(text[0]) && text[0] != '-' && Enum.TryParse<T>(text.Replace("-", string.Empty), true, out var value))
        {
            return value;
        }

        errors.Add($"{where}: '{property}' value '{text}' is not one of {string.Join(", ", Enum.GetNames(typeof(T)))}.");
        return fallback;
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    private static string? GetString(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int GetInt(JsonElement element, string name, int fallback, string where, List<string> errors)
    {
        if (!TryGet(element, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        errors.Add($"{where}: '{name}' must be an integer.");
        return fallback;
    }

    private static IReadOnlyList<string> GetStrings(JsonElement element, string name)
    {
        if (!TryGet(element, name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } text)
            {
                list.Add(text);
            }
            else if (item.ValueKind == JsonValueKind.Number)
            {
                list.Add(item.GetRawText());
            }
        }

        return list;
    }
}
