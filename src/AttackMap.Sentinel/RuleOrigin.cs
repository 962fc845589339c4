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
    /// Returns the GitHub URL of a YAML rule file on disk that sits in an Azure-Sentinel checkout, in the repository
    /// layout (<c>Solutions/&lt;solution&gt;/Analytic Rules/…/&lt;rule&gt;.yaml</c> or <c>Detections/&lt;folder&gt;/&lt;rule&gt;.yaml</c>),
    /// or <see langword="null"/>. The folder holding <c>Solutions</c> or <c>Detections</c> must look like the repository
    /// root (see <see cref="IsRepositoryRoot"/>); a user's own <c>Detections</c> folder gets no URL.
    /// </summary>
    /// <param name="file">The file path.</param>
    /// <param name="roots">Answers already found for candidate root folders (one import shares it).</param>
    public static string? GitHubUrl(string file, Dictionary<string, bool> roots)
    {
        if (!IsYaml(file))
        {
            return null;
        }

        var full = Path.GetFullPath(file);
        var segments = full.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 3; i >= 0; i--)
        {
            if (!MatchesLayout(segments, i))
            {
                continue;
            }

            // The folder that holds segments[i]: one GetDirectoryName per segment from the file up to segments[i].
            var root = full;
            for (var up = i; up < segments.Length && root is not null; up++)
            {
                root = Path.GetDirectoryName(root);
            }

            if (root is not null && IsRepositoryRoot(root, roots))
            {
                return Url(segments, i);
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the GitHub URL for a stream's name when the name itself is a relative path in the repository layout
    /// (it starts with <c>Solutions/</c> or <c>Detections/</c>): the caller says where the rule sits in Azure-Sentinel.
    /// A rooted name, or one with other folders in front, gets <see langword="null"/>: nothing on disk is checked.
    /// </summary>
    /// <param name="name">The caller's label for the stream.</param>
    public static string? LabelUrl(string name)
    {
        if (!IsYaml(name) || Path.IsPathRooted(name) || name.StartsWith("/", StringComparison.Ordinal) || name.StartsWith("\\", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = name.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && MatchesLayout(segments, 0) ? Url(segments, 0) : null;
    }

    /// <summary>
    /// The Azure-Sentinel repository root: a folder holding both a <c>Solutions</c> and a <c>Detections</c> folder (every
    /// full checkout), or whose <c>.git/config</c> names <c>Azure/Azure-Sentinel</c> (a sparse checkout of either).
    /// </summary>
    private static bool IsRepositoryRoot(string folder, Dictionary<string, bool> roots)
    {
        if (!roots.TryGetValue(folder, out var isRoot))
        {
            isRoot = (Directory.Exists(Path.Combine(folder, "Solutions")) && Directory.Exists(Path.Combine(folder, "Detections")))
                || GitConfigNamesRepository(Path.Combine(folder, ".git", "config"));
            roots[folder] = isRoot;
        }

        return isRoot;
    }

    private static bool GitConfigNamesRepository(string config)
    {
        try
        {
            return File.Exists(config) && File.ReadAllText(config).IndexOf("Azure/Azure-Sentinel", StringComparison.OrdinalIgnoreCase) >= 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool MatchesLayout(string[] segments, int i) =>
        (segments[i] == "Solutions" && i + 3 < segments.Length && segments[i + 2].Equals("Analytic Rules", StringComparison.OrdinalIgnoreCase))
        || (segments[i] == "Detections" && i + 3 == segments.Length);

    private static string Url(string[] segments, int i) => RepositoryUrl + string.Join("/", segments.Skip(i).Select(Escape));

    private static bool IsYaml(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
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
