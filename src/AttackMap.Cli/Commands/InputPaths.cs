namespace AttackMap.Cli.Commands;

/// <summary>Checks the log paths given on the command line before any reading starts.</summary>
internal static class InputPaths
{
    public static IReadOnlyList<string> Require(string[]? paths)
    {
        var list = paths ?? Array.Empty<string>();
        foreach (var path in list)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                if (path.StartsWith("-", StringComparison.Ordinal))
                {
                    throw new CliException($"unknown option '{path}'. Run 'attackmap <command> --help' for the options.", ExitCodes.Usage);
                }

                throw new CliException($"'{path}' is neither a file nor a folder.", ExitCodes.Usage);
            }
        }

        return list;
    }

    /// <summary>Fails when the inputs named folders only and none held a log file, which would otherwise look like a clean run.</summary>
    public static void RequireSomethingRead(IReadOnlyList<string> inputs, ClassificationSummary summary)
    {
        if (inputs.Count > 0 && summary.Ingestion.Files.Count == 0)
        {
            throw new CliException($"no log files (.json, .jsonl, .csv, .gz) found in: {string.Join(", ", inputs)}");
        }
    }
}
