namespace AttackMap.Correlation;

/// <summary>FNV-1a hashes that are the same in every process and on every platform (unlike <see cref="string.GetHashCode()"/>).</summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Start() => OffsetBasis;

    public static ulong Add(ulong hash, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            hash = (hash ^ text[i]) * Prime;
        }

        return (hash ^ 0xFFFF) * Prime;
    }

    public static ulong Add(ulong hash, long value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(value >> (8 * i))) * Prime;
        }

        return hash;
    }

    public static int Partition(string key, int partitionCount) => (int)(Add(Start(), key) % (ulong)partitionCount);
}
