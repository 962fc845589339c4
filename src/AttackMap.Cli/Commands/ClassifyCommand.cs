using System.CommandLine;
using AttackMap.Cli.Output;

namespace AttackMap.Cli.Commands;

/// <summary><c>attackmap classify &lt;files or folders&gt;...</c>: one line of evidence per mapped record.</summary>
internal static class ClassifyCommand
{
    private const int ProgressEvery = 1_000_000;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Log files or folders (folders are read recursively for .json, .jsonl, .csv and .gz files; a file given by name is read whatever its extension).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: jsonl (one JSON object per piece of evidence) or table.",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var includeUnmapped = new Option<bool>("--include-unmapped") { Description = "Also write one line for every record no rule mapped." };
        var summaryJson = new Option<string?>("--summary-json") { Description = "Write the record accounting (counts, per file, rejections, unmapped keys) to this JSON file." };
        var engineOptions = new EngineOptions();

        var command = new Command("classify", "Classify Azure log records against the ATT&CK mapping rules.") { paths, format, includeUnmapped, summaryJson };
        engineOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            var inputs = InputPaths.Require(parsed.GetValue(paths), command);
            var engine = engineOptions.CreateEngine(parsed);
            var summary = new ClassificationSummary();
            var unmapped = parsed.GetValue(includeUnmapped);
            var table = parsed.GetValue(format) == "table" ? new EvidenceTableWriter(stdout) : null;
            stdout.Flush();
            using (var jsonl = table is null ? new EvidenceJsonLinesWriter(OpenStandardOutput(stdout)) : null)
            {
                foreach (var record in engine.ClassifyFiles(InputPaths.LogFiles(inputs), summary))
                {
                    if (table is not null)
                    {
                        table.Write(record, unmapped);
                    }
                    else
                    {
                        jsonl!.Write(record, unmapped);
                    }

                    if (summary.RecordsRead % ProgressEvery == 0)
                    {
                        stderr.WriteLine($"attackmap classify: {summary.RecordsRead:N0} records read...");
                    }
                }
            }

            SummaryWriter.WriteText(summary, stderr, "classify");
            InputPaths.RequireSomethingRead(inputs, summary);
            if (parsed.GetValue(summaryJson) is { } path)
            {
                SummaryWriter.WriteJson(summary, path);
            }

            engineOptions.EnforceNoRejections(parsed, summary);
            return ExitCodes.Success;
        });
        return command;
    }

    // Console output goes straight to the byte stream; tests hand in their own writer, which gets the UTF-8 text.
    private static Stream OpenStandardOutput(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) ? Console.OpenStandardOutput() : new TextWriterStream(stdout);
}
