namespace AttackMap.Cli;

/// <summary>Entry point of the <c>attackmap</c> command.</summary>
internal static class Program
{
    private static int Main(string[] args) => 0;
}
