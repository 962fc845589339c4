using System.Collections.ObjectModel;

namespace AttackMap.Attack;

/// <summary>The catalogs that travel inside the assembly.</summary>
public sealed partial class AttackCatalog
{
    private static readonly Lazy<AttackCatalog> Embedded18 = new(() => ReadEmbedded("18.1"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<AttackCatalog> Embedded19 = new(() => ReadEmbedded("19.2"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the versions of the embedded catalogs, oldest first (<c>18.1</c>, <c>19.2</c>).</summary>
    public static IReadOnlyList<string> EmbeddedVersions { get; } = new ReadOnlyCollection<string>(new[] { "18.1", "19.2" });

    /// <summary>
    /// Gets the newest embedded catalog: ATT&amp;CK Enterprise v19.2. It is derived from MITRE's v19 change notes
    /// (<see cref="IsDerived"/> is <see langword="true"/>); load MITRE's STIX bundle with <see cref="Load(Stream)"/>
    /// when you have it. Loaded once, on first use; thread-safe.
    /// </summary>
    public static AttackCatalog Default => Embedded19.Value;

    /// <summary>Gets an embedded catalog by version. Each is loaded once and shared.</summary>
    /// <param name="version">One of <see cref="EmbeddedVersions"/> (<c>18.1</c> or <c>19.2</c>; <c>v19.2</c> is accepted too).</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentException">No catalog of that version is embedded.</exception>
    public static AttackCatalog LoadEmbedded(string version)
    {
        var normalized = (version ?? throw new ArgumentNullException(nameof(version))).Trim().TrimStart('v', 'V');
        return normalized switch
        {
            "18.1" => Embedded18.Value,
            "19.2" => Embedded19.Value,
            _ => throw new ArgumentException(
                $"No embedded ATT&CK catalog for version '{version}'. Embedded: {string.Join(", ", EmbeddedVersions)}. Load other releases from MITRE's STIX bundle with AttackCatalog.Load.",
                nameof(version)),
        };
    }

    // Uncached read; internal so the start-up benchmark can measure a cold parse.
    internal static AttackCatalog ReadEmbedded(string version)
    {
        var name = "AttackMap.Attack.Catalogs.enterprise-attack-" + version + ".json";
        using var stream = typeof(AttackCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from AttackMap.Core.");
        return CatalogJsonReader.Read(stream);
    }
}
