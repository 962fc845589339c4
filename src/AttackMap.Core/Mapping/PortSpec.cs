using System.Globalization;

namespace AttackMap.Mapping;

/// <summary>
/// Reads port specifications as Azure writes them in NSG rules: a port (<c>3389</c>), a range (<c>3380-3390</c>), <c>*</c>,
/// or a list of those (comma-separated or a JSON array such as <c>["443","3380-3390"]</c>).
/// </summary>
internal static class PortSpec
{
    private static readonly char[] Separators = { ',', '[', ']', '"', ' ', '\t', '\r', '\n' };

    /// <summary>Tells whether <paramref name="spec"/> includes any of the <paramref name="ports"/>.</summary>
    public static bool IncludesAny(string spec, IReadOnlyList<string> ports)
    {
        foreach (var part in spec.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParseRange(part, out var low, out var high))
            {
                continue;
            }

            for (var i = 0; i < ports.Count; i++)
            {
                if (ports[i] is not null && int.TryParse(ports[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port >= low && port <= high)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Parses one entry: <c>*</c> is every port, <c>a-b</c> a range, otherwise a single port.</summary>
    public static bool TryParseRange(string part, out int low, out int high)
    {
        if (part == "*" || part.Equals("Any", StringComparison.OrdinalIgnoreCase))
        {
            low = 0;
            high = 65535;
            return true;
        }

        var dash = part.IndexOf('-');
        if (dash < 0)
        {
            var ok = int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out low);
            high = low;
            return ok;
        }

        high = 0;
        return int.TryParse(part.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out low)
            && int.TryParse(part.Substring(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out high)
            && low <= high;
    }
}
