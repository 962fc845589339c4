using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using AttackMap.Attack;
using AttackMap.Coverage;

namespace AttackMap.Cli.Commands;

/// <summary><c>attackmap coverage diff before.json after.json</c>: what changed between two saved JSON coverage reports.</summary>
internal static class CoverageDiffCommand
{
    public static Command Create(TextWriter stdout)
    {
        var before = new Argument<string>("before") { Description = "The earlier JSON coverage report (attackmap coverage --json)." };
        var after = new Argument<string>("after") { Description = "The later JSON coverage report." };
        var format = new Option<string>("--format") { Description = "Output format: table or jsonl.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var failOn = CoverageGates.CreateOption();
        var command = new Command("diff", "Compare two JSON coverage reports: status changes and techniques added to or removed from scope.")
        {
            before, after, format, failOn,
        };
        command.SetAction(parsed =>
        {
            var gates = CoverageGates.Parse(parsed.GetValue(failOn));
            var earlier = Read(parsed.GetValue(before)!);
            var later = Read(parsed.GetValue(after)!);
            var catalog = AttackCatalog.EmbeddedVersions.Contains(later.AttackVersion) ? AttackCatalog.LoadEmbedded(later.AttackVersion) : AttackCatalog.Default;
            CoverageGates.Validate(gates, catalog);
            var diff = CoverageDiff.Compare(earlier, later);
            if (parsed.GetValue(format) == "jsonl")
            {
                WriteJsonLines(diff, stdout);
            }
            else
            {
                WriteTable(diff, stdout);
            }

            CoverageGates.Enforce(gates, later, diff, catalog);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static CoverageSnapshot Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"coverage report '{path}' does not exist.", ExitCodes.Usage);
        }

        try
        {
            using var stream = File.OpenRead(path);
            return CoverageSnapshot.ReadJson(stream);
        }
        catch (FormatException ex)
        {
            if (LooksLikeCsv(path))
            {
                throw new CliException($"'{path}': this is a CSV export, not a coverage report; pass a report written by 'attackmap coverage --json'.");
            }

            throw new CliException($"'{path}': {ex.Message}");
        }
    }

    private static bool LooksLikeCsv(string path)
    {
        using var reader = new StreamReader(path);
        var first = reader.ReadLine()?.TrimStart('\uFEFF', ' ', '\t') ?? string.Empty;
        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            || (first.Length > 0 && first[0] is not ('{' or '[') && first.Contains(','));
    }

    private static void WriteTable(CoverageDiffResult diff, TextWriter stdout)
    {
        stdout.WriteLine(diff.ToString());
        if (diff.Changes.Count == 0)
        {
            return;
        }

        var idWidth = Math.Max("Technique".Length, diff.Changes.Max(c => c.TechniqueId.Length));
        stdout.WriteLine($"{"Technique".PadRight(idWidth)}  {"Change",-10}  {"Before",-15}  {"After",-15}  Reason");
        foreach (var change in diff.Changes)
        {
            stdout.WriteLine(
                $"{change.TechniqueId.PadRight(idWidth)}  {change.Kind,-10}  {change.Before?.ToString() ?? "-",-15}  {change.After?.ToString() ?? "-",-15}  {change.Reason}");
        }
    }

    private static void WriteJsonLines(CoverageDiffResult diff, TextWriter stdout)
    {
        foreach (var change in diff.Changes)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteString("technique", change.TechniqueId);
                writer.WriteString("name", change.Name);
                writer.WriteString("change", change.Kind.ToString());
                WriteNullable(writer, "before", change.Before?.ToString());
                WriteNullable(writer, "after", change.After?.ToString());
                WriteNullable(writer, "beforeReason", change.BeforeReason);
                WriteNullable(writer, "afterReason", change.AfterReason);
                writer.WriteString("reason", change.Reason);
                writer.WriteEndObject();
            }

            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
