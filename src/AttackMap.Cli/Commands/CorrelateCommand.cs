using System.CommandLine;
using AttackMap.Cli.Output;

namespace AttackMap.Cli.Commands;

/// <summary><c>attackmap correlate &lt;files or folders&gt;...</c>: findings that join records across time and families.</summary>
internal static class CorrelateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Log files or folders; records of all files are put in time order before correlating.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: jsonl (one JSON object per finding) or table.",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var correlations = new Option<string[]>("--correlations") { Description = "An extra correlation pack (JSON, see docs/correlation-rules.md); repeatable." };
        var summaryJson = new Option<string?>("--summary-json") { Description = "Write the record accounting to this JSON file." };
        var engineOptions = new EngineOptions();

        var command = new Command("correlate", "Correlate Azure log records into findings (password spraying, changes after risky sign-ins, ...).")
        {
            paths, format, correlations, summaryJson,
        };
        engineOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            var inputs = InputPaths.Require(parsed.GetValue(paths), command);
            var packs = parsed.GetValue(correlations) ?? Array.Empty<string>();
            var engine = engineOptions.CreateEngine(parsed, builder =>
            {
                foreach (var pack in packs)
                {
                    if (!File.Exists(pack))
                    {
                        throw new CliException($"correlation pack '{pack}' does not exist.", ExitCodes.Usage);
                    }

                    builder.AddCorrelationPack(pack);
                }
            });
            var summary = new ClassificationSummary();
            var findings = engine.CorrelateFiles(InputPaths.LogFiles(inputs), summary);
            stdout.Flush();
            if (parsed.GetValue(format) == "table")
            {
                FindingTableWriter.Write(findings, stdout);
            }
            else
            {
                FindingJsonLinesWriter.Write(findings, ReferenceEquals(stdout, Console.Out) ? Console.OpenStandardOutput() : new TextWriterStream(stdout));
            }

            SummaryWriter.WriteText(summary, stderr, "correlate");
            InputPaths.RequireSomethingRead(inputs, summary);
            stderr.WriteLine($"  {findings.Count} {(findings.Count == 1 ? "finding" : "findings")} ({findings.Count(f => f.IsCrossFamily)} across families)");
            if (parsed.GetValue(summaryJson) is { } path)
            {
                SummaryWriter.WriteJson(summary, path);
            }

            engineOptions.EnforceNoRejections(parsed, summary);
            return ExitCodes.Success;
        });
        return command;
    }
}
