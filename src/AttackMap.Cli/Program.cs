namespace AttackMap.Cli;

/// <summary>Entry point of the <c>attackmap</c> command.</summary>
internal static class Program
{
    private static int Main(string[] args) => CliApplication.Run(args, Console.Out, Console.Error);
}
