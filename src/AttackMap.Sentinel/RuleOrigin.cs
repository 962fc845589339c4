using System.Text;

namespace AttackMap.Sentinel;

/// <summary>Where an imported rule file comes from, written without machine paths: relative to the imported folder, and its Azure-Sentinel GitHub URL.</summary>
internal static class RuleOrigin
{
    private const string RepositoryUrl = "https://github.com/Azure/Azure-Sentinel/blob/master/";

    private static readonly char[] Separators = { '/', '\\' };

    /// <summary>Returns the path of <paramref name="file"/> relative to <paramref name="folder"/> with <c>/</c> separators, or the file name when it is not below it.</summary>
    public static string RelativePath(string folder, string file)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Separators);
        var full = Path.GetFullPath(file);
        if (full.Length > root.Length + 1
            && full.StartsWith(root, StringComparison.Ordinal)
            && (full[root.Length] == Path.DirectorySeparatorChar || full[root.Length] == Path.AltDirectorySeparatorChar))
        {
            return full.Substring(root.Length + 1).Replace('\\', '/');
        }

        return Path.GetFileName(file);
    }

    /// <summary>
    /// Returns the GitHub URL of a YAML rule that sits in the Azure-Sentinel repository layout
    /// (<c>Solutions/&lt;solution&gt;/Analytic Rules/…/&lt;rule&gt;.yaml</c> or <c>Detections/&lt;folder&gt;/&lt;rule&gt;.yaml</c>), or <see langword="null"/>.
    /// </summary>
    public static string? GitHubUrl(string path)
    {
        var extension = Path.GetExtension(path);
        if (!extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var segments = path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 3; i >= 0; i--)
        {
            var solution = segments[i] == "Solutions" && i + 3 < segments.Length
                && segments[i + 2].Equals("Analytic Rules", StringComparison.OrdinalIgnoreCase);
            var detection = segments[i] == "Detections" && i + 3 == segments.Length;
            if (solution || detection)
            {
                return RepositoryUrl + string.Join("/", segments.Skip(i).Select(Escape));
            }
        }

        return null;
    }

    /// <summary>Percent-encodes everything but the RFC 3986 unreserved characters, the same on every runtime.</summary>
    private static string Escape(string segment)
    {
        var text = new StringBuilder(segment.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
