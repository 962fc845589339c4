using System.Globalization;
using System.Text.Json;
using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>Reads one element of a pack's <c>rules</c> array.</summary>
internal sealed class RuleReader
{
    private readonly RulePackReader _pack;
    private readonly int _index;
    private readonly string _path;
    private string? _id;

    public RuleReader(RulePackReader pack, int index)
    {
        _pack = pack;
        _index = index;
        _path = "rules[" + index.ToString(CultureInfo.InvariantCulture) + "]";
    }

    public MappingRule? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _pack.Problem(_index, _path, "A rule must be a JSON object.");
            return null;
        }

        if (element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String)
        {
            _id = idElement.GetString();
        }

        LogFamily? family = null;
        EvidenceKind? kind = null;
        string? field = null, kindReason = null, rationale = null, name = null;
        IReadOnlyList<string> keys = Array.Empty<string>(), techniques = Array.Empty<string>(), tactics = Array.Empty<string>(), references = Array.Empty<string>();
        IReadOnlyList<RuleCondition> conditions = Array.Empty<RuleCondition>();
        DateTimeOffset? lastReviewed = null;
        foreach (var property in element.EnumerateObject())
        {
            var path = _path + "." + property.Name;
            switch (property.Name.ToLowerInvariant())
            {
                case "id": _id = String(property.Value, path); break;
                case "family": family = ParseEnum<LogFamily>(String(property.Value, path), path, "family"); break;
                case "match": (field, keys) = ReadMatch(property.Value, path); break;
                case "conditions": conditions = ReadConditions(property.Value, path); break;
                case "techniques": techniques = _pack.ReadStrings(property.Value, _index, path, _id); break;
                case "tactics": tactics = _pack.ReadStrings(property.Value, _index, path, _id); break;
                case "kind": kind = ParseEnum<EvidenceKind>(String(property.Value, path), path, "kind"); break;
                case "kindreason": kindReason = String(property.Value, path); break;
                case "rationale": rationale = String(property.Value, path); break;
                case "name": name = String(property.Value, path); break;
                case "references": references = _pack.ReadStrings(property.Value, _index, path, _id); break;
                case "lastreviewed": lastReviewed = ReadDate(String(property.Value, path), path); break;
                default: _pack.Problem(_index, path, $"Unknown rule property '{property.Name}'.", _id); break;
            }
        }

        if (family is null)
        {
            if (!element.TryGetProperty("family", out _))
            {
                _pack.Problem(_index, _path + ".family", "The rule needs a 'family' (DefenderForCloud, EntraSignIn, EntraRiskDetection, EntraAudit or AzureActivity).", _id);
            }

            return null;
        }

        var resolvedKind = kind ?? EvidencePolicy.GetDefaultKind(family.Value, field, keys);
        return new MappingRule(_id ?? string.Empty, family.Value, techniques, resolvedKind, rationale ?? string.Empty)
        {
            MatchField = field,
            Keys = keys,
            Conditions = conditions,
            Tactics = tactics,
            References = references,
            LastReviewed = lastReviewed,
            KindReason = kindReason,
            DisplayName = string.IsNullOrWhiteSpace(name) ? null : name!.Trim(),
            Location = _pack.Locate(_index, _path),
        };
    }

    private string? String(JsonElement value, string path) => _pack.ReadString(value, _index, path, _id);

    private (string? Field, IReadOnlyList<string> Values) ReadMatch(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            _pack.Problem(_index, path, "'match' must be an object with 'field' (optional) and 'values'.", _id);
            return (null, Array.Empty<string>());
        }

        string? field = null;
        IReadOnlyList<string> values = Array.Empty<string>();
        foreach (var property in value.EnumerateObject())
        {
            var inner = path + "." + property.Name;
            switch (property.Name.ToLowerInvariant())
            {
                case "field": field = String(property.Value, inner); break;
                case "values": values = _pack.ReadStrings(property.Value, _index, inner, _id); break;
                default: _pack.Problem(_index, inner, $"Unknown match property '{property.Name}'.", _id); break;
            }
        }

        return (field, values);
    }

    private IReadOnlyList<RuleCondition> ReadConditions(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            _pack.Problem(_index, path, "'conditions' must be an array.", _id);
            return Array.Empty<RuleCondition>();
        }

        var list = new List<RuleCondition>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            i++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                _pack.Problem(_index, itemPath, "A condition must be an object with 'field', 'operator' and 'values'.", _id);
                continue;
            }

            string? field = null;
            ConditionOperator? op = null;
            IReadOnlyList<string> values = Array.Empty<string>();
            foreach (var property in item.EnumerateObject())
            {
                var inner = itemPath + "." + property.Name;
                switch (property.Name.ToLowerInvariant())
                {
                    case "field": field = String(property.Value, inner); break;
                    case "operator": op = ParseEnum<ConditionOperator>(String(property.Value, inner), inner, "operator"); break;
                    case "values": values = _pack.ReadStrings(property.Value, _index, inner, _id); break;
                    default: _pack.Problem(_index, inner, $"Unknown condition property '{property.Name}'.", _id); break;
                }
            }

            if (string.IsNullOrWhiteSpace(field))
            {
                _pack.Problem(_index, itemPath + ".field", "A condition needs a 'field'.", _id);
            }
            else if (op is null)
            {
                if (!item.TryGetProperty("operator", out _))
                {
                    _pack.Problem(_index, itemPath + ".operator", "A condition needs an 'operator'.", _id);
                }
            }
            else
            {
                list.Add(new RuleCondition(field!, op.Value, values));
            }
        }

        return list.ToArray();
    }

    private T? ParseEnum<T>(string? text, string path, string what)
        where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > 0 && !char.IsDigit(trimmed[0]) && trimmed[0] != '-' && Enum.TryParse<T>(trimmed, ignoreCase: true, out var value))
        {
            return value;
        }

        var names = string.Join(", ", Enum.GetNames(typeof(T)).Select(n => char.ToLowerInvariant(n[0]) + n.Substring(1)));
        _pack.Problem(_index, path, $"Unknown {what} '{text}'; expected one of: {names}.", _id);
        return null;
    }

    private DateTimeOffset? ReadDate(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return date;
        }

        _pack.Problem(_index, path, $"'lastReviewed' must be a date written yyyy-MM-dd, not '{text}'.", _id);
        return null;
    }
}
