namespace AttackMap.Internal;

/// <summary>A shared empty read-only string dictionary.</summary>
internal static class EmptyDictionary
{
    public static readonly IReadOnlyDictionary<string, string> Instance = new Dictionary<string, string>(0);
}
