using AttackMap.Attack;
using YamlDotNet.Core;

namespace AttackMap.Sentinel;

/// <summary>
/// Imports Microsoft Sentinel analytics rules: YAML templates (<c>.yaml</c>, <c>.yml</c>) and ARM template or REST
/// exports (<c>.json</c>). A file that cannot be read becomes an error with its file and line; the others still import.
/// A deployed rule that lists no technique takes those of its template (<see cref="SentinelRule.TemplateId"/>) when the
/// template is imported in the same call (<see cref="SentinelRule.TechniquesTemplateFile"/>).
/// </summary>
public sealed class SentinelRuleImporter
{
    private readonly RuleBuilder _builder;

    /// <summary>Creates an importer that validates techniques against <see cref="AttackCatalog.Default"/>.</summary>
    public SentinelRuleImporter()
        : this(AttackCatalog.Default)
    {
    }

    /// <summary>Creates an importer that validates techniques against a catalog.</summary>
    /// <param name="catalog">The ATT&amp;CK catalog; revoked ids are migrated to its current techniques.</param>
    public SentinelRuleImporter(AttackCatalog catalog) =>
        _builder = new RuleBuilder(catalog ?? throw new ArgumentNullException(nameof(catalog)));

    /// <summary>Imports every <c>.yaml</c>, <c>.yml</c> and <c>.json</c> file below a folder, in ordinal path order.</summary>
    /// <param name="path">The folder.</param>
    /// <returns>
    /// The rules and the errors. Both carry the file path relative to <paramref name="path"/>
    /// (<see cref="SentinelRule.SourceRelativePath"/>, <see cref="SentinelImportError.SourceRelativePath"/>), which holds no machine path.
    /// </returns>
    public SentinelImportResult ImportFolder(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"Folder not found: {path}");
        }

        return ImportFiles(path, RuleFiles(path));
    }

    /// <summary>Imports one file: JSON when it starts with <c>{</c> or <c>[</c>, YAML otherwise.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The rules and the errors; their relative path is the file name.</returns>
    public SentinelImportResult ImportFile(string path) =>
        Finish(ImportFrom(path, Path.GetFileName(path), new Dictionary<string, bool>(StringComparer.Ordinal)));

    /// <summary>Imports the rules in a stream; the format is taken from the first character (<c>{</c> or <c>[</c> for JSON).</summary>
    /// <param name="stream">The content.</param>
    /// <param name="name">
    /// The caller's label for the stream, used as given: it becomes <see cref="SentinelRule.SourceFile"/> and
    /// <see cref="SentinelImportError.File"/>, and the coverage inputs of <see cref="SentinelCoverageRules"/> name it in
    /// <see cref="AttackMap.Mapping.MappingRule.References"/> and <see cref="AttackMap.Mapping.MappingRule.Location"/>
    /// (there is no relative path for a stream). Pass a label without machine paths when they must not show. When the
    /// label is a relative path in the Azure-Sentinel layout (<c>Solutions/…/Analytic Rules/…</c> or
    /// <c>Detections/&lt;folder&gt;/&lt;rule&gt;.yaml</c>) it also gives <see cref="SentinelRule.SourceUrl"/>; nothing on disk is read.
    /// </param>
    /// <returns>The rules and the errors.</returns>
    public SentinelImportResult Import(Stream stream, string name)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        return Finish(WithOrigin(Read(stream, name), null, RuleOrigin.LabelUrl(name)));
    }

    /// <summary>
    /// The rule files below a folder (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>, recursively), in ordinal path order, leaving
    /// out <c>Hunting Queries</c> folders: an Azure-Sentinel checkout keeps hunting queries there, in the same YAML shape
    /// as analytics rules but run by hand, so counting them would overstate what fires.
    /// </summary>
    internal static IReadOnlyList<string> RuleFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(IsRuleFile)
            .Where(f => !IsUnderHuntingQueries(folder, f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

    private static bool IsUnderHuntingQueries(string folder, string file)
    {
        var segments = RuleOrigin.RelativePath(folder, file).Split('/');
        return segments.Take(segments.Length - 1).Any(segment => segment.Equals("Hunting Queries", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Imports some files below a folder, in the order given, with paths relative to the folder (as <see cref="ImportFolder"/> does).</summary>
    internal SentinelImportResult ImportFiles(string folder, IEnumerable<string> files)
    {
        var roots = new Dictionary<string, bool>(StringComparer.Ordinal);
        return Finish(Merge(files.Select(f => ImportFrom(f, RuleOrigin.RelativePath(folder, f), roots, inFolder: true))));
    }

    /// <summary>
    /// Deployed rules with no technique take their template's, when it is among the rules imported together; then each
    /// id is kept once, at its first place (the others go to <see cref="SentinelImportResult.Duplicates"/>).
    /// </summary>
    private static SentinelImportResult Finish(SentinelImportResult result)
    {
        var rules = TemplateTechniques.Apply(result.Rules);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<SentinelRule>(rules.Count);
        var duplicates = new List<SentinelRule>();
        foreach (var rule in rules)
        {
            (DuplicateKey(rule) is not { } key || seen.Add(key) ? kept : duplicates).Add(rule);
        }

        return duplicates.Count == 0 ? result with { Rules = rules } : result with { Rules = kept, Duplicates = duplicates };
    }

    /// <summary>
    /// What makes two rules the same rule: their GUID id, and whether they were deployed from a template (a deployed rule
    /// named after its template is not a copy of the template). Ids that are not GUIDs were made up from the file name
    /// (solution packages name rules with expressions such as <c>[variables('analyticRuleId1')]</c>): never the same.
    /// </summary>
    internal static string? DuplicateKey(SentinelRule rule) =>
        Guid.TryParse(rule.Id.Trim(), out var id)
            ? (string.IsNullOrWhiteSpace(rule.TemplateId) ? "rule " : "deployed ") + id.ToString("D")
            : null;

    private static SentinelImportResult WithOrigin(SentinelImportResult result, string? relativePath, string? url) => result with
    {
        Rules = result.Rules.Count == 0 ? result.Rules : result.Rules.Select(r => r with { SourceRelativePath = relativePath, SourceUrl = url }).ToArray(),
        Errors = result.Errors.Count == 0 || relativePath is null ? result.Errors : result.Errors.Select(e => e with { SourceRelativePath = relativePath }).ToArray(),
    };

    private SentinelImportResult ImportFrom(string path, string relativePath, Dictionary<string, bool> roots, bool inFolder = false)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var result = Read(stream, path, inFolder);
            return result.SkippedFiles.Count > 0
                ? result with { SkippedFiles = new[] { relativePath } }
                : WithOrigin(result, relativePath, RuleOrigin.GitHubUrl(path, roots));
        }
        catch (IOException ex)
        {
            return Failed(new SentinelImportError { File = path, SourceRelativePath = relativePath, Message = ex.Message });
        }
        catch (UnauthorizedAccessException ex)
        {
            return Failed(new SentinelImportError { File = path, SourceRelativePath = relativePath, Message = ex.Message });
        }
    }

    private SentinelImportResult Read(Stream stream, string name, bool inFolder = false)
    {
        try
        {
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            var first = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            if (first.StartsWith("{", StringComparison.Ordinal) || first.StartsWith("[", StringComparison.Ordinal))
            {
                using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(first));
                var results = ArmRuleReader.Read(json, name);
                return new SentinelImportResult
                {
                    Rules = results.Where(r => r.Rule is not null).Select(r => _builder.Build(r.Rule!)).ToArray(),
                    Errors = results.Where(r => r.Error is not null).Select(r => r.Error!).ToArray(),
                };
            }

            var fields = YamlRuleReader.Read(new StringReader(text), name);
            return new SentinelImportResult { Rules = new[] { _builder.Build(fields) } };
        }
        catch (SentinelFormatException ex) when (inFolder && ex.HoldsNoRule)
        {
            // A workbook or playbook beside the rules: not a rule file, and not a mistake either.
            return new SentinelImportResult { SkippedFiles = new[] { name } };
        }
        catch (SentinelFormatException ex)
        {
            return Failed(new SentinelImportError { File = name, Line = ex.Line, Column = ex.Column, Location = ex.Location, Message = ex.Message });
        }
        catch (YamlException ex)
        {
            return Failed(new SentinelImportError { File = name, Line = (int)ex.Start.Line, Column = (int)ex.Start.Column, Message = $"invalid YAML: {ex.Message}" });
        }
    }

    private static bool IsRuleFile(string file)
    {
        var extension = Path.GetExtension(file);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
    }

    private static SentinelImportResult Failed(SentinelImportError error) => new() { Errors = new[] { error } };

    private static SentinelImportResult Merge(IEnumerable<SentinelImportResult> results)
    {
        var rules = new List<SentinelRule>();
        var errors = new List<SentinelImportError>();
        var skipped = new List<string>();
        foreach (var result in results)
        {
            rules.AddRange(result.Rules);
            errors.AddRange(result.Errors);
            skipped.AddRange(result.SkippedFiles);
        }

        return new SentinelImportResult { Rules = rules, Errors = errors, SkippedFiles = skipped };
    }
}
