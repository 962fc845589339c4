using System.CommandLine;
using AttackMap.Cli.Output;
using AttackMap.Coverage;
using AttackMap.Export;
using AttackMap.Mapping;
using AttackMap.Sentinel;

namespace AttackMap.Cli.Commands;

/// <summary><c>attackmap coverage [--rules pack, Sentinel folder or export]... [--logs files]... [log files...]</c>: per-technique coverage, a Navigator layer and reports.</summary>
internal static class CoverageCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Optional log files or folders: what fired in them is counted per technique (observed evidence). Same as --logs.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var logs = new Option<string[]>("--logs")
        {
            Description = "Log files or folders whose records are counted per technique (observed evidence); takes several paths, joins the positional paths (every file is read once).",
            AllowMultipleArgumentsPerToken = true,
        };
        var layer = new Option<string?>("--layer") { Description = "Write an ATT&CK Navigator layer (format 4.5) to this file." };
        var report = new Option<string?>("--report") { Description = "Write the Markdown coverage report to this file." };
        var json = new Option<string?>("--json") { Description = "Write the full coverage report as JSON to this file." };
        var csv = new Option<string?>("--csv") { Description = "Write the coverage report as CSV (one row per in-scope technique) to this file." };
        var watchlist = new Option<string?>("--watchlist") { Description = "Write the mapping rules as a Microsoft Sentinel watchlist CSV (one row per rule key, SearchKey column) to this file." };
        var sources = new Option<string?>("--sources") { Description = "A log-source inventory JSON file saying which tables are enabled (default: all five families; see docs/log-sources.md)." };
        var summaryJson = new Option<string?>("--summary-json") { Description = "Write the record accounting of the log files to this JSON file." };
        var sentinel = new Option<string[]>("--sentinel-rules")
        {
            Description = "Older spelling of --rules for Microsoft Sentinel analytics rules (a folder, a YAML file, or an ARM/REST export); repeatable.",
            Hidden = true,
        };
        var failOn = CoverageGates.CreateOption();
        var baseline = new Option<string?>("--baseline") { Description = "A JSON coverage report to compare with for '--fail-on downgrade'." };
        var engineOptions = new EngineOptions();
        engineOptions.RulePacks.Description =
            "Rules to count, recognised by content; repeatable: a folder of Microsoft Sentinel analytics rules (Azure-Sentinel YAML, " +
            "ARM/REST JSON) and rule packs, a Sentinel YAML file, an ARM template or REST export, or an AttackMap rule pack (JSON with 'rules') " +
            "loaded on top of the built-in Azure pack. Every file is read once.";

        var command = new Command("coverage", "Compute ATT&CK coverage of the mapping rules over the enabled Azure log sources.")
        {
            paths, logs, layer, report, json, csv, watchlist, sources, summaryJson, sentinel, failOn, baseline,
        };
        command.Subcommands.Add(CoverageDiffCommand.Create(stdout));
        engineOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            var gates = CoverageGates.Parse(parsed.GetValue(failOn));
            var baselineSnapshot = parsed.GetValue(baseline) is { } baselinePath ? CoverageDiffCommand.Read(baselinePath) : null;
            if (baselineSnapshot is null && gates.Any(g => g.RequiresBaseline))
            {
                throw new CliException("--fail-on downgrade needs --baseline <report.json> (or use 'attackmap coverage diff').", ExitCodes.Usage);
            }

            var inputs = InputPaths.Require((parsed.GetValue(paths) ?? Array.Empty<string>()).Concat(parsed.GetValue(logs) ?? Array.Empty<string>()), command);
            var ruleInputs = CoverageRuleInputs.Sort(parsed.GetValue(engineOptions.RulePacks) ?? Array.Empty<string>(), parsed.GetValue(sentinel) ?? Array.Empty<string>());
            var engine = engineOptions.CreateEngine(parsed, rulePacks: ruleInputs.Packs);
            CoverageGates.Validate(gates, engine.Catalog);
            var inventory = LoadSources(parsed.GetValue(sources));
            var imported = ImportSentinelRules(engine, ruleInputs.Sentinel, parsed.GetValue(engineOptions.Strict), stderr);
            ClassificationSummary? summary = null;
            CoverageReport coverage;
            if (inputs.Count > 0)
            {
                summary = new ClassificationSummary();
                coverage = engine.CalculateCoverage(inventory, engine.ClassifyFiles(InputPaths.LogFiles(inputs), summary).SelectMany(r => r.Evidence), imported);
            }
            else
            {
                coverage = engine.CalculateCoverage(inventory, null, imported);
            }

            CoverageSummaryWriter.Write(coverage, stdout);
            Export("--layer", parsed.GetValue(layer), stream => new NavigatorLayerExporter().Write(coverage, stream), "Navigator layer", stdout);
            var markdownOptions = new MarkdownCoverageReportOptions { UnmappedKeys = summary?.UnmappedKeys };
            Export("--report", parsed.GetValue(report), stream => new MarkdownCoverageReportExporter(markdownOptions).Write(coverage, stream), "Markdown report", stdout);
            Export("--json", parsed.GetValue(json), stream => new JsonCoverageReportExporter().Write(coverage, stream), "JSON report", stdout);
            Export("--csv", parsed.GetValue(csv), stream => new CsvCoverageReportExporter().Write(coverage, stream), "CSV report", stdout);
            Export("--watchlist", parsed.GetValue(watchlist), stream => new SentinelWatchlistExporter().Write(engine.Rules.Rules, engine.Catalog, stream), "Sentinel watchlist", stdout);
            if (summary is not null)
            {
                SummaryWriter.WriteText(summary, stderr, "coverage");
                InputPaths.RequireSomethingRead(inputs, summary);
                if (parsed.GetValue(summaryJson) is { } path)
                {
                    SummaryWriter.WriteJson(summary, path);
                }
            }

            var current = CoverageSnapshot.From(coverage);
            CoverageGates.Enforce(gates, current, baselineSnapshot is null ? null : CoverageDiff.Compare(baselineSnapshot, current), engine.Catalog, coverage.Platforms);

            // After the gates: their per-technique messages matter more to a pipeline, and the rejections are listed above.
            if (summary is not null)
            {
                engineOptions.EnforceNoRejections(parsed, summary);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Imports the Sentinel rule files (each once, see <see cref="CoverageRuleInputs"/>) and fails with exit code 2 when a
    /// folder held neither a rule pack nor a file that gave a Sentinel rule, and with exit code 1 under <c>--strict</c> when
    /// any file could not be imported (after listing every error). A deployed rule with no technique takes its template's
    /// when the template came from another <c>--rules</c> path (<c>--rules Azure-Sentinel/Solutions --rules exported.json</c>).
    /// </summary>
    private static IReadOnlyList<MappingRule> ImportSentinelRules(AttackMapEngine engine, IReadOnlyList<SentinelRuleInput> inputs, bool strict, TextWriter stderr)
    {
        var importer = new SentinelRuleImporter(engine.Catalog);
        var filesWithRules = new HashSet<string>(InputPaths.FileComparer);
        var results = new SentinelImportResult?[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input.Files.Count > 0)
            {
                results[i] = input.IsFolder ? importer.ImportFiles(input.Path, input.Files) : importer.ImportFile(input.Files[0]);
                filesWithRules.UnionWith(results[i]!.Rules.Select(r => InputPaths.Key(r.SourceFile)));
            }

            if (input.IsFolder && !input.HasPacks && !input.SentinelFiles.Any(f => filesWithRules.Contains(InputPaths.Key(f))))
            {
                throw new CliException(
                    $"{input.Option} '{input.Path}': the folder holds no AttackMap rule pack and no Microsoft Sentinel analytics rule that could be imported " +
                    $"({input.SentinelFiles.Count} .yaml/.yml/.json files looked at).",
                    ExitCodes.Usage);
            }
        }

        WithTemplatesAcrossInputs(results);
        var errorCount = 0;
        var rules = new List<MappingRule>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (results[i] is { } result)
            {
                foreach (var error in result.Errors)
                {
                    stderr.WriteLine($"  sentinel rule not imported: {error}");
                }

                errorCount += result.Errors.Count;
                rules.AddRange(SentinelCoverageRules.ToMappingRules(result.Rules));
                SentinelImportSummary.Write(result, inputs[i].Path, stderr, results.Take(i + 1).Where(r => r is not null).SelectMany(r => r!.Rules).ToArray());
            }
            else if (inputs[i].SentinelFiles.Count > 0)
            {
                stderr.WriteLine($"attackmap coverage: {inputs[i].Path}: its {inputs[i].SentinelFiles.Count} Sentinel rule files were already imported");
            }
        }

        if (strict && errorCount > 0)
        {
            throw new CliException($"--strict: {errorCount} Sentinel rule import error{(errorCount == 1 ? string.Empty : "s")} (listed above).", ExitCodes.Failure);
        }

        return rules;
    }

    /// <summary>
    /// Applies the template rule across every input's rules, then hands each input its own rules back, less the ids an
    /// earlier input already had (<c>--rules Azure-Sentinel/Detections --rules Azure-Sentinel/Solutions</c>), which join
    /// its <see cref="SentinelImportResult.Duplicates"/>.
    /// </summary>
    private static void WithTemplatesAcrossInputs(SentinelImportResult?[] results)
    {
        var imported = results.Where(r => r is not null).Select(r => r!).ToArray();
        if (imported.Length < 2)
        {
            return;
        }

        var all = TemplateTechniques.Apply(imported.SelectMany(r => r.Rules).ToArray());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var offset = 0;
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is { } result)
            {
                var own = all.Skip(offset).Take(result.Rules.Count).ToArray();
                offset += result.Rules.Count;
                var kept = own.Where(r => SentinelRuleImporter.DuplicateKey(r) is not { } key || seen.Add(key)).ToArray();
                results[i] = result with { Rules = kept, Duplicates = result.Duplicates.Concat(own.Except(kept)).ToArray() };
            }
        }
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

    private static void Export(string option, string? path, Action<Stream> write, string what, TextWriter stdout)
    {
        if (path is null)
        {
            return;
        }

        using (var stream = OutputFile.Create(option, path, what))
        {
            write(stream);
        }

        stdout.WriteLine($"Wrote {what}: {path}");
    }
}
