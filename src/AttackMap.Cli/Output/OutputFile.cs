namespace AttackMap.Cli.Output;

/// <summary>Creates the files the CLI writes (reports, layers, summaries), with errors that name the option and the path.</summary>
internal static class OutputFile
{
    /// <summary>Creates <paramref name="path"/> (and its folder), or fails with a <see cref="CliException"/> naming <paramref name="option"/>.</summary>
    public static Stream Create(string option, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliException($"{option} needs a file name for the {what}.", ExitCodes.Usage);
        }

        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                if (File.Exists(folder))
                {
                    throw new CliException($"{option} '{path}': cannot write the {what}: '{folder}' is a file, not a folder.");
                }

                Directory.CreateDirectory(folder);
            }

            return File.Create(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{option} '{path}': cannot write the {what}: {ex.Message}");
        }
    }
}
