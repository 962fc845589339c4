using AttackMap.Attack;
using AttackMap.Mapping;

namespace AttackMap.Sentinel;

/// <summary>
/// Adds Microsoft Sentinel analytics rules to an <see cref="AttackMapBuilder"/> as coverage detections, so
/// <see cref="AttackMapEngine.CalculateCoverage"/> counts them on every call:
/// <c>services.AddAttackMap(b =&gt; b.AddSentinelRules("rules/"))</c> or <c>new AttackMapBuilder().AddSentinelRules(path).Build()</c>.
/// </summary>
public static class SentinelAttackMapBuilderExtensions
{
    /// <summary>
    /// Imports Microsoft Sentinel analytics rules from a folder (every <c>.yaml</c>, <c>.yml</c> and <c>.json</c> file
    /// below it, see <see cref="SentinelRuleImporter.ImportFolder"/>) or one file (a YAML rule, an ARM template or a REST
    /// export, see <see cref="SentinelRuleImporter.ImportFile"/>) and adds them as coverage detections
    /// (<see cref="SentinelCoverageRules.ToMappingRules"/>; they classify no record). The import runs when the engine is
    /// built (<see cref="AttackMapBuilder.Build"/>, or on first resolve under dependency injection), with the builder's
    /// catalog.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The folder or file.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// Every error fails the build: <see cref="AttackMapBuilder.Build"/> throws a <see cref="SentinelImportException"/>
    /// listing every file that could not be imported, with its line. To import the good rules anyway, use the overload
    /// that takes a callback. A relative path is resolved against the current directory when this method is called. A
    /// path that does not exist throws <see cref="FileNotFoundException"/> from <see cref="AttackMapBuilder.Build"/>, and a
    /// folder with no rule file <see cref="InvalidDataException"/>.
    /// </remarks>
    public static AttackMapBuilder AddSentinelRules(this AttackMapBuilder builder, string path) =>
        AddSentinelRules(builder, path, null, throwOnErrors: true);

    /// <summary>
    /// Imports Microsoft Sentinel analytics rules from a folder or one file, as
    /// <see cref="AddSentinelRules(AttackMapBuilder, string)"/> does, but tolerates import errors: the rules that could be
    /// imported are added and <paramref name="onImported"/> receives the whole result, errors included, to log or check.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The folder or file.</param>
    /// <param name="onImported">
    /// Called once, when the engine is built, with the import result (before the rules become coverage detections); an
    /// exception it throws (for example to fail on some errors only) comes out of <see cref="AttackMapBuilder.Build"/>.
    /// </param>
    /// <returns>The builder.</returns>
    public static AttackMapBuilder AddSentinelRules(this AttackMapBuilder builder, string path, Action<SentinelImportResult> onImported) =>
        AddSentinelRules(builder, path, onImported ?? throw new ArgumentNullException(nameof(onImported)), throwOnErrors: false);

    private static AttackMapBuilder AddSentinelRules(AttackMapBuilder builder, string path, Action<SentinelImportResult>? onImported, bool throwOnErrors)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (path.Length == 0)
        {
            throw new ArgumentException("The path of the Sentinel rules is empty.", nameof(path));
        }

        // Resolved now: under dependency injection the import runs at first resolve, maybe in another working directory.
        var fullPath = Path.GetFullPath(path);
        return builder.AddCoverageDetections(catalog => Import(catalog, fullPath, onImported, throwOnErrors));
    }

    private static IEnumerable<MappingRule> Import(AttackCatalog catalog, string path, Action<SentinelImportResult>? onImported, bool throwOnErrors)
    {
        var importer = new SentinelRuleImporter(catalog);
        SentinelImportResult result;
        if (Directory.Exists(path))
        {
            result = importer.ImportFolder(path);
        }
        else if (File.Exists(path))
        {
            result = importer.ImportFile(path);
        }
        else
        {
            throw new FileNotFoundException($"Microsoft Sentinel analytics rules not found: no folder or file '{path}'.", path);
        }

        if (throwOnErrors && result.Errors.Count > 0)
        {
            throw new SentinelImportException(path, result);
        }

        if (result.Rules.Count == 0 && result.Errors.Count == 0)
        {
            // As on the command line: a folder with nothing to import is almost always the wrong folder.
            throw new InvalidDataException($"No Microsoft Sentinel analytics rule in '{path}' (no .yaml, .yml or .json rule file below it).");
        }

        onImported?.Invoke(result);
        return SentinelCoverageRules.ToMappingRules(result.Rules);
    }
}
