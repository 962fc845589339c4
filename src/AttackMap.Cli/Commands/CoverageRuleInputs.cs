using System.Text.Json;
using AttackMap.Sentinel;

namespace AttackMap.Cli.Commands;

/// <summary>
/// Sorts the <c>coverage --rules</c> paths by content: an AttackMap mapping rule pack (a JSON object with a <c>rules</c>
/// array) or Microsoft Sentinel analytics rules (a YAML template, an ARM template or REST export). A folder is opened:
/// its rule-pack JSON files are loaded as packs, its other <c>.yaml</c>, <c>.yml</c> and <c>.json</c> files are imported
/// as Sentinel rules. Every file is taken once, at its first place (<c>--rules S --rules S/</c> reads S once).
/// </summary>
internal sealed class CoverageRuleInputs
{
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly List<string> _packs = new();
    private readonly List<SentinelRuleInput> _sentinel = new();
    private readonly HashSet<string> _seen = new(InputPaths.FileComparer);

    private CoverageRuleInputs()
    {
    }

    /// <summary>Gets the mapping rule packs, in command-line order (a folder's packs in ordinal order), each file once.</summary>
    public IReadOnlyList<string> Packs => _packs;

    /// <summary>Gets the Sentinel rule paths: those of <c>--rules</c>, then those of <c>--sentinel-rules</c>.</summary>
    public IReadOnlyList<SentinelRuleInput> Sentinel => _sentinel;

    public static CoverageRuleInputs Sort(IReadOnlyList<string> rules, IReadOnlyList<string> sentinelRules)
    {
        var inputs = new CoverageRuleInputs();
        foreach (var path in rules.Select(InputPaths.Trim))
        {
            if (Directory.Exists(path))
            {
                inputs.AddFolder("--rules", path);
            }
            else if (IsSentinel(path))
            {
                inputs.AddSentinelFile("--rules", path);
            }
            else if (inputs._seen.Add(InputPaths.Key(path)))
            {
                inputs._packs.Add(path);
            }
        }

        foreach (var path in sentinelRules.Select(InputPaths.Trim))
        {
            if (Directory.Exists(path))
            {
                inputs.AddFolder("--sentinel-rules", path);
            }
            else if (File.Exists(path))
            {
                inputs.AddSentinelFile("--sentinel-rules", path);
            }
            else
            {
                throw new CliException($"--sentinel-rules '{path}' is neither a file nor a folder.", ExitCodes.Usage);
            }
        }

        return inputs;
    }

    private void AddSentinelFile(string option, string path)
    {
        if (_seen.Add(InputPaths.Key(path)))
        {
            _sentinel.Add(new SentinelRuleInput(option, path, IsFolder: false, new[] { path }, new[] { path }, HasPacks: false));
        }
    }

    private void AddFolder(string option, string folder)
    {
        var files = new List<string>();
        var sentinel = new List<string>();
        var hasPacks = false;
        foreach (var file in SentinelRuleImporter.RuleFiles(folder))
        {
            var isNew = _seen.Add(InputPaths.Key(file));
            if (IsPackFile(file))
            {
                hasPacks = true;
                if (isNew)
                {
                    _packs.Add(file);
                }

                continue;
            }

            sentinel.Add(file);
            if (isNew)
            {
                files.Add(file);
            }
        }

        _sentinel.Add(new SentinelRuleInput(option, folder, IsFolder: true, files, sentinel, hasPacks));
    }

    /// <summary>A <c>.json</c> file in a folder that is a rule pack (a broken one goes to the Sentinel importer, which reports it).</summary>
    private static bool IsPackFile(string file)
    {
        if (!Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            return IsRulePack(File.ReadAllBytes(file));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsSentinel(string path)
    {
        if (Directory.Exists(path))
        {
            return true;
        }

        if (!File.Exists(path))
        {
            throw new CliException($"--rules '{path}' is neither a file nor a folder.", ExitCodes.Usage);
        }

        var text = File.ReadAllText(path).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!text.StartsWith("{", StringComparison.Ordinal) && !text.StartsWith("[", StringComparison.Ordinal))
        {
            // Not JSON: a Sentinel YAML template (by extension, or by its query key when the extension says nothing).
            var extension = Path.GetExtension(path);
            if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("query:", StringComparison.Ordinal) || text.Contains("\nquery:", StringComparison.Ordinal))
            {
                return true;
            }

            throw Unrecognised(path, "it is neither JSON nor a YAML analytics rule");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, JsonOptions);
        }
        catch (JsonException ex)
        {
            // A broken .json goes to the rule pack reader as before, which reports the syntax error with its line.
            return Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
                ? false
                : throw Unrecognised(path, $"not a single JSON document ({ex.Message.TrimEnd('.')})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (IsRulePack(System.Text.Encoding.UTF8.GetBytes(text)))
            {
                return false;
            }

            if (HasAnalyticsRule(root, 0))
            {
                return true;
            }
        }

        throw Unrecognised(path, "no 'rules' array (rule pack) and no analytics rule (ARM 'resources' of type .../alertRules, REST 'value', or 'properties.query')");
    }

    /// <summary>
    /// The rule pack shape: a JSON object with <c>rules</c>, <c>attackVersion</c> or the rule-pack <c>$schema</c> at its top
    /// (an incomplete pack still goes to the pack reader, which lists what is missing). Reads the top level only, without
    /// building a document, as a folder can hold many large JSON files.
    /// </summary>
    private static bool IsRulePack(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            json = json.Slice(3);
        }

        var reader = new Utf8JsonReader(json, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("$schema"))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && reader.GetString()!.Contains("rule-pack", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else
            {
                var name = reader.GetString()!;
                if (name.Equals("rules", StringComparison.OrdinalIgnoreCase) || name.Equals("attackVersion", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                reader.Read();
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>An object typed <c>…/alertRules</c> or <c>…/AlertRuleTemplates</c>, or with <c>properties.query</c>, anywhere in the document.</summary>
    private static bool HasAnalyticsRule(JsonElement element, int depth)
    {
        if (depth > 16)
        {
            return false;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().Any(e => HasAnalyticsRule(e, depth + 1));
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && (type.GetString()!.EndsWith("/alertRules", StringComparison.OrdinalIgnoreCase)
                || type.GetString()!.EndsWith("/AlertRuleTemplates", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (element.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String)
        {
            return true;
        }

        return element.EnumerateObject().Any(p => HasAnalyticsRule(p.Value, depth + 1));
    }

    private static CliException Unrecognised(string path, string why) =>
        new($"--rules '{path}' is not a rule pack nor Microsoft Sentinel analytics rules: {why}.", ExitCodes.Usage);
}
