using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Cli.Commands;

/// <summary><c>attackmap rules list [--family X] [--format table|jsonl] [pack.json]</c>.</summary>
internal static class RulesListCommand
{
    public static Command Create(TextWriter stdout)
    {
        var pack = RulesCommand.PackArgument();
        var family = new Option<string?>("--family") { Description = "Only rules of this family (DefenderForCloud, EntraSignIn, EntraRiskDetection, EntraAudit, AzureActivity)." };
        var format = new Option<string>("--format") { Description = "table (default) or jsonl.", DefaultValueFactory = _ => "table" };
        var command = new Command("list", "List the rules of a pack: id, family, keys, techniques, kind, last review.") { pack, family, format };
        command.SetAction(parsed =>
        {
            var rules = Filter(RulesCommand.LoadPack(parsed.GetValue(pack)).Rules, parsed.GetValue(family));
            switch ((parsed.GetValue(format) ?? "table").ToLowerInvariant())
            {
                case "table":
                    WriteTable(rules, stdout);
                    break;
                case "jsonl":
                    WriteJsonLines(rules, stdout);
                    break;
                default:
                    throw new CliException($"--format '{parsed.GetValue(format)}' is not table or jsonl.", ExitCodes.Usage);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static IReadOnlyList<MappingRule> Filter(IReadOnlyList<MappingRule> rules, string? family)
    {
        IEnumerable<MappingRule> selected = rules;
        if (!string.IsNullOrWhiteSpace(family))
        {
            if (!Enum.TryParse<LogFamily>(family, ignoreCase: true, out var parsedFamily) || !Enum.IsDefined(typeof(LogFamily), parsedFamily))
            {
                throw new CliException($"--family '{family}' is not one of: {string.Join(", ", Enum.GetNames(typeof(LogFamily)))}.", ExitCodes.Usage);
            }

            selected = rules.Where(r => r.Family == parsedFamily);
        }

        return selected.OrderBy(r => r.Family).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
    }

    private static void WriteTable(IReadOnlyList<MappingRule> rules, TextWriter stdout)
    {
        stdout.WriteLine("id\tfamily\tkeys\ttechniques\tkind\tlastReviewed");
        foreach (var rule in rules)
        {
            var keys = rule.Keys.Count <= 3 ? string.Join(", ", rule.Keys) : $"{string.Join(", ", rule.Keys.Take(3))} (+{rule.Keys.Count - 3})";
            stdout.WriteLine(string.Join("\t", rule.Id, rule.Family, keys, string.Join(", ", rule.Techniques), rule.Kind, Date(rule.LastReviewed) ?? "-"));
        }

        stdout.WriteLine($"{rules.Count} rules");
    }

    private static void WriteJsonLines(IReadOnlyList<MappingRule> rules, TextWriter stdout)
    {
        foreach (var rule in rules)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                if (rule.DisplayName is not null)
                {
                    json.WriteString("name", rule.DisplayName);
                }

                json.WriteString("family", rule.Family.ToString());
                json.WriteString("matchField", rule.MatchField);
                WriteArray(json, "keys", rule.Keys);
                WriteArray(json, "techniques", rule.Techniques);
                WriteArray(json, "tactics", rule.Tactics);
                json.WriteString("kind", rule.Kind.ToString());
                json.WriteNumber("conditions", rule.Conditions.Count);
                json.WriteString("rationale", rule.Rationale);
                json.WriteString("lastReviewed", Date(rule.LastReviewed));
                json.WriteEndObject();
            }

            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    internal static string? Date(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
