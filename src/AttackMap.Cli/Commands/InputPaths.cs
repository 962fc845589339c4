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
                throw new CliException($"'{path}' is neither a file nor a folder.", ExitCodes.Usage);
            }
        }

        return list;
    }
}
