using AttackMap.Ingestion;

namespace AttackMap.Cli.Commands;

/// <summary>Checks the paths given on the command line before any reading starts, and turns them into files read once each.</summary>
internal static class InputPaths
{
    /// <summary>Compares full file paths: ordinal, ignoring case on Windows (its file system does).</summary>
    public static StringComparer FileComparer { get; } = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// Checks that every path exists and returns them without trailing separators (<c>samples/</c> is <c>samples</c>).
    /// A missing "path" that starts with <c>-</c> is a mistyped option of <paramref name="command"/>: the error names the
    /// command's help and the closest option.
    /// </summary>
    public static IReadOnlyList<string> Require(IEnumerable<string>? paths, System.CommandLine.Command command)
    {
        var list = (paths ?? Array.Empty<string>()).Select(Trim).ToArray();
        foreach (var path in list)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                if (path.StartsWith("-", StringComparison.Ordinal))
                {
                    var hint = ClosestOption(path, command) is { } near ? $" Did you mean '{near}'?" : string.Empty;
                    throw new CliException($"unknown option '{path}'.{hint} Run 'attackmap {CommandPath(command)} --help' for the options.", ExitCodes.Usage);
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

    /// <summary>The option of <paramref name="command"/> nearest to what was typed (at most two edits away, or the one it starts), or <see langword="null"/>.</summary>
    private static string? ClosestOption(string typed, System.CommandLine.Command command)
    {
        var name = typed.Split('=')[0];
        return command.Options
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Where(o => o.StartsWith("--", StringComparison.Ordinal))
            .Select(o => (Option: o, Distance: o.StartsWith(name, StringComparison.Ordinal) && name.Length > 3 ? 0 : Distance(name, o)))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Option, StringComparer.Ordinal)
            .Select(c => c.Option)
            .FirstOrDefault();
    }

    private static string CommandPath(System.CommandLine.Command command)
    {
        var names = new List<string>();
        for (var current = command; current is not null && current is not System.CommandLine.RootCommand; current = current.Parents.OfType<System.CommandLine.Command>().FirstOrDefault())
        {
            names.Insert(0, current.Name);
        }

        return string.Join(" ", names);
    }

    /// <summary>Levenshtein distance, for option suggestions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
