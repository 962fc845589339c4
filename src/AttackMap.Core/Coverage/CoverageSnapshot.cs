using System.Text.Json;

namespace AttackMap.Coverage;

/// <summary>
/// The part of a coverage report that a diff compares: the ATT&amp;CK version and each in-scope technique's status and reason.
/// Taken from a <see cref="CoverageReport"/> or read back from the JSON report (<c>JsonCoverageReportExporter</c>).
/// </summary>
public sealed class CoverageSnapshot
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="attackVersion">The ATT&amp;CK version.</param>
    /// <param name="techniques">The in-scope techniques (ids must be unique, case-insensitive).</param>
    public CoverageSnapshot(string attackVersion, IEnumerable<CoverageSnapshotTechnique> techniques)
    {
        AttackVersion = attackVersion ?? string.Empty;
        Techniques = (techniques ?? throw new ArgumentNullException(nameof(techniques)))
            .OrderBy(t => t.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Gets the ATT&amp;CK version (for example <c>19.2</c>).</summary>
    public string AttackVersion { get; }

    /// <summary>Gets the in-scope techniques, ordered by id.</summary>
    public IReadOnlyList<CoverageSnapshotTechnique> Techniques { get; }

    /// <summary>Takes the snapshot of a report's in-scope techniques.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The snapshot.</returns>
    public static CoverageSnapshot From(CoverageReport report) =>
        report is null
            ? throw new ArgumentNullException(nameof(report))
            : new CoverageSnapshot(report.AttackVersion, report.Techniques.Select(t => new CoverageSnapshotTechnique(t.Id, t.Technique.Name, t.Status, t.Reason) { IsMapped = t.Rules.Count > 0 }));

    /// <summary>Reads a snapshot from a JSON coverage report written by <c>JsonCoverageReportExporter</c> (its <c>attackVersion</c> and <c>techniques</c>).</summary>
    /// <param name="json">The stream with the JSON report.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="FormatException">The JSON is not a coverage report.</exception>
    public static CoverageSnapshot ReadJson(Stream json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("techniques", out _)
                && (root.TryGetProperty("domain", out _) || root.TryGetProperty("versions", out _)))
            {
                throw new FormatException("this is an ATT&CK Navigator layer, not a coverage report; pass a report written by 'attackmap coverage --json'.");
            }

            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("techniques", out var techniques) || techniques.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("not a JSON coverage report: no 'techniques' array.");
            }

            var version = root.TryGetProperty("attackVersion", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
            return new CoverageSnapshot(version, techniques.EnumerateArray().Select(ReadTechnique).ToArray());
        }
        catch (JsonException ex)
        {
            throw new FormatException("not valid JSON " + Internal.JsonErrorText.Describe(ex), ex);
        }
    }

    /// <summary>Looks up a technique by id (case-insensitive).</summary>
    /// <param name="techniqueId">The technique id.</param>
    /// <returns>The technique, or <see langword="null"/> when it is not in scope.</returns>
    public CoverageSnapshotTechnique? Find(string techniqueId) =>
        Techniques.FirstOrDefault(t => string.Equals(t.Id, techniqueId, StringComparison.OrdinalIgnoreCase));

    private static CoverageSnapshotTechnique ReadTechnique(JsonElement element)
    {
        var id = String(element, "id");
        var statusText = String(element, "status");
        if (id.Length == 0 || !Enum.TryParse<CoverageStatus>(statusText, ignoreCase: false, out var status) || !Enum.IsDefined(typeof(CoverageStatus), status))
        {
            throw new FormatException($"technique '{id}' has no valid id or status ('{statusText}').");
        }

        var isMapped = !element.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array || rules.GetArrayLength() > 0;
        return new CoverageSnapshotTechnique(id, String(element, "name"), status, String(element, "reason")) { IsMapped = isMapped };
    }

    private static string String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : string.Empty;
}
