using System.Reflection;
using System.Text;

namespace AttackMap.Mapping;

/// <summary>
/// A versioned set of data-driven mapping rules, read from a JSON rule pack (see <c>docs/rule-packs.md</c>).
/// Each rule records where it was defined (file, JSON path and line) so problems can point at it.
/// </summary>
public sealed class RulePack
{
    private const string BuiltInResource = "AttackMap.Mapping.BuiltIn.azure-builtin.json";
    private static readonly Lazy<RulePack> BuiltInPack = new(LoadBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates a pack from rules built in code.</summary>
    /// <param name="id">The pack id.</param>
    /// <param name="version">The pack version.</param>
    /// <param name="rules">The rules.</param>
    public RulePack(string id, string version, IReadOnlyList<MappingRule> rules)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Version = version ?? throw new ArgumentNullException(nameof(version));
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
    }

    /// <summary>Gets the built-in Azure pack shipped inside the assembly (ATT&amp;CK v19.2).</summary>
    public static RulePack BuiltIn => BuiltInPack.Value;

    /// <summary>Gets the pack id.</summary>
    public string Id { get; }

    /// <summary>Gets the pack version.</summary>
    public string Version { get; }

    /// <summary>Gets the ATT&amp;CK version the pack targets (for example <c>19.2</c>).</summary>
    public string? AttackVersion { get; init; }

    /// <summary>Gets the pack description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the file or stream name the pack was read from.</summary>
    public string SourceName { get; init; } = string.Empty;

    /// <summary>Gets the rules in file order.</summary>
    public IReadOnlyList<MappingRule> Rules { get; }

    /// <summary>Reads a pack from a UTF-8 JSON stream.</summary>
    /// <param name="stream">The stream; it is read to the end and not closed.</param>
    /// <param name="sourceName">The name used in locations (usually the file path).</param>
    /// <returns>The pack.</returns>
    /// <exception cref="RulePackFormatException">The JSON is invalid or a value has the wrong type or an unknown name.</exception>
    public static RulePack Load(Stream stream, string sourceName)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return RulePackReader.Read(buffer.ToArray(), sourceName ?? throw new ArgumentNullException(nameof(sourceName)));
    }

    /// <summary>Reads a pack from a file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The pack.</returns>
    /// <exception cref="RulePackFormatException">The JSON is invalid or a value has the wrong type or an unknown name.</exception>
    public static RulePack Load(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return RulePackReader.Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a pack from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name used in locations.</param>
    /// <returns>The pack.</returns>
    /// <exception cref="RulePackFormatException">The JSON is invalid or a value has the wrong type or an unknown name.</exception>
    public static RulePack Parse(string json, string sourceName)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        return RulePackReader.Read(Encoding.UTF8.GetBytes(json), sourceName ?? throw new ArgumentNullException(nameof(sourceName)));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Version} ({Rules.Count} rules)";

    // Uncached read; internal so the start-up benchmark can measure a cold parse.
    internal static RulePack LoadBuiltIn()
    {
        using var stream = typeof(RulePack).GetTypeInfo().Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"The embedded resource '{BuiltInResource}' is missing from AttackMap.Core.");
        return Load(stream, "azure-builtin.json");
    }
}
