using System.Text.Json;

namespace AttackMap.Attack;

/// <summary>Loading a catalog from an official ATT&amp;CK Enterprise STIX bundle.</summary>
public sealed partial class AttackCatalog
{
    /// <summary>
    /// Reads an official ATT&amp;CK Enterprise STIX 2.x bundle (for example <c>enterprise-attack-18.1.json</c>).
    /// The version comes from the bundle's <c>x-mitre-collection</c> object, else from the file name when
    /// <paramref name="stream"/> is a <see cref="FileStream"/>.
    /// </summary>
    /// <param name="stream">The bundle JSON; read to the end, not disposed.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InvalidDataException">The stream is not an Enterprise STIX bundle, or its version cannot be told.</exception>
    public static AttackCatalog Load(Stream stream) => Load(stream, version: null);

    /// <summary>Reads an official ATT&amp;CK Enterprise STIX 2.x bundle whose version may not be stated in it.</summary>
    /// <param name="stream">The bundle JSON; read to the end, not disposed.</param>
    /// <param name="version">The version to use when the bundle has no <c>x-mitre-collection</c> object (for example <c>18.1</c>).</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InvalidDataException">The stream is not an Enterprise STIX bundle, or its version cannot be told.</exception>
    public static AttackCatalog Load(Stream stream, string? version)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        var source = DescribeSource(stream);
        using var document = Parse(() => JsonDocument.Parse(stream), source);
        return StixBundleReader.Read(document, version ?? VersionFromName(source), source);
    }

    /// <summary>Reads an official ATT&amp;CK Enterprise STIX 2.x bundle from a file.</summary>
    /// <param name="path">The bundle file. When the bundle does not state its version, the file name must
    /// (<c>enterprise-attack-18.1.json</c>).</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InvalidDataException">The file is not an Enterprise STIX bundle, or its version cannot be told.</exception>
    public static AttackCatalog Load(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Load(stream, version: null);
    }

    /// <summary>Reads an official ATT&amp;CK Enterprise STIX 2.x bundle asynchronously.</summary>
    /// <param name="stream">The bundle JSON; read to the end, not disposed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InvalidDataException">The stream is not an Enterprise STIX bundle, or its version cannot be told.</exception>
    public static Task<AttackCatalog> LoadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        LoadAsync(stream, version: null, cancellationToken);

    private static async Task<AttackCatalog> LoadAsync(Stream stream, string? version, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        var source = DescribeSource(stream);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw NotJson(source, ex);
        }

        using (document)
        {
            return StixBundleReader.Read(document, version ?? VersionFromName(source), source);
        }
    }

    private static JsonDocument Parse(Func<JsonDocument> parse, string source)
    {
        try
        {
            return parse();
        }
        catch (JsonException ex)
        {
            throw NotJson(source, ex);
        }
    }

    private static InvalidDataException NotJson(string source, JsonException ex) =>
        new($"Expected an ATT&CK Enterprise STIX bundle (JSON with \"type\": \"bundle\"), but {source} is not valid JSON: {ex.Message}", ex);

    private static string DescribeSource(Stream stream) =>
        stream is FileStream file ? Path.GetFileName(file.Name) : "the stream";

    /// <summary>Reads the version out of a name like <c>enterprise-attack-18.1.json</c> (no Regex: keeps the type's static setup cheap).</summary>
    private static string? VersionFromName(string source)
    {
        const string Prefix = "enterprise-attack-";
        var start = source.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        start += Prefix.Length;
        var end = start;
        var dots = 0;
        while (end < source.Length && (char.IsDigit(source[end]) || (source[end] == '.' && dots++ == 0)))
        {
            end++;
        }

        var version = source.Substring(start, end - start).TrimEnd('.');
        return dots > 0 && version.IndexOf('.') > 0 && char.IsDigit(version[version.Length - 1]) ? version : null;
    }
}
