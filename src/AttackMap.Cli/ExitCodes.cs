namespace AttackMap.Cli;

/// <summary>The process exit codes of <c>attackmap</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did its job (records may still have been rejected in lenient mode; the summary says so).</summary>
    public const int Success = 0;

    /// <summary>The command failed while running (unreadable file, invalid rule pack, strict-mode rejection, ...).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (unknown option, missing argument, path that does not exist).</summary>
    public const int Usage = 2;
}
