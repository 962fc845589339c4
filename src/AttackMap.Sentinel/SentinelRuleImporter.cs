using AttackMap.Attack;
using YamlDotNet.Core;

namespace AttackMap.Sentinel;

/// <summary>
/// Imports Microsoft Sentinel analytics rules: YAML templates (<c>.yaml</c>, <c>.yml</c>) and ARM template or REST
/// exports (<c>.json</c>). A file that cannot be read becomes an error with its file and line; the others still import.
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
    /// <returns>The rules and the errors.</returns>
    public SentinelImportResult ImportFolder(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"Folder not found: {path}");
        }

        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(IsRuleFile)
            .OrderBy(f => f, StringComparer.Ordinal);
        return Merge(files.Select(f => ImportFrom(f, RuleOrigin.RelativePath(path, f))));
    }

    /// <summary>Imports one file: JSON when it starts with <c>{</c> or <c>[</c>, YAML otherwise.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The rules and the errors.</returns>
    public SentinelImportResult ImportFile(string path) => ImportFrom(path, Path.GetFileName(path));

    /// <summary>Imports the rules in a stream; the format is taken from the first character (<c>{</c> or <c>[</c> for JSON).</summary>
    /// <param name="stream">The content.</param>
    /// <param name="name">The name used in the rules and errors (usually the file path).</param>
    /// <returns>The rules and the errors.</returns>
    public SentinelImportResult Import(Stream stream, string name)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return WithOrigin(Read(stream, name), null, RuleOrigin.GitHubUrl(name));
    }

    private static SentinelImportResult WithOrigin(SentinelImportResult result, string? relativePath, string? url) =>
        result.Rules.Count == 0 ? result : result with { Rules = result.Rules.Select(r => r with { RelativePath = relativePath, SourceUrl = url }).ToArray() };

    private SentinelImportResult ImportFrom(string path, string relativePath)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return WithOrigin(Read(stream, path), relativePath, RuleOrigin.GitHubUrl(Path.GetFullPath(path)));
        }
        catch (IOException ex)
        {
            return Failed(new SentinelImportError { File = path, Message = ex.Message });
        }
        catch (UnauthorizedAccessException ex)
        {
            return Failed(new SentinelImportError { File = path, Message = ex.Message });
        }
    }

    private SentinelImportResult Read(Stream stream, string name)
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
        catch (SentinelFormatException ex)
        {
            return Failed(new SentinelImportError { File = name, Line = ex.Line, Location = ex.Location, Message = ex.Message });
        }
        catch (YamlException ex)
        {
            return Failed(new SentinelImportError { File = name, Line = (int)ex.Start.Line, Message = $"invalid YAML: {ex.Message}" });
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some malformed flow collections.
            return Failed(new SentinelImportError { File = name, Message = $"invalid YAML: {ex.Message}" });
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
        foreach (var result in results)
        {
            rules.AddRange(result.Rules);
            errors.AddRange(result.Errors);
        }

        return new SentinelImportResult { Rules = rules, Errors = errors };
    }
}
