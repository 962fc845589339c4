using AttackMap.Ingestion;

namespace AttackMap.Cli.Commands;

/// <summary>Checks the paths given on the command line before any reading starts, and turns them into files read once each.</summary>
internal static class InputPaths
{
    /// <summary>Compares full file paths: ordinal, ignoring case on Windows (its file system does).</summary>
    public static StringComparer FileComparer { get; } = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>Checks that every path exists and returns them without trailing separators (<c>samples/</c> is <c>samples</c>).</summary>
    public static IReadOnlyList<string> Require(IEnumerable<string>? paths)
    {
        var list = (paths ?? Array.Empty<string>()).Select(Trim).ToArray();
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

    /// <summary>
    /// The log files to read: folders expanded as <see cref="LogReader.ExpandPaths"/> does (recursively, ordinal order),
    /// then every file once, at its first place (<c>samples samples/entra-audit</c> reads the audit files once).
    /// </summary>
    public static IReadOnlyList<string> LogFiles(IEnumerable<string> inputs) => Unique(LogReader.ExpandPaths(inputs.Select(Trim)));

    /// <summary>The files in order, each once (same full path), at its first place.</summary>
    public static IReadOnlyList<string> Unique(IEnumerable<string> files)
    {
        var seen = new HashSet<string>(FileComparer);
        return files.Where(f => seen.Add(Key(f))).ToArray();
    }

    /// <summary>The key that tells two spellings of one file apart: its full path (<c>a/./b.json</c> is <c>a/b.json</c>).</summary>
    public static string Key(string path) => Path.GetFullPath(path);

    /// <summary>The path without trailing separators, a root (<c>/</c>, <c>C:\</c>) kept as is.</summary>
    public static string Trim(string path)
    {
        var trimmed = path;
        while (trimmed.Length > 1)
        {
            var shorter = Path.TrimEndingDirectorySeparator(trimmed);
            if (shorter.Length == trimmed.Length)
            {
                break;
            }

            trimmed = shorter;
        }

        return trimmed;
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
