namespace AttackMap.Tests.Support;

/// <summary>The sample logs bundled with the repository (<c>samples/</c>), which the README's main command reads.</summary>
internal static class BundledSamples
{
    /// <summary>Gets the full path of the samples folder.</summary>
    public static string Folder => Path.Combine(SharedData.RepositoryRoot() ?? throw new InvalidOperationException("AttackMap.Core.sln not found."), "samples");

    /// <summary>Gets the full path of one bundled sample.</summary>
    /// <param name="relative">For example <c>azure-activity/diagnostic-activity.jsonl</c>.</param>
    /// <returns>The path.</returns>
    public static string PathOf(string relative) => Path.Combine(Folder, relative);
}
