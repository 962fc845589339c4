using System.Globalization;
using System.Text.Json;

namespace AttackMap.Mapping;

/// <summary>Reads the JSON rule pack format into <see cref="RulePack"/>, collecting every format problem with its location.</summary>
internal sealed class RulePackReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly string _source;
    private readonly JsonRuleLocator _locator;
    private readonly List<RuleProblem> _problems = new();

    private RulePackReader(string source, JsonRuleLocator locator)
    {
        _source = source;
        _locator = locator;
    }

    public static RulePack Read(byte[] utf8, string sourceName)
    {
        var start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        var memory = new ReadOnlyMemory<byte>(utf8, start, utf8.Length - start);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(memory, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? $" (line {l + 1}, column {(ex.BytePositionInLine ?? 0) + 1})" : string.Empty;
            var problem = new RuleProblem(RuleProblemCode.Format, null, sourceName + line, "The pack is not valid JSON: " + Internal.JsonErrorText.Message(ex));
            throw new RulePackFormatException(sourceName, new[] { problem });
        }

        using (document)
        {
            var reader = new RulePackReader(sourceName, new JsonRuleLocator(memory));
            var pack = reader.ReadPack(document.RootElement);
            if (reader._problems.Count > 0)
            {
                throw new RulePackFormatException(sourceName, reader._problems);
            }

            return pack!;
        }
    }

    private RulePack? ReadPack(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Problem(null, "$", "The pack must be a JSON object with id, version and rules.");
            return null;
        }

        string? id = null, version = null, attackVersion = null, description = null;
        var rules = new List<MappingRule>();
        var sawRules = false;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name.ToLowerInvariant())
            {
                case "$schema": break;
                case "id": id = ReadString(property.Value, null, "id"); break;
                case "version": version = ReadString(property.Value, null, "version"); break;
                case "attackversion": attackVersion = ReadString(property.Value, null, "attackVersion"); break;
                case "description": description = ReadString(property.Value, null, "description"); break;
                case "rules":
                    sawRules = true;
                    if (property.Value.ValueKind != JsonValueKind.Array)
                    {
                        Problem(null, "rules", "'rules' must be an array.");
                        break;
                    }

                    var index = 0;
                    foreach (var element in property.Value.EnumerateArray())
                    {
                        var rule = new RuleReader(this, index).Read(element);
                        if (rule is not null)
                        {
                            rules.Add(rule);
                        }

                        index++;
                    }

                    break;
                default:
                    Problem(null, property.Name, $"Unknown pack property '{property.Name}'.");
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            Problem(null, "id", "The pack needs a non-empty 'id'.");
        }

        if (string.IsNullOrWhiteSpace(version))
        {
            Problem(null, "version", "The pack needs a non-empty 'version'.");
        }

        if (!sawRules)
        {
            Problem(null, "rules", "The pack needs a 'rules' array.");
        }

        // attackVersion may follow rules in the file; stamp it and the pack id on every rule afterwards.
        var packId = id ?? string.Empty;
        return new RulePack(packId, version ?? string.Empty, rules.Select(r => Copy(r, attackVersion, packId)).ToArray())
        {
            AttackVersion = attackVersion,
            Description = description ?? string.Empty,
            SourceName = _source,
        };
    }

    internal string Locate(int? ruleIndex, string path)
    {
        var line = ruleIndex is { } i ? _locator.GetRuleLine(i) : null;
        return line is { } l ? $"{_source}: {path} (line {l.ToString(CultureInfo.InvariantCulture)})" : $"{_source}: {path}";
    }

    internal void Problem(int? ruleIndex, string path, string message, string? ruleId = null) =>
        _problems.Add(new RuleProblem(RuleProblemCode.Format, ruleId, Locate(ruleIndex, path), message));

    internal string? ReadString(JsonElement value, int? ruleIndex, string path, string? ruleId = null)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind != JsonValueKind.Null)
        {
            Problem(ruleIndex, path, $"'{path}' must be a string, not {value.ValueKind}.", ruleId);
        }

        return null;
    }

    internal IReadOnlyList<string> ReadStrings(JsonElement value, int? ruleIndex, string path, string? ruleId = null)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<string>();
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(ruleIndex, path, $"'{path}' must be an array of strings.", ruleId);
            return Array.Empty<string>();
        }

        var list = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
            else
            {
                Problem(ruleIndex, $"{path}[{i}]", $"'{path}[{i}]' must be a string, not {item.ValueKind}.", ruleId);
            }

            i++;
        }

        return list.ToArray();
    }

    private static MappingRule Copy(MappingRule rule, string? attackVersion, string? packId) =>
        new(rule.Id, rule.Family, rule.Techniques, rule.Kind, rule.Rationale)
        {
            MatchField = rule.MatchField,
            Keys = rule.Keys,
            Conditions = rule.Conditions,
            Tactics = rule.Tactics,
            References = rule.References,
            LastReviewed = rule.LastReviewed,
            AttackVersion = attackVersion,
            Location = rule.Location,
            KindReason = rule.KindReason,
            DisplayName = rule.DisplayName,
            PackId = packId,
        };
}
