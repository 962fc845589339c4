namespace AttackMap.Cli;

/// <summary>A failure the CLI reports as one line on stderr, with the exit code it maps to.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Failure)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
