namespace AttackMap.Detections;

/// <summary>Matches a <c>union</c> name pattern with <c>*</c> wildcards (case-sensitive, as KQL names are).</summary>
internal static class KqlWildcard
{
    public static bool Matches(string pattern, string name) => Matches(pattern, 0, name, 0);

    private static bool Matches(string pattern, int p, string name, int n)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                for (var k = n; k <= name.Length; k++)
                {
                    if (Matches(pattern, p + 1, name, k))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (n >= name.Length || pattern[p] != name[n])
            {
                return false;
            }

            p++;
            n++;
        }

        return n == name.Length;
    }
}
