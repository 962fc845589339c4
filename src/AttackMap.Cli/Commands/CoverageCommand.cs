using System.CommandLine;
using AttackMap.Cli.Output;
using AttackMap.Coverage;
using AttackMap.Export;

namespace AttackMap.Cli.Commands;

/// <summary><c>attackmap coverage [log files...]</c>: per-technique coverage, a Navigator layer and reports.</summary>
internal static class CoverageCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Optional log files or folders: what fired in them is counted per technique (observed evidence).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var layer = new Option<string?>("--layer") { Description = "Write an ATT&CK Navigator layer (format 4.5) to this file." };
        var report = new Option<string?>("--report") { Description = "Write the Markdown coverage report to this file." };
        var json = new Option<string?>("--json") { Description = "Write the full coverage report as JSON to this file." };
        var sources = new Option<string?>("--sources") { Description = "A log-source inventory JSON file saying which tables are enabled (default: all five families; see docs/log-sources.md)." };
        var summaryJson = new Option<string?>("--summary-json") { Description = "Write the record accounting of the log files to this JSON file." };
        var engineOptions = new EngineOptions();

        var command = new Command("coverage", "Compute ATT&CK coverage of the mapping rules over the enabled Azure log sources.")
        {
            paths, layer, report, json, sources, summaryJson,
        };
        engineOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            var inputs = InputPaths.Require(parsed.GetValue(paths));
            var engine = engineOptions.CreateEngine(parsed);
            var inventory = LoadSources(parsed.GetValue(sources));
            ClassificationSummary? summary = null;
            CoverageReport coverage;
            if (inputs.Count > 0)
            {
                summary = new ClassificationSummary();
                coverage = engine.CalculateCoverage(inventory, engine.ClassifyFiles(inputs, summary).SelectMany(r => r.Evidence));
            }
            else
            {
                coverage = engine.CalculateCoverage(inventory);
            }

            CoverageSummaryWriter.Write(coverage, stdout);
            Export(parsed.GetValue(layer), stream => new NavigatorLayerExporter().Write(coverage, stream), "Navigator layer", stdout);
            Export(parsed.GetValue(report), stream => new MarkdownCoverageReportExporter().Write(coverage, stream), "Markdown report", stdout);
            Export(parsed.GetValue(json), stream => new JsonCoverageReportExporter().Write(coverage, stream), "JSON report", stdout);
            if (summary is not null)
            {
                SummaryWriter.WriteText(summary, stderr, "coverage");
                InputPaths.RequireSomethingRead(inputs, summary);
                if (parsed.GetValue(summaryJson) is { } path)
                {
                    SummaryWriter.WriteJson(summary, path);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static LogSourceInventory LoadSources(string? path)
    {
        if (path is null)
        {
            return LogSourceInventory.AllEnabled;
        }

        if (!File.Exists(path))
        {
            throw new CliException($"--sources '{path}' does not exist.", ExitCodes.Usage);
        }

        try
        {
            using var stream = File.OpenRead(path);
            return LogSourceInventory.Load(stream);
        }
        catch (FormatException ex)
        {
            throw new CliException($"--sources '{path}': {ex.Message}");
        }
    }

    private static void Export(string? path, Action<Stream> write, string what, TextWriter stdout)
    {
        if (path is null)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using (var stream = File.Create(path))
        {
            write(stream);
        }

        stdout.WriteLine($"Wrote {what}: {path}");
    }
}
