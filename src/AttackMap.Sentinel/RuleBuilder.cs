using System.Globalization;
using AttackMap.Attack;
using AttackMap.Detections;
using AttackMap.Signals;

namespace AttackMap.Sentinel;

/// <summary>Turns the fields read from a file into a <see cref="SentinelRule"/>: techniques validated, tables and families found.</summary>
internal sealed class RuleBuilder
{
    private readonly AttackCatalog _catalog;

    public RuleBuilder(AttackCatalog catalog) => _catalog = catalog;

    public SentinelRule Build(RuleFields fields)
    {
        var notes = new List<string>();
        var techniques = Techniques(fields.Techniques, notes);
        notes.AddRange(fields.Tactics.Distinct(StringComparer.Ordinal).Select(t => SentinelTactics.Note(t, _catalog)).OfType<string>());
        var query = fields.Query ?? string.Empty;
        var references = KqlTables.Analyze(query);
        var tables = Tables(fields.DataTypes, references.Tables, notes);
        var basis = references.Tables.Count > 0 ? tables.Where(t => t.InQuery) : tables.Where(t => t.InDataTypes);
        var basisList = basis.ToList();

        return new SentinelRule
        {
            Id = FirstNonEmpty(fields.Id, fields.TemplateId, FileId(fields)),
            Name = FirstNonEmpty(fields.Name, fields.Id, Path.GetFileNameWithoutExtension(fields.SourceFile)),
            Description = fields.Description,
            Severity = fields.Severity,
            Kind = Kind(fields.Kind),
            Enabled = fields.Enabled,
            Status = fields.Status,
            QueryFrequency = RuleDurations.Parse(fields.QueryFrequency),
            QueryPeriod = RuleDurations.Parse(fields.QueryPeriod),
            TriggerOperator = fields.TriggerOperator,
            TriggerThreshold = int.TryParse(fields.TriggerThreshold, NumberStyles.Integer, CultureInfo.InvariantCulture, out var threshold) ? threshold : null,
            Tactics = fields.Tactics.Distinct(StringComparer.Ordinal).ToArray(),
            Techniques = techniques,
            Query = query,
            Tables = tables,
            QueryFunctions = references.Functions,
            Families = basisList.Where(t => t.Family is not null).Select(t => t.Family!.Value).Distinct().OrderBy(f => f).ToArray(),
            OtherTables = basisList.Where(t => t.Family is null).Select(t => t.Name).ToArray(),
            TemplateId = fields.TemplateId,
            Format = fields.Format,
            SourceFile = fields.SourceFile,
            SourceLocation = fields.Location,
            Notes = notes,
        };
    }

    private static string Kind(string? kind) => kind?.Trim() switch
    {
        null or "" => "Scheduled",
        { } k when k.Equals("Scheduled", StringComparison.OrdinalIgnoreCase) => "Scheduled",
        { } k when k.Equals("NRT", StringComparison.OrdinalIgnoreCase) => "NRT",
        { } k => k,
    };

    /// <summary>The id of a rule that states none: the file name, with the location for a rule inside an ARM file.</summary>
    private static string FileId(RuleFields fields) =>
        Path.GetFileNameWithoutExtension(fields.SourceFile) + (fields.Format == SentinelRuleFormat.ArmTemplate && fields.Location is { } location ? "#" + location : string.Empty);

    private static string FirstNonEmpty(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!.Trim();

    private static IReadOnlyList<RuleTable> Tables(IEnumerable<string> dataTypes, IReadOnlyList<string> queryTables, List<string> notes)
    {
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var dataType in dataTypes)
        {
            var name = TableName(dataType);
            if (KqlTables.IsKnownTable(name) || name.EndsWith("_CL", StringComparison.Ordinal))
            {
                declared.Add(name);
            }
            else
            {
                notes.Add($"dataTypes entry '{dataType}' is not a known Log Analytics table; ignored.");
            }
        }

        var fromQuery = new HashSet<string>(queryTables, StringComparer.Ordinal);
        return declared.Union(fromQuery).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new RuleTable
            {
                Name = n,
                InDataTypes = declared.Contains(n),
                InQuery = fromQuery.Contains(n),
                Family = SentinelLogFamilies.TryGetFamily(n, out var family) ? family : null,
            })
            .ToArray();
    }

    /// <summary>Reduces a dataTypes entry such as <c>SecurityAlert (IPC)</c> to the table name.</summary>
    private static string TableName(string dataType)
    {
        var name = dataType.Trim();
        var paren = name.IndexOf('(');
        return paren > 0 ? name.Substring(0, paren).Trim() : name;
    }

    private IReadOnlyList<RuleTechnique> Techniques(IEnumerable<string> ids, List<string> notes)
    {
        var result = new List<RuleTechnique>();
        foreach (var written in ids.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var id = written.ToUpperInvariant();
            var technique = Validate(id, written);
            if (technique.Note is { } note)
            {
                notes.Add(note);
            }

            if (!result.Any(t => t.Id == technique.Id))
            {
                result.Add(technique);
            }
        }

        return result.OrderBy(t => t.Id, StringComparer.Ordinal).ToArray();
    }

    private RuleTechnique Validate(string id, string written)
    {
        var version = _catalog.Version;
        if (_catalog.TryGetTechnique(id, out var technique) && technique.IsCurrent)
        {
            return new RuleTechnique { Id = technique.Id, OriginalId = written, Name = technique.Name, Status = TechniqueStatus.Current };
        }

        if (technique is not null && _catalog.Migrate(id, _catalog) is { Outcome: MigrationOutcome.Split } split)
        {
            return new RuleTechnique
            {
                Id = technique.Id,
                OriginalId = written,
                Name = technique.Name,
                Status = TechniqueStatus.Split,
                Candidates = split.Candidates,
                Note = $"{id} was split in ATT&CK {version} into {string.Join(", ", split.Candidates)}; retag the rule with the successor(s) it detects.",
            };
        }

        if (_catalog.ResolveCurrent(id) is { } current)
        {
            return new RuleTechnique
            {
                Id = current.Id,
                OriginalId = written,
                Name = current.Name,
                Status = TechniqueStatus.Migrated,
                Note = $"{id} is revoked in ATT&CK {version}; migrated to {current.Id} ({current.Name}).",
            };
        }

        if (technique is not null)
        {
            return new RuleTechnique
            {
                Id = technique.Id,
                OriginalId = written,
                Name = technique.Name,
                Status = TechniqueStatus.Deprecated,
                Note = $"{id} ({technique.Name}) is deprecated in ATT&CK {version} with no replacement; kept as written.",
            };
        }

        return new RuleTechnique
        {
            Id = id,
            OriginalId = written,
            Status = TechniqueStatus.Unknown,
            Note = $"{id} is not a technique of ATT&CK {version}; kept as written.",
        };
    }
}
